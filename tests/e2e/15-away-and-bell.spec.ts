import { expect, test } from '@playwright/test';
import { openDemoLedger, signInAs } from './helpers';

// The demo ledger (port after E2E_PORT): Anita the manager goes away and names the owner; the owner's bell counts it.
test.use({ baseURL: `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 5188) + 1}` });

test('a manager names a substitute from the user menu, and the substitute’s bell shows it unread', async ({ page }) => {
  await openDemoLedger(page);
  const signOut = page.getByRole('button', { name: 'Sign out' });
  await signInAs(page, 'anita', 'demo-pass-1');
  await page.getByRole('button', { name: 'Away: substitute' }).click();
  const drawer = page.getByRole('dialog', { name: 'Away: substitute' });
  await drawer.getByLabel('Substitute', { exact: true }).selectOption({ label: 'Owner' });
  await drawer.getByLabel('Reason').fill('Family wedding in Nashik');
  await page.keyboard.press('Control+s');
  const row = drawer.getByRole('table', { name: 'Substitutes' }).getByRole('row').first();
  await expect(row).toContainText('Owner for Anita Shah');
  await expect(row).toContainText('Standing in now');
  await page.screenshot({ path: 'test-results/e2e/away-substitute.png' });
  await page.keyboard.press('Escape');
  await signOut.click();

  await signInAs(page, 'admin', 'correct-horse');
  const bell = page.getByRole('button', { name: /^Notifications, [1-9]\d* unread$/ });
  await expect(bell).toBeVisible();
  await bell.click();
  const notes = page.getByRole('dialog', { name: 'Notifications' });
  await expect(notes).toContainText('You approve for Anita Shah');
  await notes.getByRole('button', { name: 'Away' }).first().click();
  await expect(page.getByRole('dialog', { name: 'Away: substitute' })).toContainText('Owner for Anita Shah');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: /^Notifications/ }).click();
  await expect(page.getByRole('dialog', { name: 'Notifications' })).toContainText('You approve for Anita Shah');
  await page.screenshot({ path: 'test-results/e2e/bell.png', animations: 'disabled' });
  await page.getByRole('button', { name: 'Mark all read' }).click();
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('button', { name: 'Notifications, 0 unread' })).toBeVisible();
});
