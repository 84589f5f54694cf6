import fs from 'node:fs';
import { expect, test } from '@playwright/test';

// The second server: a fresh ledger that the first-run screen fills with the demo distributor.
// The demo ledger is served on the port after E2E_PORT (see playwright.config.ts).
test.use({ baseURL: `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 5188) + 1}` });

test('on demo data the owner opens the dashboard, clicks a tile and exports the list behind it', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Company name').fill('Shree Ganesh Distributors');
  await page.getByLabel('Your name').fill('Owner');
  await page.getByLabel('Password (8+ characters)').fill('correct-horse');
  await expect(page.getByLabel(/Load a demo distributor/)).toBeChecked();
  await page.getByRole('button', { name: 'Create company and sign in' }).click();
  await expect(page.getByRole('heading', { name: 'New order' })).toBeVisible({ timeout: 30_000 });

  await page.keyboard.press('Alt+0');
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  const delivered = page.getByTestId('tile-delivered');
  await expect(delivered).toContainText(/Delivered\s*\d+/);
  const count = Number((await delivered.locator('.tile-count').textContent())!.trim());
  expect(count).toBeGreaterThan(0);
  await expect(page.locator('.recharts-surface').first()).toBeVisible();
  await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/dashboard.png', fullPage: true });

  await delivered.click();
  await expect(page.getByRole('heading', { name: 'Orders' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Delivered', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('record-count')).toHaveText(`${count} records`);
  await expect(page.getByTestId('record-count')).toHaveText(/\d+ records?/);
  const listed = Number((await page.getByTestId('record-count').textContent())!.replace(/\D/g, ''));
  expect(listed).toBeGreaterThan(0);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const file = await download.path();
  const lines = fs
    .readFileSync(file!, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  expect(lines[0]).toBe('Order,Date,Customer,City,Status,Payment,Total');
  expect(lines.length - 1).toBe(listed);

  await page.keyboard.press('Control+k');
  await page.getByRole('textbox', { name: 'Ask Stockist' }).fill('sales by brand this month');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('understood')).toContainText('report: sales by brand');
  await page.screenshot({ path: 'test-results/e2e/assistant.png' });
});
