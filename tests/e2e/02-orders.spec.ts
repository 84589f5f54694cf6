import { expect, test } from '@playwright/test';
import { api, countKeys, signIn } from './helpers';

test.describe.configure({ mode: 'serial' });

// Ten products at ₹10 × n each, 18% GST. E2E-01..05 are biscuits, 06..10 snacks.
const skus = Array.from({ length: 10 }, (_, i) => `E2E-${String(i + 1).padStart(2, '0')}`);
const typed = ['2c', '1c', '1c', '1c', '1c', '10', '10', '10', '10', '10'];

test('setup: a warehouse with stock, a retailer, a free-goods scheme and a volume slab', async ({ page }) => {
  await signIn(page);
  const r = page.request;
  const wh = await api(r, 'warehouses.create', {
    code: 'MAIN',
    name: 'Main Warehouse',
    address: { stateCode: '27', city: 'Pune' },
  });
  await api(r, 'customers.create', {
    code: 'RT0900',
    name: 'Kulkarni Provision Stores',
    type: 'retailer',
    billTo: { stateCode: '27', city: 'Pune', district: 'Pune' },
    creditLimit: 1_00_000_00,
    paymentTermsDays: 15,
  });
  const ids: number[] = [];
  for (const [i, sku] of skus.entries()) {
    const p = await api(r, 'products.create', {
      sku,
      name: `${i < 5 ? 'Biscuit' : 'Snack'} ${i + 1}`,
      category: i < 5 ? 'Biscuits' : 'Snacks',
      brand: 'Sunrise',
      taxRate: 1800,
      price: (i + 1) * 1000,
      mrp: (i + 1) * 1200,
      packs: [{ unit: 'case', factor: 24 }],
    });
    ids.push(p.id);
  }
  await api(r, 'inventory.receive', {
    warehouseId: wh.id,
    lines: ids.map((productId) => ({ productId, batchNo: 'E1', expiresOn: '2099-12-31', quantity: 500 })),
  });
  await api(r, 'schemes.create', {
    code: 'E2E-FREE',
    name: 'Buy 20 get 1',
    rule: {
      kind: 'free_goods',
      buyProductId: ids[0],
      buyQuantity: 20,
      getProductId: ids[0],
      getQuantity: 1,
      repeat: true,
    },
  });
  await api(r, 'schemes.create', {
    code: 'E2E-VOL',
    name: 'Biscuit volume',
    rule: {
      kind: 'volume',
      target: { categories: ['Biscuits'] },
      slabs: [
        { minQuantity: 100, discountBps: 500 },
        { minQuantity: 200, discountBps: 800 },
      ],
    },
  });
});

test('a clerk enters a 10-line order by keyboard alone, in at most 40 keys beyond the codes and quantities', async ({
  page,
}) => {
  await signIn(page);
  const keys = countKeys(page);
  // The customer box has the focus on open: no Tab, no click.
  await expect(page.getByLabel('Customer')).toBeFocused();
  await keys.data('RT0900');
  await page.keyboard.press('Enter');
  const product = page.getByLabel('Product', { exact: true });
  await expect(product).toBeFocused();
  await expect(page.getByLabel('Warehouse')).toHaveValue(/\d+/);
  for (const [i, sku] of skus.entries()) {
    // Typed fast, Enter at once: the picker waits for the suggestions instead of swallowing the Enter.
    await keys.data(sku);
    await page.keyboard.press('Enter');
    await expect(page.locator('#entry-qty')).toBeFocused();
    await expect(page.locator('label[for="entry-qty"]')).toHaveText(`Quantity of ${sku}`);
    await keys.data(typed[i]!);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('order-line')).toHaveCount(i + 1);
    await expect(page.getByTestId('order-line').nth(i)).toContainText(sku);
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
  // The price source is there on demand (Alt+P), not under every row.
  await expect(page.getByTestId('price-source')).toHaveCount(0);
  await page.keyboard.press('Alt+P');
  await expect(page.getByTestId('price-source')).toHaveCount(10);
  await page.keyboard.press('Alt+P');
  await page.screenshot({ path: 'test-results/e2e/order-entry.png' });

  await page.keyboard.press('Control+A');
  const result = page.getByTestId('order-result');
  await expect(result).toContainText(/Order SO\/\d\d-\d\d\/000001 confirmed and stock reserved — ₹9,025.00/);
  // Customer + Enter, ten × (product Enter, quantity Enter), Alt+P twice, Ctrl+A.
  expect(keys.tally.log.length).toBe(keys.tally.extra);
  expect(keys.tally.extra).toBe(24);
  expect(keys.tally.extra).toBeLessThanOrEqual(40);
});

