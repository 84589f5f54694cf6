import { expect, test } from '@playwright/test';
import { api, openDemoLedger, signInAs } from './helpers';

// The demo ledger (port after E2E_PORT): the owner sets a two-level order policy on the screen, Ravi the clerk
// places an order over its customer's limit, Anita the manager approves level 1 and the owner level 2, by keyboard.
test.use({ baseURL: `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 5188) + 1}` });

test('an order under a two-level policy is allocated only after the owner approves level 2', async ({
  page,
  browser,
}) => {
  await openDemoLedger(page);
  await signInAs(page, 'admin', 'correct-horse');
  const r = page.request;
  // A district of its own, so the policy governs only this story's customer.
  const warehouseId = (
    await api(r, 'warehouses.create', {
      code: 'APV',
      name: 'Approval Depot',
      address: { stateCode: '27', city: 'Wai' },
    })
  ).id;
  const productId = (
    await api(r, 'products.create', {
      sku: 'APV-01',
      name: 'Approval Tea 1 kg',
      category: 'Beverages',
      taxRate: 1200,
      price: 100_00,
      mrp: 150_00,
    })
  ).id;
  await api(r, 'inventory.receive', { warehouseId, lines: [{ productId, batchNo: 'AP1', quantity: 100 }] });
  const customerId = (
    await api(r, 'customers.create', {
      code: 'APV001',
      name: 'Approvalpur Traders',
      type: 'retailer',
      creditLimit: 100_00,
      creditPolicy: 'approval',
      paymentTermsDays: 15,
      billTo: { line1: 'Station Road', city: 'Wai', district: 'Approvalpur', stateCode: '27', pincode: '412803' },
    })
  ).id;

  await page.getByRole('button', { name: 'Approval policies' }).click();
  await expect(page.getByRole('heading', { name: 'Approval policies' })).toBeVisible();
  await page.keyboard.press('Alt+n');
  const editor = page.getByRole('dialog', { name: 'New approval policy' });
  await expect(editor.getByLabel('Policy name')).toBeFocused();
  await page.keyboard.type('Approvalpur orders: manager, then owner');
  await editor.getByLabel('Regions').fill('Approvalpur');
  await editor.getByRole('button', { name: 'Add a level' }).click();
  const level2 = editor.getByRole('group', { name: 'Level 2' });
  await expect(level2.getByLabel('Who approves')).toHaveValue('admin');
  await editor.getByRole('group', { name: 'Level 1' }).getByLabel('Escalate after (business hours)').fill('4');
  await page.screenshot({ path: 'test-results/e2e/policy-editor.png' });
  await page.keyboard.press('Control+s');
  await expect(editor).toBeHidden();
  const row = page.getByRole('row', { name: 'Policy Approvalpur orders: manager, then owner' });
  await expect(row).toContainText('Manager (escalates after 4 h) → Administrator');
  await expect(row).toContainText('in Approvalpur');
  await row.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Version history' })).toContainText('v1 (current)');
  await expect(page.getByLabel('Current version')).toContainText('Version 1, saved by Owner');
  await page.screenshot({ path: 'test-results/e2e/policy-editor-saved.png' });
  await page.keyboard.press('Escape');

  // Ravi places the order at his own PC: over the ₹100 limit, so it waits for approval.
  const clerk = (await browser.newContext({ baseURL: new URL(page.url()).origin })).request;
  await api(clerk, 'auth.login', { username: 'ravi', password: 'demo-pass-1' });
  const order = await api(clerk, 'orders.place', {
    customerId,
    warehouseId,
    paymentType: 'credit',
    lines: [{ productId, quantity: 5 }],
  });
  expect(order.status).toBe('pending_approval');
  await page.getByRole('button', { name: 'Sign out' }).click();

  await signInAs(page, 'anita', 'demo-pass-1');
  await page.keyboard.press('Alt+3');
  const card = page.getByRole('article', { name: `Approval for ${order.number}` });
  await expect(card.getByLabel(`Level of ${order.number}`)).toContainText('Level 1 of 2');
  await expect(card.getByLabel(`Level of ${order.number}`)).toContainText('Approvalpur orders: manager, then owner');
  // Other demo orders wait too: the manager searches for this one and goes to its comment, all by keyboard.
  await expect(page.getByLabel('Search approvals')).toBeFocused();
  await page.keyboard.type('Approvalpur');
  await page.keyboard.press('Enter');
  await expect(card.getByLabel(`Comment on ${order.number}`)).toBeFocused();
  await page.keyboard.type('Route checked, fine');
  await page.screenshot({ path: 'test-results/e2e/approvals-level-1.png' });
  await page.keyboard.press('Enter');
  await expect(page.getByText(`your approval is recorded; now waiting on`)).toBeVisible();
  await expect(card.getByLabel(`Level of ${order.number}`)).toContainText('Level 2 of 2');
  const waiting = await api(page.request, 'orders.get', { id: order.id });
  expect(waiting.status).toBe('pending_approval');
  expect(waiting.lines.every((l: { allocated: number }) => l.allocated === 0)).toBe(true);
  await page.getByRole('button', { name: 'Sign out' }).click();

  await signInAs(page, 'admin', 'correct-horse');
  await page.keyboard.press('Alt+3');
  await expect(card.getByLabel(`Level of ${order.number}`)).toContainText('Level 2 of 2');
  await expect(card.getByLabel(`Decisions on ${order.number}`)).toContainText('Route checked, fine');
  await expect(page.getByLabel('Search approvals')).toBeFocused();
  await page.keyboard.type('Approvalpur');
  await page.keyboard.press('Enter');
  await expect(card.getByLabel(`Comment on ${order.number}`)).toBeFocused();
  await page.keyboard.type('Owner: go ahead');
  await page.screenshot({ path: 'test-results/e2e/approvals-level-2.png' });
  await page.keyboard.press('Enter');
  await expect(page.getByText(`${order.number} approved and confirmed`)).toBeVisible();
  const allocated = await api(page.request, 'orders.get', { id: order.id });
  expect(allocated.status).not.toBe('pending_approval');
  expect(allocated.lines.reduce((n: number, l: { allocated: number }) => n + l.allocated, 0)).toBe(5);
});
