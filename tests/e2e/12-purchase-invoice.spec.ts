import { expect, test } from '@playwright/test';
import { api, signIn } from './helpers';

test('the accountant books the brand’s bill against the order, and the stock value shows its landed cost', async ({
  page,
}) => {
  await signIn(page);
  const request = page.request;
  const supplier = await api(request, 'suppliers.create', {
    code: 'E2E-PIN',
    name: 'Coastal Beverages Pvt Ltd',
    gstin: '27AAACC1206D1ZG',
    stateCode: '27',
    leadTimeDays: 4,
    paymentTermsDays: 21,
  });
  const warehouse = await api(request, 'warehouses.create', {
    code: 'E2E-PIN',
    name: 'Nashik Godown',
    address: { stateCode: '27', city: 'Nashik' },
  });
  const [product] = (await api(request, 'products.list', { status: 'active', limit: 1 })).rows;
  const order = await api(request, 'purchaseOrders.create', {
    supplierId: supplier.id,
    warehouseId: warehouse.id,
    lines: [{ productId: product.id, quantity: 120, rate: 8_450 }],
  });

  await page.getByRole('button', { name: 'Purchase invoices', exact: true }).click();
  const entry = page.getByRole('region', { name: 'New purchase invoice' });
  await entry.getByLabel('Supplier').selectOption(String(supplier.id));
  await entry.getByLabel('Received into').selectOption(String(warehouse.id));
  await entry.getByLabel('Against order').selectOption(String(order.id));
  // The order's lines come in with its quantity and rate; the cursor waits on the first batch.
  await expect(entry.getByLabel(`Batch of ${product.sku}`)).toBeFocused();
  await page.keyboard.type('cb2411');
  await entry.getByLabel(`Expiry of ${product.sku}`).fill('2027-10-31');
  await entry.getByLabel(`Rate ₹ of ${product.sku}`).fill('86.00');
  await entry.getByLabel('Freight ₹').fill('240');
  // Left blank, the bill's number is asked for at its own box, as the API names it.
  await expect(entry.locator('.field.has-error')).toContainText("Enter the supplier's invoice number");
  await entry.getByLabel('Their invoice no.').fill('cb/24/0917');
  await expect(entry.locator('.field.has-error')).toHaveCount(0);
  const lines = entry.getByRole('table', { name: 'Invoice lines' });
  // The bill's rate is not the order's: the line says so before anything is posted.
  await expect(lines.locator('tr.differs')).toHaveCount(1);
  await expect(lines).toContainText('₹84.50');
  const totals = entry.getByRole('table', { name: 'Invoice totals' });
  const landed = totals
    .getByRole('row', { name: /Taxable \(landed\)/ })
    .getByRole('cell')
    .nth(1);
  // 120 × ₹86.00 + ₹240.00 freight, spread onto the one line.
  await expect(landed).toHaveText('₹10,560.00');
  await page.screenshot({ path: '/tmp/ui-pinv-entry.png', fullPage: true });

  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: /Posted PIN\// })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Posted purchase invoices' })).toContainText('CB/24/0917');
  await expect(lines.locator('tbody tr')).toHaveCount(0);
  await page.screenshot({ path: '/tmp/ui-pinv-posted.png', fullPage: true });

  await page.getByRole('button', { name: 'Stock value', exact: true }).click();
  await page.getByLabel('Warehouse').selectOption(String(warehouse.id));
  const report = page.locator('table.report-table');
  await expect(report.locator('tbody')).toContainText(product.sku);
  await expect(report.locator('tbody')).toContainText('₹10,560.00');
  await expect(report.locator('tfoot')).toContainText('₹10,560.00');
  await page.screenshot({ path: '/tmp/ui-pinv-stock-value.png', fullPage: true });

  // Goods received without a bill yet: those who see cost may give their landed value per line.
  await page.getByRole('button', { name: /^Stock(?! value)/ }).click();
  await page.keyboard.press('Alt+R');
  await page.getByLabel('Add a product').fill(product.sku);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Value of line 1')).toBeVisible();
  await page.screenshot({ path: '/tmp/ui-pinv-receive.png', fullPage: true });
});