test('fifteen lines fit on screen at 1440×900, and no column is clipped at 1280', async ({ page }) => {
  await signIn(page);
  await page.keyboard.type('RT0900');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Product', { exact: true })).toBeFocused();
  for (let i = 0; i < 15; i++) {
    await page.keyboard.type(skus[i % 10]!);
    await page.keyboard.press('Enter');
    await expect(page.locator('#entry-qty')).toBeFocused();
    await page.keyboard.type(String(i + 1));
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('order-line')).toHaveCount(i + 1);
  }
  const rows = page.getByTestId('order-line');
  await expect(rows.nth(14)).toContainText('free');
  for (const [width, height] of [
    [1440, 900],
    [1280, 800],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/e2e/order-entry-15-lines-${width}.png` });
    const scroller = page.locator('.order-entry .lines-scroll');
    const box = (await scroller.boundingBox())!;
    // No sideways scrolling in the grid, and every row's last cell (remove) inside it.
    expect(await scroller.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    const last = (await page.getByRole('button', { name: 'Remove E2E-01' }).first().boundingBox())!;
    expect(last.x + last.width).toBeLessThanOrEqual(box.x + box.width);
    if (width === 1440) {
      // All fifteen rows are on screen at once, with the product box below them.
      const row15 = (await rows.nth(14).boundingBox())!;
      expect(row15.y + row15.height).toBeLessThanOrEqual(box.y + box.height + 1);
      expect(await scroller.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(0);
      await expect(page.getByLabel('Product', { exact: true })).toBeInViewport();
    }
  }
  await page.keyboard.press('Alt+N');
  await expect(rows).toHaveCount(0);
  await expect(page.getByLabel('Customer')).toBeFocused();
});

test('order entry says what is wrong and forgets it once it is put right', async ({ page }) => {
  await signIn(page);
  // Placing with no customer: the error sits under Customer and goes once one is chosen.
  await page.keyboard.press('Control+A');
  const customerError = page.locator('.order-head .field-error');
  await expect(customerError).toHaveText('Choose a customer first');
  await page.keyboard.type('RT0900');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Product', { exact: true })).toBeFocused();
  await expect(customerError).toHaveCount(0);
  await expect(page.getByText('Choose a customer first')).toHaveCount(0);

  // An absurd quantity is named, with what it comes to.
  await page.keyboard.type('E2E-03');
  await page.keyboard.press('Enter');
  await expect(page.locator('#entry-qty')).toBeFocused();
  await page.keyboard.type('500000c');
  await page.keyboard.press('Enter');
  await expect(page.locator('.entry-row .field-error')).toHaveText(
    'E2E-03: “500000c” is 1,20,00,000 pc; one line can carry at most 1,00,00,000 pc',
  );
  await page.keyboard.press('Backspace');
  await expect(page.locator('.entry-row .field-error')).toHaveCount(0);
  await page.locator('#entry-qty').fill('2c');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('order-line')).toHaveCount(1);

  // A discount that is not a percentage gets a field error, each its own; a good one clears it.
  const disc = page.getByLabel('Extra discount % on E2E-03');
  for (const [bad, message] of [
    ['abc', '“abc” is not a percentage; type e.g. 5 or 7.5'],
    ['-10', 'A discount cannot be negative'],
    ['150', '150% is more than the whole price; a discount is at most 100%'],
  ] as const) {
    await disc.fill(bad);
    await disc.press('Enter');
    await expect(page.getByTestId('order-line').locator('.field-error')).toHaveText(message);
  }
  await disc.fill('5');
  await expect(page.getByTestId('order-line').locator('.field-error')).toHaveCount(0);
  await disc.press('Enter');
  // 2 case of ₹30.00 = 48 × ₹30.00 = ₹1,440.00; 5% off is ₹72.00.
  await expect(page.getByTestId('order-line').first()).toContainText('72.00');
  await page.keyboard.press('Alt+N');
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
