import { expect, test, type APIRequestContext } from '@playwright/test';
import { api, signIn } from './helpers';

test.describe.configure({ mode: 'serial' });

// A depot of its own, so other stories' notes never share the board under its filter.
let warehouseId: number;
let productId: number;
const customers: Record<string, number> = {};

async function pickedOrder(r: APIRequestContext, customerId: number, quantity: number, placedBy = r) {
  const order = await api(placedBy, 'orders.place', {
    customerId,
    warehouseId,
    paymentType: 'credit',
    lines: [{ productId, quantity }],
  });
  if (order.status !== 'confirmed') return order;
  const list = await api(r, 'picking.create', { warehouseId, orderIds: [order.id] });
  for (const l of list.lines)
    await api(r, 'picking.setPicked', { pickListId: list.id, lineId: l.id, picked: l.quantity });
  await api(r, 'picking.complete', { id: list.id });
  return order;
}
const delivered = async (r: APIRequestContext, customerId: number, quantity: number, packages = 1) =>
  api(r, 'deliveryNotes.post', { orderId: (await pickedOrder(r, customerId, quantity)).id, packages });

test('setup: a depot, a ₹100 + 12% item and customers on two routes', async ({ page }) => {
  await signIn(page);
  const r = page.request;
  warehouseId = (
    await api(r, 'warehouses.create', { code: 'DSK', name: 'Desk Depot', address: { stateCode: '27', city: 'Satara' } })
  ).id;
  productId = (
    await api(r, 'products.create', {
      sku: 'DSK-01',
      name: 'Desk Tea 1 kg',
      category: 'Beverages',
      taxRate: 1200,
      price: 100_00,
      mrp: 150_00,
    })
  ).id;
  await api(r, 'inventory.receive', { warehouseId, lines: [{ productId, batchNo: 'DT1', quantity: 500 }] });
  const make = async (code: string, name: string, city: string, route: string, extra: object = {}) => {
    customers[code] = (
      await api(r, 'customers.create', {
        code,
        name,
        type: 'retailer',
        creditLimit: 5_00_000_00,
        paymentTermsDays: 15,
        route,
        billTo: { line1: 'Main Road', city, district: 'Satara', stateCode: '27', pincode: '415001' },
        ...extra,
      })
    ).id;
  };
  await make('DK0001', 'Satara Kirana', 'Satara', 'Desk North');
  await make('DK0002', 'Wai General Stores', 'Wai', 'Desk North');
  await make('DK0003', 'Karad Provisions', 'Karad', 'Desk South');
  await make('DK0004', 'Desk Receipts Mart', 'Satara', 'Desk South');
  await make('DK0005', 'Desk Approvals Bazaar', 'Koregaon', 'Desk South', {
    creditLimit: 100,
    creditPolicy: 'approval',
  });
});

