import { expect, test } from '@playwright/test';
import { openDemoLedger } from './helpers';

// The demo ledger (port after E2E_PORT); 06-dashboard sets it up, and this spec does if run alone.
test.use({ baseURL: `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 5188) + 1}` });

test('the demo sign-in screen lists its users; the warehouse clerk sees stock in cases', async ({ page }) => {
  await openDemoLedger(page);

  const users = page.getByTestId('demo-users');
  await expect(users).toContainText('kavita');
  await expect(users).toContainText('billing clerk');
  await expect(users).toContainText('demo-pass-1');
  await page.screenshot({ path: 'test-results/e2e/demo-sign-in.png', fullPage: true });

  await page.getByLabel('Username').fill('suresh');
  await page.getByLabel('Password').fill('demo-pass-1');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await page.keyboard.press('Alt+7');
  await expect(page.getByRole('heading', { name: 'Stock' })).toBeVisible();
  await expect(page.getByText(/^\d+ case( \d+ (box|pc))*( \d+ pc)?$/).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/stock-in-cases.png' });
});
