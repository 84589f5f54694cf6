import { expect, test } from '@playwright/test';
import { api, signIn } from './helpers';

test.describe.configure({ mode: 'serial' });

const EAN = '8901063010239';
let orderId: number;

test('setup: a product in two batches in the PICK warehouse, and an order for 40', async ({ page }) => {
  await signIn(page);
  const r = page.request;
  const wh = await api(r, 'warehouses.create', {
    code: 'PICK',
    name: 'Picking Warehouse',
    address: { stateCode: '27', city: 'Pune' },
  });
  const product = await api(r, 'products.create', {
    sku: 'PCK-01',
    name: 'Amrut Cow Ghee 500 ml',
    category: 'Dairy',
    taxRate: 1200,
    price: 30000,
    mrp: 36000,
    rackLocation: 'D-04',
    barcodes: [{ code: EAN }],
  });
  await api(r, 'inventory.receive', {
    warehouseId: wh.id,
    lines: [
      { productId: product.id, batchNo: 'P-OLD', manufacturedOn: '2026-08-01', expiresOn: '2048-02-01', quantity: 30 },
      { productId: product.id, batchNo: 'P-NEW', manufacturedOn: '2026-11-01', expiresOn: '2049-01-01', quantity: 100 },
    ],
  });
  const customers = await api(r, 'customers.list', { search: 'RT0900' });
  const order = await api(r, 'orders.place', {
    customerId: customers.rows[0].id,
    warehouseId: wh.id,
    paymentType: 'cash',
    lines: [{ productId: product.id, quantity: 40 }],
  });
  expect(order.status).toBe('confirmed');
  orderId = order.id;
});

test('a warehouse clerk picks the order by scanning GS1 codes; a wrong batch is refused', async ({ page }) => {
  await signIn(page);
  await page.keyboard.press('Alt+4');
  await expect(page.getByRole('heading', { name: 'Picking' })).toBeVisible();
  await page.getByRole('button', { name: 'New pick list' }).click();
  const dialog = page.getByRole('dialog', { name: 'New pick list' });
  await dialog.getByRole('combobox').selectOption({ label: 'PICK — Picking Warehouse' });
  await expect(dialog.getByRole('checkbox')).toHaveCount(1);
  await dialog.getByRole('button', { name: /Make pick list \(1 orders\)/ }).click();

  const scan = page.getByLabel('Scan (barcode or GS1)');
  await expect(scan).toBeFocused();
  await expect(page.getByTestId('pick-line')).toHaveCount(2);
  await expect(page.getByTestId('pick-line').first()).toContainText('P-OLD');

  await page.keyboard.type(`(01)0${EAN}(17)490101(10)P-WRONG(30)10`);
  await page.keyboard.press('Enter');
  const result = page.getByTestId('scan-result');
  await expect(result).toHaveText(
    'Wrong batch: PCK-01 should come from batch P-OLD (exp 2048-02-01) or P-NEW (exp 2049-01-01); you scanned P-WRONG',
  );
  await expect(result).toHaveClass(/bad/);
  await page.screenshot({ path: 'test-results/e2e/picking-wrong-batch.png' });

  await expect(scan).toBeFocused();
  await page.keyboard.type(`(01)0${EAN}(17)480201(10)P-OLD(30)30`);
  await page.keyboard.press('Enter');
  await expect(result).toHaveText('Picked 30 pc of PCK-01 from batch P-OLD; line done');
  await page.keyboard.type(`(01)0${EAN}(17)490101(10)P-NEW(30)10`);
  await page.keyboard.press('Enter');
  await expect(result).toHaveText('Picked 10 pc of PCK-01 from batch P-NEW; line done');
  await expect(page.getByText('40 of 40 done')).toBeVisible();
  await page.getByRole('button', { name: 'Complete' }).click();
  await expect(page.getByText(/PL\/\d\d-\d\d\/\d{6} complete/)).toBeVisible();
  const order = await api(page.request, 'orders.get', { id: orderId });
  expect(order.status).toBe('picked');
});