test('the dispatch board filters by route and loads a whole route by keyboard', async ({ page }) => {
  await signIn(page);
  const r = page.request;
  await delivered(r, customers.DK0001!, 2);
  await delivered(r, customers.DK0003!, 1, 2);
  const order = await pickedOrder(r, customers.DK0002!, 3);

  // The billing desk posts the last note, counting its packages.
  await page.keyboard.press('Alt+6');
  await expect(page.getByRole('heading', { name: 'Billing' })).toBeVisible();
  const packages = page.getByLabel(`Packages for ${order.number}`);
  await expect(packages).toHaveValue('1');
  await packages.fill('4');
  await packages.press('Enter');
  await expect(
    page.getByText(/DN\/\d\d-\d\d\/\d{6} and INV\/\d\d-\d\d\/\d{6} posted for Wai General Stores/),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('tab', { name: 'Dispatch' }).click();
  const load = page.getByRole('form', { name: 'Load a vehicle' });
  const board = load.getByRole('grid', { name: 'Delivery notes to dispatch' });
  await load.getByLabel('Warehouse').selectOption({ label: 'DSK · Desk Depot' });
  await expect(board.getByRole('row')).toHaveCount(4);
  await load.getByLabel('Route filter').selectOption('Desk South');
  await expect(board.getByRole('row')).toHaveCount(2);
  await expect(board).toContainText('Karad Provisions');
  await load.getByLabel('Route filter').selectOption('');
  await expect(board.getByRole('row')).toHaveCount(4);
  await expect(
    board.getByRole('row').filter({ hasText: 'Wai General Stores' }).getByRole('gridcell', { name: '4', exact: true }),
  ).toBeVisible();

  // Keyboard only from here: the first row (Desk North, sorted by route), R loads its route.
  await board.getByRole('row').nth(1).focus();
  await page.keyboard.press('r');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(board.getByRole('row').nth(3)).toBeFocused();
  await expect(board.getByRole('row', { selected: true })).toHaveCount(2);
  await expect(board.getByRole('row').nth(3)).toHaveAttribute('aria-selected', 'false');
  await expect(load.getByLabel('Route', { exact: true })).toHaveValue('Desk North');
  await expect(load.getByRole('button', { name: /Dispatch 2 note\(s\) · 5 pkgs/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/dispatch-board.png' });
  await load.getByLabel('Vehicle no.').focus();
  await page.keyboard.type('MH11DK2020');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText(/DSP\/\d\d-\d\d\/\d{6} dispatched on MH11DK2020: 2 note\(s\)/)).toBeVisible();
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(board.getByRole('row')).toHaveCount(2);
  await expect(board).toContainText('Karad Provisions');
});

test('a receipt set bill by bill by keyboard warns about money left on account', async ({ page }) => {
  await signIn(page);
  const r = page.request;
  // Three bills: ₹112, ₹224 and ₹336.
  const bills = [];
  for (const q of [1, 2, 3]) bills.push((await delivered(r, customers.DK0004!, q)).invoiceNumber as string);

  await page.keyboard.press('Alt+6');
  await page.getByRole('tab', { name: 'Receive payment' }).click();
  await page.getByLabel('Customer').fill('Desk Receipts');
  await expect(page.getByRole('option', { name: /Desk Receipts Mart/ })).toBeVisible();
  await page.keyboard.press('Enter');
  const open = page.getByRole('table', { name: 'Open bills' });
  await expect(open.getByRole('row')).toHaveCount(4);
  await expect(page.getByTestId('receipt-customer')).toHaveText('Desk Receipts Mart · DK0004 · Satara');
  await expect(open.getByRole('row').nth(1)).toContainText(/0 d.*₹112\.00/);

  await page.getByLabel('Amount (₹)').fill('500');
  // Oldest first by default: ₹112 + ₹224 + ₹164 of the third.
  await expect(page.getByTestId('allocation-summary')).toHaveText('₹500.00 against 3 bill(s)');
  // Bill by bill: Space settles the second in full, ↓, type ₹100 on the third.
  await page.getByLabel(`Allocate to ${bills[1]}`).focus();
  await page.keyboard.press(' ');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.type('100');
  await expect(page.getByTestId('allocation-summary')).toContainText(
    '₹324.00 against 2 bill(s) · ₹176.00 stays on account',
  );
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('alertdialog', { name: 'Confirm receipt' });
  await expect(confirm).toContainText('₹500.00 (cash) from Desk Receipts Mart · DK0004 · Satara');
  await expect(confirm).toContainText(`${bills[1]}: ₹224.00`);
  await expect(confirm).toContainText(`${bills[2]}: ₹100.00`);
  await expect(confirm).not.toContainText(`${bills[0]}:`);
  await expect(page.getByTestId('on-account-warning')).toContainText('₹176.00 is not set against any bill');
  await page.screenshot({ path: 'test-results/e2e/receipt-bill-wise.png' });
  await page.keyboard.press('Enter');
  await expect(confirm.getByRole('button', { name: 'Save receipt' })).toBeFocused();
  await expect(page.getByTestId('payment-result')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('payment-result')).toContainText(
    '₹324.00 set against 2 invoice(s), ₹176.00 kept on account',
  );
  // The second bill is settled; the first and the rest of the third stay open.
  await expect(open.getByRole('row')).toHaveCount(3);
  await expect(open).toContainText('₹236.00');
});

test('the manager finds, sorts and approves several orders with one comment', async ({ page, browser }) => {
  await signIn(page);
  const r = page.request;
  // A sales clerk takes the orders at another PC: nobody approves an order they placed themselves.
  await api(r, 'users.create', {
    username: 'desk-clerk',
    displayName: 'Desk Clerk',
    role: 'sales_clerk',
    password: 'password-123',
  });
  const clerk = (await browser.newContext({ baseURL: new URL(page.url()).origin })).request;
  await api(clerk, 'auth.login', { username: 'desk-clerk', password: 'password-123' });
  const orders: { id: number; number: string; status: string }[] = [];
  for (const q of [1, 5, 3]) orders.push(await pickedOrder(r, customers.DK0005!, q, clerk));
  expect(orders.every((o) => o.status === 'pending_approval')).toBe(true);

  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('heading', { name: 'Approvals' })).toBeVisible();
  await page.getByLabel('Search approvals').fill('Desk Approvals');
  const cards = page.getByRole('article');
  await expect(cards).toHaveCount(3);
  await page.getByLabel('Sort approvals').selectOption('amount_desc');
  await expect(cards.first()).toHaveAccessibleName(`Approval for ${orders[1]!.number}`);
  await expect(cards.first().getByLabel('Credit as of now')).toContainText('Limit');
  await page.getByLabel(`Select ${orders[1]!.number}`).check();
  await page.getByLabel(`Select ${orders[2]!.number}`).check();
  await page.getByLabel(`Select ${orders[0]!.number}`).check();
  await expect(page.getByRole('button', { name: 'Approve 3 selected' })).toBeVisible();
  // Meanwhile another manager rejects the smallest one: it is refused on its own, the others go through.
  const queue = await api(r, 'approvals.list', {});
  const other = queue.find((a: { orderId: number }) => a.orderId === orders[0]!.id);
  await api(r, 'approvals.decide', { id: other.id, decision: 'reject', comment: 'Too small to ship on credit' });
  await page.getByLabel('Comment for the selected').fill('Cleared with the owner by phone');
  await page.screenshot({ path: 'test-results/e2e/approvals-bulk.png' });
  await page.keyboard.press('Enter');
  await expect(page.getByText('2 approved; 1 refused: see the reason on each')).toBeVisible();
  await expect(page.getByRole('alert', { name: 'Not approved' })).toContainText(
    `${orders[0]!.number}: This approval was already rejected`,
  );
  await expect(cards).toHaveCount(0);
  await page.getByRole('tab', { name: 'Approved' }).click();
  await expect(page.getByRole('article').filter({ hasText: 'Cleared with the owner by phone' })).toHaveCount(2);
});
