import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';

/**
 * The orders list of a generated ledger (bench admin / bench-password) in Chromium: it reaches the
 * last row by scrolling, and "Go to row" lands on the row the SQL order says, in the middle and at
 * the end. Newest first, as the screen opens: order_date DESC, id DESC.
 */
const file = process.env.SCALE_DB!;
const sqlite = new Database(file, { readonly: true, fileMustExist: true });
const total = (sqlite.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n;
const numberAt = (row: number) =>
  (
    sqlite.prepare('SELECT number FROM orders ORDER BY order_date DESC, id DESC LIMIT 1 OFFSET ?').get(row - 1) as {
      number: string;
    }
  ).number;

async function openOrders(page: Page) {
  await page.goto('/');
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password').fill('bench-password');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'New order' })).toBeVisible();
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('heading', { name: 'Orders' })).toBeVisible();
  await expect(page.getByTestId('record-count')).toHaveText(`${total.toLocaleString('en-IN')} records`);
}

const rowShown = (page: Page, row: number) => page.locator(`[role="row"][aria-rowindex="${row}"]`);

test('scrolls to the end and jumps to any row of the whole list', async ({ page }) => {
  await openOrders(page);
  await expect(rowShown(page, 1)).toContainText(numberAt(1));

  // The scrollbar is mapped to positions: its end is the last row, however many there are.
  const body = page.getByTestId('table-body');
  await body.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(rowShown(page, total)).toContainText(numberAt(total));

  for (const row of [Math.min(5_000_000, Math.floor(total / 2)), total - 1, 1_234]) {
    const jump = page.getByLabel('Go to row');
    await jump.fill(String(row));
    await jump.press('Enter');
    await expect(rowShown(page, row)).toContainText(numberAt(row));
    await expect(rowShown(page, row)).toHaveClass(/active/);
  }
  await page.getByLabel('Go to row').fill(String(Math.floor(total / 2)));
  await page.getByLabel('Go to row').press('Enter');
  await expect(rowShown(page, Math.floor(total / 2))).toContainText(numberAt(Math.floor(total / 2)));
  await page.screenshot({ path: 'test-results/e2e-scale/orders-at-scale.png' });
});
