import { expect, test } from '@playwright/test';
import { api, signIn } from './helpers';

// Uses 02-orders' retailer RT0900 (Pune, Maharashtra) and its products E2E-01…10 at 18% GST.
test('the clerk ships an order to a godown in another state by keyboard, and the order keeps the ship-to', async ({
  page,
}) => {
  await signIn(page);
  const r = page.request;
  await api(r, 'customers.create', {
    code: 'RT0900-KA',
    name: 'Kulkarni Stores Hubli Godown',
    type: 'retailer',
    billTo: { stateCode: '29', city: 'Hubli', district: 'Dharwad' },
  });
  await expect(page.getByLabel('Customer')).toBeFocused();
  await page.keyboard.type('RT0900');
  await page.keyboard.press('Enter');
  const product = page.getByLabel('Product', { exact: true });
  await expect(product).toBeFocused();
  await page.keyboard.type('E2E-06');
  await page.keyboard.press('Enter');
  await expect(page.locator('#entry-qty')).toBeFocused();
  await page.keyboard.type('10');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('order-line')).toHaveCount(1);

  // The parties fold under one line; the keyboard opens it and picks the ship-to by its code.
  const parties = page.locator('.order-parties summary');
  await expect(parties).toHaveText("Parties: the customer's own");
  await parties.focus();
  await page.keyboard.press('Enter');
  await page.getByLabel('Ship to').focus();
  await page.keyboard.type('RT0900-KA');
  await page.keyboard.press('Enter');
  await expect(parties).toContainText('Ship to Kulkarni Stores Hubli Godown');

  await page.screenshot({ path: 'test-results/e2e/order-parties.png' });
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('order-result')).toContainText(/Order SO\/\d\d-\d\d\/\d+ confirmed/);
  const customer = (await api(r, 'customers.list', { search: 'RT0900', limit: 5 })).rows.find(
    (c: { code: string }) => c.code === 'RT0900',
  );
  const orders = await api(r, 'orders.list', { customerId: customer.id, limit: 50 });
  const newest = Math.max(...orders.rows.map((o: { id: number }) => o.id));
  const order = await api(r, 'orders.get', { id: newest });
  // The ship-to's state (Karnataka) is the place of supply the invoice will take.
  expect(order.parties.shipTo).toMatchObject({ name: 'Kulkarni Stores Hubli Godown', stateCode: '29' });
  expect(order.parties.payer.name).toBe('Kulkarni Provision Stores');
});

test('the customer master names its default parties by keyboard, and an order takes them', async ({ page }) => {
  await signIn(page);
  const r = page.request;
  // The godown (from the test above) is billed to, and pays through, the Pune shop: its bill-to by default.
  await page.keyboard.press('Alt+8');
  await page.getByLabel('Search customers').fill('RT0900-KA');
  const row = page.getByRole('row').filter({ hasText: 'RT0900-KA' });
  await row.click();
  await page.keyboard.press('Enter');
  const drawer = page.getByRole('dialog', { name: 'Customer RT0900-KA' });
  const parties = drawer.getByLabel('Default parties');
  for (const label of ['Bill to', 'Payer']) {
    const box = parties.getByLabel(label, { exact: true });
    await box.focus();
    await page.keyboard.type('RT0900');
    await page.keyboard.press('Enter');
    await expect(box).toHaveValue('Kulkarni Provision Stores (RT0900)');
  }
  await page.screenshot({ path: 'test-results/e2e/customer-party-defaults.png' });
  await page.keyboard.press('Control+s');
  await expect(page.getByText('Saved Kulkarni Stores Hubli Godown (RT0900-KA)')).toBeVisible();
  // Opened again, the saved defaults read as names, looked up from their ids.
  await expect(drawer).toHaveCount(0);
  await row.click();
  await page.keyboard.press('Enter');
  await expect(parties.getByLabel('Payer', { exact: true })).toHaveValue('Kulkarni Provision Stores (RT0900)');
  await expect(parties.getByLabel('Bill to', { exact: true })).toHaveValue('Kulkarni Provision Stores (RT0900)');
  await page.keyboard.press('Escape');

  const godown = (await api(r, 'customers.list', { search: 'RT0900-KA', limit: 5 })).rows[0];
  const shop = (await api(r, 'customers.list', { search: 'RT0900', limit: 5 })).rows.find(
    (c: { code: string }) => c.code === 'RT0900',
  );
  expect(await api(r, 'customers.get', { id: godown.id })).toMatchObject({
    billToId: shop.id,
    payerId: shop.id,
    shipToId: null,
  });
  const placed = await api(r, 'orders.place', {
    customerId: godown.id,
    warehouseId: (await api(r, 'warehouses.list', {}))[0].id,
    paymentType: 'cash',
    lines: [{ productId: (await api(r, 'products.list', { search: 'E2E-06', limit: 1 })).rows[0].id, quantity: 1 }],
  });
  const order = await api(r, 'orders.get', { id: placed.id });
  expect(order.parties).toMatchObject({ billTo: { code: 'RT0900' }, payer: { code: 'RT0900' } });
});

test('the clerk bills freight on one order without touching the customer’s terms', async ({ page }) => {
  await signIn(page);
  const r = page.request;
  const shop = (await api(r, 'customers.list', { search: 'RT0900', limit: 5 })).rows.find(
    (c: { code: string }) => c.code === 'RT0900',
  );
  const orders = await api(r, 'orders.list', { customerId: shop.id, limit: 50 });
  const newest = orders.rows.reduce((a: { id: number }, b: { id: number }) => (b.id > a.id ? b : a));
  await page.keyboard.press('Alt+2');
  await page.getByRole('row').filter({ hasText: newest.number }).click();
  const shipping = page.getByRole('dialog').getByRole('region', { name: 'Order shipping terms' });
  await expect(shipping).toContainText('Freight paid (the customer’s terms)');
  await shipping.getByRole('button', { name: 'Change for this order' }).click();
  await shipping.getByLabel('Freight', { exact: true }).selectOption('for_destination');
  await shipping.getByLabel('Freight ₹ per invoice').fill('250');
  await page.keyboard.press('Enter');
  await expect(shipping).toContainText('₹250.00');
  await expect(shipping).toContainText('(this order’s own terms)');
  await page.screenshot({ path: 'test-results/e2e/order-shipping-terms.png' });
  const terms = await api(r, 'shipping.orderTerms', { orderId: newest.id });
  expect(terms.effective).toMatchObject({ freightBasis: 'for_destination', freightAmount: 250_00 });
  expect(terms.customer.freightBasis).toBe('paid');
});
