import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { openDemoLedger, signInAs } from './helpers';

// The demo ledger (port after E2E_PORT): a distributor with a GSTIN and months of invoices and receipts.
test.use({ baseURL: `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 5188) + 1}` });

test('the manager maps Tally ledgers by keyboard and downloads a period’s vouchers', async ({ page }) => {
  await openDemoLedger(page);
  await signInAs(page, 'anita', 'demo-pass-1');

  await page.getByRole('button', { name: 'Tally', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Tally', exact: true })).toBeVisible();
  const ledgers = page.getByRole('region', { name: 'Tally ledgers' });
  // The company name has the focus; Tab walks the ledgers. An empty Round off is refused, under its field.
  await expect(ledgers.getByLabel('Company name in Tally')).toBeFocused();
  const roundOff = ledgers.getByLabel('Round off');
  await roundOff.fill('');
  await page.keyboard.press('Control+s');
  await expect(ledgers.getByRole('alert')).toContainText('Round off ledger is required');
  await expect(roundOff).toBeFocused();
  await page.keyboard.type('Rounding Off');
  await page.keyboard.press('Control+s');
  await expect(page.getByText('Tally mapping saved')).toBeVisible();
  await expect(ledgers.getByText('Not saved yet')).toBeHidden();

  const exporter = page.getByRole('region', { name: 'Export to Tally' });
  await exporter.getByLabel('From').fill('2020-01-01');
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    exporter.getByRole('button', { name: 'Export vouchers' }).click(),
  ]);
  expect(file.suggestedFilename()).toMatch(/^tally-vouchers-2020-01-01-to-\d{4}-\d{2}-\d{2}\.xml$/);
  const xml = fs.readFileSync((await file.path())!, 'utf8');
  expect(xml).toContain('<TALLYREQUEST>Import Data</TALLYREQUEST>');
  expect(xml).toContain('<LEDGERNAME>Rounding Off</LEDGERNAME>');
  await expect(exporter.getByRole('status')).toContainText(/\d+ sales/);
  await page.screenshot({ path: 'test-results/e2e/tally-screen.png', fullPage: true });
});
