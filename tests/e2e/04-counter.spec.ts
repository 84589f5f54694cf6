import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { gs1CheckDigit } from '../../src-shared/gtin';
import { api, countKeys, signIn } from './helpers';

async function mainWarehouseId(page: import('@playwright/test').Page): Promise<number> {
  const warehouses = await api(page.request, 'warehouses.list', {});
  return warehouses.find((w: { code: string }) => w.code === 'MAIN').id;
}

test.describe.configure({ mode: 'serial' });

const eans = Array.from({ length: 5 }, (_, i) => {
  const body = `89010630104${i}`;
  return body + gs1CheckDigit(body);
});

test('setup: five counter products with barcodes and stock', async ({ page }) => {
  await signIn(page);
  const r = page.request;
  const warehouses = await api(r, 'warehouses.list', {});
  const main = warehouses.find((w: { code: string }) => w.code === 'MAIN');
  const ids: number[] = [];
  for (const [i, code] of eans.entries()) {
    const p = await api(r, 'products.create', {
      sku: `CTR-0${i + 1}`,
      name: `Counter item ${i + 1}`,
      category: 'Snacks',
      taxRate: i % 2 ? 500 : 1800,
      price: 1250 * (i + 1),
      mrp: 2000 * (i + 1),
      barcodes: [{ code }],
    });
    ids.push(p.id);
  }
  // Two ghees: "ghee" alone must not pick either of them silently.
  for (const [sku, name] of [
    ['GHE-01', 'Amul Ghee 500 ml'],
    ['GHE-02', 'Gowardhan Ghee 1 l'],
  ]) {
    ids.push(
      (await api(r, 'products.create', { sku, name, category: 'Dairy', taxRate: 1200, price: 30000, mrp: 32000 })).id,
    );
  }
  await api(r, 'inventory.receive', {
    warehouseId: main.id,
    lines: ids.map((productId) => ({ productId, batchNo: 'CT1', expiresOn: '2049-01-01', quantity: 50 })),
  });
});

test('a walk-in bill of 5 lines takes at most 15 keys beyond the scans and ends with a receipt whose total is the screen total', async ({
  page,
}) => {
  await signIn(page);
  const keys = countKeys(page);
  await page.keyboard.press('Alt+5');
  await expect(page.getByRole('heading', { name: 'Counter sale' })).toBeVisible();
  // The counter opens on the warehouse the rule picks (in the company's state), ready to scan.
  await expect(page.getByLabel('Sell from warehouse')).toHaveValue(String(await mainWarehouseId(page)));
  await expect(page.getByLabel('Scan or type SKU')).toBeFocused();
  // A scanner types the code and Enter, as fast as it likes; the second item is scanned twice.
  for (const code of [eans[0]!, eans[1]!, eans[1]!, eans[2]!, eans[3]!, eans[4]!]) await keys.scan(code);
  await expect(page.getByTestId('counter-line')).toHaveCount(5);
  await expect(page.getByLabel('Quantity of CTR-02')).toHaveValue('2');
  await expect(page.getByTestId('counter-total')).toHaveText(/^₹[\d,]+\.\d\d$/);
  const total = await page.getByTestId('counter-total').textContent();
  // Enter on the empty scan box reaches Tendered; Enter there completes the sale.
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Tendered (₹)')).toBeFocused();
  await page.keyboard.type('500');
  await page.keyboard.press('Enter');
  const result = page.getByTestId('counter-result');
  await expect(result).toContainText(
    /INV\/\d\d-\d\d\/\d{6} — total ₹[\d,]+\.00, received ₹500.00, change ₹[\d,]+\.\d\d/,
  );
  // Alt+5, Enter, 5 0 0, Enter: every key counted, the focus on Tendered included.
  expect(keys.tally.scans).toBe(6);
  expect(keys.tally.log).toEqual(['Alt+5', 'Enter', '500', 'Enter']);
  expect(keys.tally.extra).toBe(6);
  expect(keys.tally.extra).toBeLessThanOrEqual(15);
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/counter-sale.png' });

  const invoiceId = Number(await result.getAttribute('data-invoice-id'));
  const invoice = await api(page.request, 'invoices.get', { id: invoiceId });
  const receipt = await api(page.request, 'documents.receipt', { id: invoiceId, tendered: 500_00 });
  fs.mkdirSync('test-results/e2e', { recursive: true });
  const file = path.join('test-results/e2e', receipt.filename);
  fs.writeFileSync(file, Buffer.from(receipt.base64, 'base64'));
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
  const screenTotal = `₹${(invoice.total / 100).toLocaleString('en-IN', { minimumFractionDigits: 2 })}`;
  // The screen showed the bill the receipt prints, round-off included, to the paisa.
  expect(total).toBe(screenTotal);
  expect(text).toContain(screenTotal);
  await expect(result).toContainText(`total ${screenTotal}`);
});

test('typing "ghee" at the counter shows the ghees to choose from and adds none by itself', async ({ page }) => {
  await signIn(page);
  await page.keyboard.press('Alt+5');
  const scan = page.getByLabel('Scan or type SKU');
  await expect(scan).toBeFocused();
  await page.keyboard.type('ghee');
  await page.keyboard.press('Enter');
  // With 03-picking's Amrut Cow Ghee, three match.
  const choices = page.getByRole('listbox', { name: 'Matching products' }).getByRole('option');
  await expect(choices).toHaveCount(3);
  await expect(page.getByText('3 products match “ghee”: choose one with ↑↓ and Enter')).toBeVisible();
  await expect(page.getByTestId('counter-line')).toHaveCount(0);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(choices.nth(2)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('counter-line')).toHaveCount(1);
  await expect(page.getByTestId('counter-line')).toContainText('Gowardhan Ghee 1 l');
  // A whole SKU is exact: it is added at once, even though "ghe" matches both.
  await page.keyboard.type('GHE-01');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('counter-line')).toHaveCount(2);
  await expect(page.getByTestId('counter-line').nth(1)).toContainText('Amul Ghee 500 ml');
});
