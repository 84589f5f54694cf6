import { expect, test } from '@playwright/test';
import { api, openDemoLedger, signInAs } from './helpers';

// The demo ledger (port after E2E_PORT): retailers and products to report stock of.
test.use({ baseURL: `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 5188) + 1}` });

test('the manager imports a sell-out file, maps the unknown code by keyboard and sees it posted', async ({ page }) => {
  await openDemoLedger(page);
  await signInAs(page, 'anita', 'demo-pass-1');
  const [outlet] = (await api(page.request, 'customers.list', { limit: 1, sort: 'name' })).rows;
  const products = (await api(page.request, 'products.list', { limit: 2, sort: 'name', status: 'active' })).rows;
  const theirCode = `THEIR-${Date.now() % 100000}`;
  const csv = [
    'Outlet,Item Code,Date,Closing,Sold',
    `${outlet.code},${products[0].sku},2026-11-14,40,12`,
    `${outlet.code},${theirCode},2026-11-14,9,3`,
  ].join('\n');

  await page.getByRole('button', { name: 'Channel stock', exact: true }).click();
  await page.getByRole('tab', { name: 'Import sell-out' }).click();
  await page
    .getByLabel('Sell-out file')
    .setInputFiles({ name: 'sellout.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const preview = page.getByTestId('sell-out-preview');
  await expect(preview).toContainText('1 to post · 1 held for mapping');
  await expect(preview).toContainText(`held: No product, barcode or mapped code is "${theirCode}"`);
  await page.screenshot({ path: 'test-results/e2e/channel-import-preview.png', fullPage: true });
  await preview.getByRole('button', { name: 'Import 2 rows' }).click();

  // The held rows open with the first product box focused: type the SKU, Enter maps and posts it.
  const held = page.getByTestId('held-rows');
  await expect(held).toContainText(theirCode);
  await expect(held.getByLabel(`Product for ${theirCode}`)).toBeFocused();
  await page.screenshot({ path: 'test-results/e2e/channel-held-rows.png', fullPage: true });
  await page.keyboard.type(products[1].sku);
  await page.keyboard.press('Enter');
  await expect(page.getByText(`Posted 1 row; “${theirCode}” is remembered`)).toBeVisible();
  await expect(page.getByText('No held rows')).toBeVisible();

  await page.getByRole('tab', { name: 'Stock & cover' }).click();
  const table = page.getByTestId('channel-stock');
  await expect(table.getByRole('row').filter({ hasText: products[1].sku })).toContainText('9');
  await page.screenshot({ path: 'test-results/e2e/channel-stock.png', fullPage: true });

  await page.getByRole('button', { name: 'Channel forecast', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Accuracy by customer' })).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/channel-forecast.png', fullPage: true });
});
