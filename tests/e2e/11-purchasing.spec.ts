import { expect, test } from '@playwright/test';
import { api, signIn } from './helpers';

test('the buyer opens the suggested order for the brand, and sees why each quantity', async ({ page }) => {
  await signIn(page);
  const request = page.request;
  const supplier = await api(request, 'suppliers.create', {
    code: 'E2E-BRAND',
    name: 'Sunrise Foods Ltd',
    gstin: '27AAPFU0939F1ZV',
    stateCode: '27',
    leadTimeDays: 5,
    paymentTermsDays: 30,
  });
  const warehouse = await api(request, 'warehouses.create', {
    code: 'E2E-PO',
    name: 'Pune Main',
    address: { stateCode: '27', city: 'Pune' },
  });
  const products = (await api(request, 'products.list', { status: 'active', limit: 3 })).rows;
  for (const p of products) {
    await api(request, 'supplierRates.set', {
      supplierId: supplier.id,
      productId: p.id,
      rate: 8_450,
      discountBps: 250,
    });
    await api(request, 'stockNorms.set', { warehouseId: warehouse.id, productId: p.id, coverDays: 15 });
  }
  await page.getByRole('button', { name: 'Suppliers' }).click();
  await expect(page.getByRole('cell', { name: 'Sunrise Foods Ltd' })).toBeVisible();
  await page.getByRole('cell', { name: 'Sunrise Foods Ltd' }).click();
  await expect(page.getByRole('region', { name: 'Price list' })).toContainText('₹84.50');
  await page.screenshot({ path: 'test-results/suppliers.png', fullPage: true });
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Purchase orders' }).click();
  await page.keyboard.press('Alt+N');
  await page.getByLabel('Supplier').selectOption(String(supplier.id));
  await page.getByLabel('Deliver to').selectOption(String(warehouse.id));
  await page.keyboard.press('Alt+S');
  await expect(page.getByRole('table', { name: 'Order lines' })).toContainText('on hand');
  await page.screenshot({ path: 'test-results/suggested-order.png', fullPage: true });
});
