import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { gs1CheckDigit } from '../../src-shared/gtin';
import { api, signIn } from './helpers';

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
    const p = await api(r, 'products.create', { sku: `CTR-0${i + 1}`, name: `Counter item ${i + 1}`, category: 'Snacks', taxRate: i % 2 ? 500 : 1800, price: 1250 * (i + 1), mrp: 2000 * (i + 1), barcodes: [{ code }] });
    ids.push(p.id);
  }
  await api(r, 'inventory.receive', { warehouseId: main.id, lines: ids.map((productId) => ({ productId, batchNo: 'CT1', expiresOn: '2049-01-01', quantity: 50 })) });
});

test('a walk-in bill of 5 lines by keyboard ends with a receipt whose total is the screen total', async ({ page }) => {
  await signIn(page);
  await page.keyboard.press('Alt+5');
  await expect(page.getByRole('heading', { name: 'Counter sale' })).toBeVisible();
  await page.getByLabel('Sell from warehouse').selectOption({ label: 'MAIN' });
  const scan = page.getByLabel('Scan or type SKU');
  await scan.focus();
  let keystrokes = 0;
  // A scanner types the code and Enter; the second item is scanned twice.
  for (const code of [eans[0]!, eans[1]!, eans[1]!, eans[2]!, eans[3]!, eans[4]!]) {
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
  }
  await expect(page.getByTestId('counter-line')).toHaveCount(5);
  await expect(page.getByLabel('Quantity of CTR-02')).toHaveValue('2');
  await expect(page.getByTestId('counter-total')).toHaveText(/^₹[\d,]+\.\d\d$/);
  const total = await page.getByTestId('counter-total').textContent();
  await page.getByLabel('Tendered (₹)').focus(); // Tab-reachable; counted as one keystroke
  keystrokes += 1;
  await page.keyboard.type('500');
  keystrokes += 3;
  await page.keyboard.press('Control+Enter');
  keystrokes += 1;
  const result = page.getByTestId('counter-result');
  await expect(result).toContainText(/INV\/\d\d-\d\d\/\d{6} — total ₹[\d,]+\.00, received ₹500.00, change ₹[\d,]+\.\d\d/);
  expect(keystrokes).toBeLessThan(30);
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
