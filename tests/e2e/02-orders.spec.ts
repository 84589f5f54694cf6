import { expect, test } from '@playwright/test';
import { api, signIn } from './helpers';

test.describe.configure({ mode: 'serial' });


// Ten products at ₹10 × n each, 18% GST. E2E-01..05 are biscuits, 06..10 snacks.
const skus = Array.from({ length: 10 }, (_, i) => `E2E-${String(i + 1).padStart(2, '0')}`);
const typed = ['2c', '1c', '1c', '1c', '1c', '10', '10', '10', '10', '10'];

test('setup: a warehouse with stock, a retailer, a free-goods scheme and a volume slab', async ({ page }) => {
  await signIn(page);
  const r = page.request;
  const wh = await api(r, 'warehouses.create', { code: 'MAIN', name: 'Main Warehouse', address: { stateCode: '27', city: 'Pune' } });
  await api(r, 'customers.create', { code: 'RT0900', name: 'Kulkarni Provision Stores', type: 'retailer', billTo: { stateCode: '27', city: 'Pune', district: 'Pune' }, creditLimit: 1_00_000_00, paymentTermsDays: 15 });
  const ids: number[] = [];
  for (const [i, sku] of skus.entries()) {
    const p = await api(r, 'products.create', {
      sku, name: `${i < 5 ? 'Biscuit' : 'Snack'} ${i + 1}`, category: i < 5 ? 'Biscuits' : 'Snacks', brand: 'Sunrise', taxRate: 1800, price: (i + 1) * 1000, mrp: (i + 1) * 1200,
      packs: [{ unit: 'case', factor: 24 }],
    });
    ids.push(p.id);
  }
  await api(r, 'inventory.receive', { warehouseId: wh.id, lines: ids.map((productId) => ({ productId, batchNo: 'E1', expiresOn: '2099-12-31', quantity: 500 })) });
  await api(r, 'schemes.create', { code: 'E2E-FREE', name: 'Buy 20 get 1', rule: { kind: 'free_goods', buyProductId: ids[0], buyQuantity: 20, getProductId: ids[0], getQuantity: 1, repeat: true } });
  await api(r, 'schemes.create', { code: 'E2E-VOL', name: 'Biscuit volume', rule: { kind: 'volume', target: { categories: ['Biscuits'] }, slabs: [{ minQuantity: 100, discountBps: 500 }, { minQuantity: 200, discountBps: 800 }] } });
});

test('a clerk enters a 10-line order by keyboard alone and the totals on screen are right', async ({ page }) => {
  await signIn(page);
  await page.getByLabel('Customer').focus();
  await page.keyboard.type('RT0900');
  await expect(page.getByRole('option', { name: /Kulkarni Provision Stores/ })).toBeVisible();
  await page.keyboard.press('Enter');
  const product = page.getByLabel('Product', { exact: true });
  await expect(product).toBeFocused();
  for (const [i, sku] of skus.entries()) {
    await page.keyboard.type(sku);
    await expect(page.getByRole('option', { name: new RegExp(sku) })).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.locator('#entry-qty')).toBeFocused();
    await page.keyboard.type(typed[i]!);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('order-line')).toHaveCount(i + 1);
    await expect(product).toBeFocused();
  }
  // By hand: biscuits 48×10 + 24×(20+30+40+50) = ₹3,840.00 gross; 144 units ≥ 100 → 5% = ₹192.00.
  // Snacks 10×(60+70+80+90+100) = ₹4,000.00. Taxable ₹7,648.00, GST 18% ₹1,376.64, ₹9,024.64 rounds to ₹9,025.00 as the invoice will.
  // Buy 20 get 1 on 48 units of E2E-01: 2 free (₹20.00 gross, all discounted).
  await expect(page.getByTestId('order-total')).toHaveText('₹9,025.00');
  await expect(page.getByTestId('total-round-off')).toHaveText('₹0.36');
  await expect(page.getByTestId('total-gross')).toHaveText('₹7,860.00');
  await expect(page.getByTestId('total-discount')).toHaveText('−₹212.00');
  await expect(page.getByTestId('total-tax')).toHaveText('₹1,376.64');
  await expect(page.getByTestId('free-line')).toContainText('2 pc');
  await expect(page.getByText('Add 2 case + 8 pc more of Biscuit volume items for 8% off')).toBeVisible();
  await page.getByTestId('order-line').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/e2e/order-entry.png' });

  await page.keyboard.press('Control+Enter');
  const result = page.getByTestId('order-result');
  await expect(result).toContainText(/Order SO\/\d\d-\d\d\/000001 confirmed and stock reserved — ₹9,025.00/);
});

test('the placed order shows its batches and timeline in the orders list', async ({ page }) => {
  await signIn(page);
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('heading', { name: 'Orders' })).toBeVisible();
  await page.getByRole('row').filter({ hasText: 'Kulkarni Provision Stores' }).click();
  const drawer = page.getByRole('dialog');
  await expect(drawer).toContainText('Confirmed');
  await expect(drawer).toContainText('E1 ×48 exp 2099-12-31');
  await expect(drawer).toContainText('all 196 units reserved');
  await expect(drawer).toContainText('Placed as SO/');
  await page.screenshot({ path: 'test-results/e2e/order-detail.png' });
});
