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
