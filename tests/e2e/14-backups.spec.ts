import { expect, test } from '@playwright/test';
import { api, signIn } from './helpers';

// Runs last: the restore ends every session and puts the ledger back as it was at the backup.
test('an admin backs up, makes a change, restores, and sees the ledger as it was at the backup', async ({ page }) => {
  await signIn(page);
  await page.getByRole('button', { name: 'Backups', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Backups', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Back up now' }).click();
  // This backup's own message: the screen's "Made …" line may still be the daily one's from a moment ago.
  const backedUp = page.getByRole('status').filter({ hasText: 'Backed up:' });
  await expect(backedUp).toBeVisible();
  const made = /stockist-[^/\\ ]+\.db/.exec((await backedUp.textContent()) ?? '')![0];
  const backups = page.getByRole('table', { name: 'Backups in the folder' });
  // The daily backup may have run at start too: this is the one just made.
  const row = backups.getByRole('row', { name: new RegExp(made.replace(/\./g, '\\.')) });

  // A change after the backup: a new customer.
  await api(page.request, 'customers.create', {
    code: 'AFTERBK',
    name: 'After Backup Stores',
    type: 'retailer',
    billTo: { stateCode: '27', city: 'Pune', district: 'Pune' },
    creditLimit: 0,
  });

  await row.getByRole('button', { name: 'Check' }).click();
  const holds = page.getByRole('region', { name: 'What the backup holds' });
  await expect(holds).toContainText('Last invoice');
  await page.screenshot({ path: 'test-results/e2e/restore-screen.png', fullPage: true });
  await holds.getByRole('button', { name: 'Restore this backup' }).click();

  // Everyone signs in again, and the customer made after the backup is gone.
  await expect(page.getByLabel('Username')).toBeVisible();
  await signIn(page);
  const found = await api(page.request, 'customers.list', { search: 'AFTERBK' });
  expect(found.rows).toEqual([]);
});
