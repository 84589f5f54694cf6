import { expect, test } from '@playwright/test';

// The demo ledger (port after E2E_PORT); 06-dashboard sets it up, and this spec does if run alone.
test.use({ baseURL: `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 5188) + 1}` });

test('the demo sign-in screen lists its users; the warehouse clerk sees stock in cases', async ({ page }) => {
  await page.goto('/');
  const setup = page.getByLabel('Company name');
  const signOut = page.getByRole('button', { name: 'Sign out' });
  await expect(
    setup
      .or(signOut)
      .or(page.getByRole('button', { name: 'Sign in' }))
      .first(),
  ).toBeVisible({ timeout: 15_000 });
  if (await setup.isVisible()) {
    await setup.fill('Shree Ganesh Distributors');
    await page.getByLabel('Your name').fill('Owner');
    await page.getByLabel('Password (8+ characters)').fill('correct-horse');
    await page.getByRole('button', { name: 'Create company and sign in' }).click();
    await expect(signOut).toBeVisible({ timeout: 30_000 });
  }
  if (await signOut.isVisible()) await signOut.click();

  const users = page.getByTestId('demo-users');
  await expect(users).toContainText('kavita');
  await expect(users).toContainText('billing clerk');
  await expect(users).toContainText('demo-pass-1');
  await page.screenshot({ path: 'test-results/e2e/demo-sign-in.png', fullPage: true });

  await page.getByLabel('Username').fill('suresh');
  await page.getByLabel('Password').fill('demo-pass-1');
  await page.keyboard.press('Enter');
  await expect(signOut).toBeVisible();
  await page.keyboard.press('Alt+7');
  await expect(page.getByRole('heading', { name: 'Stock' })).toBeVisible();
  await expect(page.getByText(/^\d+ case( \d+ (box|pc))*( \d+ pc)?$/).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/stock-in-cases.png' });
});
