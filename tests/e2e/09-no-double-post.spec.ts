import { expect, test } from '@playwright/test';
import { api, signIn } from './helpers';

// Issue 13: a second Ctrl+Enter after placing placed the same order again and reserved stock twice.
test('a second (and third) Ctrl+Enter after placing makes no second order', async ({ page }) => {
  await signIn(page);
  const r = page.request;
  const wh = await api(r, 'warehouses.create', {
    code: 'IDEM',
    name: 'Idempotency Godown',
    address: { stateCode: '27', city: 'Pune' },
  });
  const customer = await api(r, 'customers.create', {
    code: 'RT0777',
    name: 'Twice Pressed Traders',
    type: 'retailer',
    billTo: { stateCode: '27', city: 'Pune', district: 'Pune' },
    creditLimit: 1_00_000_00,
  });
  const p = await api(r, 'products.create', {
    sku: 'IDEM-01',
    name: 'Double Press Soap',
    category: 'Soaps',
    brand: 'Once',
    taxRate: 1800,
    price: 2500,
    mrp: 3000,
  });
  await api(r, 'inventory.receive', {
    warehouseId: wh.id,
    lines: [{ productId: p.id, batchNo: 'I1', expiresOn: '2099-12-31', quantity: 100 }],
  });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'New order' })).toBeVisible();

  await page.getByLabel('Customer').focus();
  await page.keyboard.type('RT0777');
  await page.getByRole('option', { name: /Twice Pressed Traders/ }).click();
  await expect(page.getByLabel('Product', { exact: true })).toBeFocused();
  // Choosing the customer sets its default warehouse; this stock sits in the IDEM godown.
  await expect(page.locator('#order-warehouse')).not.toHaveValue('');
  await page.locator('#order-warehouse').selectOption(String(wh.id));
  await page.getByLabel('Product', { exact: true }).focus();
  await page.keyboard.type('IDEM-01');
  await page.getByRole('option', { name: /IDEM-01/ }).click();
  await expect(page.locator('#entry-qty')).toBeFocused();
  await page.keyboard.type('5');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('order-line')).toHaveCount(1);

  // Two presses before the first answer arrives, and one more after the banner shows.
  await page.keyboard.press('Control+Enter');
  await page.keyboard.press('Control+Enter');
  const result = page.getByTestId('order-result');
  await expect(result).toContainText(/Order SO\/\d\d-\d\d\/\d+ confirmed/);
  const shown = await result.textContent();
  await page.keyboard.press('Control+Enter');
  await expect(result).toContainText(/Order SO\/\d\d-\d\d\/\d+ confirmed/);
  expect(await result.textContent()).toBe(shown);

  const orders = await api(r, 'orders.list', { customerId: customer.id, limit: 50 });
  expect(orders.total).toBe(1);
  const stock = await api(r, 'inventory.stock', { productId: p.id, warehouseId: wh.id });
  expect(stock.rows[0]).toMatchObject({ onHand: 100, reserved: 5 });
});
