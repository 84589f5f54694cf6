import { expect, test, type Browser, type Page } from '@playwright/test';
import { api, signIn } from './helpers';

test.describe.configure({ mode: 'serial' });

/** A fresh browser session for another user: the clerk and the manager sit at different PCs. */
async function signInAs(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill('password-123');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'New order' })).toBeVisible();
  return page;
}

/** Customer, warehouse and one line, by keyboard as a clerk does. */
async function enterLine(page: Page, quantity: string) {
  await expect(page.getByLabel('Customer')).toBeFocused();
  await page.keyboard.type('RT0950');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Product', { exact: true })).toBeFocused();
  await page.getByLabel('Warehouse').selectOption({ label: 'MRGN — Margin Godown' });
  await page.getByLabel('Product', { exact: true }).focus();
  await page.keyboard.type('LOSS-01');
  await page.keyboard.press('Enter');
  await expect(page.locator('#entry-qty')).toBeFocused();
  await page.keyboard.type(quantity);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('order-line')).toHaveCount(1);
}

test('setup: stock bought at ₹12.00 a unit that the price list sells at ₹10.00, a clerk and a manager', async ({
  page,
}) => {
  await signIn(page);
  const r = page.request;
  const wh = await api(r, 'warehouses.create', {
    code: 'MRGN',
    name: 'Margin Godown',
    address: { stateCode: '27', city: 'Pune' },
  });
  await api(r, 'customers.create', {
    code: 'RT0950',
    name: 'Below Cost Kirana',
    type: 'retailer',
    billTo: { stateCode: '27', city: 'Pune', district: 'Pune' },
    creditLimit: 1_00_000_00,
    paymentTermsDays: 15,
  });
  const p = await api(r, 'products.create', {
    sku: 'LOSS-01',
    name: 'Clearance Namkeen 200 g',
    category: 'Snacks',
    brand: 'Sunrise',
    taxRate: 1800,
    price: 1000,
    mrp: 1500,
    packs: [],
  });
  // Received WITH cost: 50 units worth ₹600.00 before tax.
  await api(r, 'inventory.receive', {
    warehouseId: wh.id,
    lines: [{ productId: p.id, batchNo: 'M1', expiresOn: '2099-12-31', quantity: 50, value: 600_00 }],
  });
  for (const [username, role] of [
    ['ravi', 'sales_clerk'],
    ['meena', 'manager'],
  ])
    await api(r, 'users.create', { username, displayName: `${username} (${role})`, role, password: 'password-123' });
});

test('the manager sees the line marked below cost, with the margin', async ({ browser }) => {
  const page = await signInAs(browser, 'meena');
  await enterLine(page, '5');
  const line = page.getByTestId('order-line').first();
  await expect(line.getByTestId('below-cost')).toBeVisible();
  await expect(line.getByTestId('below-cost')).toHaveAttribute('title', 'Cost ₹60.00; sells at ₹50.00 before tax');
  await expect(page.getByTestId('order-margin')).toContainText('-₹10.00');
  await expect(page.getByTestId('order-margin')).toContainText('−20%');
  await expect(page.getByTestId('margin-notice')).toHaveText(
    'Bill sells ₹10.00 below cost: line 1 LOSS-01 ₹10.00 below cost',
  );
  await page.screenshot({ path: 'test-results/e2e/margin-below-cost-manager.png' });
});

test('a clerk’s below-cost bill waits for the manager, who approves it', async ({ browser }) => {
  const clerk = await signInAs(browser, 'ravi');
  await enterLine(clerk, '4');
  // The clerk is told it needs a manager, never the cost.
  await expect(clerk.getByTestId('below-cost')).toHaveCount(0);
  await expect(clerk.getByTestId('order-margin')).toHaveCount(0);
  await expect(clerk.locator('.summary .approval')).toContainText('Price below cost: needs manager');
  await expect(clerk.locator('.summary')).not.toContainText('₹48.00');
  await clerk.screenshot({ path: 'test-results/e2e/margin-below-cost-clerk.png' });
  await clerk.keyboard.press('Control+A');
  const result = clerk.getByTestId('order-result');
  await expect(result).toContainText(/SO\/\d\d-\d\d\/\d+/);
  await expect(result).toContainText(/approval/i);
  const number = /SO\/\d\d-\d\d\/\d+/.exec((await result.textContent()) ?? '')![0];

  const manager = await signInAs(browser, 'meena');
  await manager.keyboard.press('Alt+3');
  await expect(manager.getByRole('heading', { name: 'Approvals' })).toBeVisible();
  const card = manager.getByRole('article', { name: `Approval for ${number}` });
  await expect(card).toContainText('Bill sells ₹8.00 below cost: line 1 LOSS-01 ₹8.00 below cost');
  await card.getByLabel(`Comment on ${number}`).fill('Clearing old stock');
  await manager.screenshot({ path: 'test-results/e2e/margin-approval.png' });
  await card.getByRole('button', { name: 'Approve' }).click();
  await expect(card).toHaveCount(0);
  const orders = await api(manager.request, 'orders.list', { status: 'confirmed' });
  const rows = (orders.rows ?? orders) as { number: string; status: string }[];
  expect(rows.find((o) => o.number === number)?.status).toBe('confirmed');
});
