import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { api, openDemoLedger, signInAs } from './helpers';

// The demo ledger (port after E2E_PORT): its invoiced delivery notes wait on the dispatch board, and its B2B
// invoices are due for an IRN once e-invoicing applies.
test.use({ baseURL: `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 5188) + 1}` });

test('the dispatch panel downloads the e-way bill JSON for the notes being loaded', async ({ page }) => {
  await openDemoLedger(page);
  await signInAs(page, 'admin', 'correct-horse');
  // Small demo invoices: a ₹100 limit makes each one need an e-way bill.
  const company = await api(page.request, 'company.get', {});
  await api(page.request, 'company.update', { ...company, ewayBillThreshold: 100_00 });
  // The transporter is added in Settings → Company, by keyboard (Enter in its form saves).
  await page.getByRole('button', { name: 'Company' }).click();
  const transporters = page.getByRole('region', { name: 'Transporters' });
  await transporters.getByLabel('Transporter name').fill('Sahyadri Roadways');
  await transporters.getByLabel('GSTIN / TRANSIN').fill(company.gstin);
  await page.keyboard.press('Enter');
  await expect(transporters.getByRole('table', { name: 'Transporter list' })).toContainText('Sahyadri Roadways');
  await transporters.screenshot({ path: 'test-results/e2e/transporters.png' });

  await page.keyboard.press('Alt+6');
  await page.getByRole('tab', { name: 'Dispatch' }).click();
  const board = page.getByRole('grid', { name: 'Delivery notes to dispatch' });
  await expect(board).toBeVisible({ timeout: 30_000 });
  // Keyboard: a note above the limit takes the focus, Space loads it. Earlier specs leave small notes on the board too.
  const note = board.locator('tbody tr', { hasText: 'needs e-way bill' }).first();
  await note.focus();
  await page.keyboard.press('Space');
  await expect(note).toHaveAttribute('aria-selected', 'true');
  await page.getByLabel('Vehicle no.').fill('MH12AB1234');
  await page.getByLabel('LR / docket').fill('LR-881');
  await page.getByLabel('Transporter (e-way bill)').selectOption({ label: `Sahyadri Roadways · ${company.gstin}` });
  await page.getByLabel('Distance km').fill('42');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download e-way bill JSON' }).focus();
  await page.keyboard.press('Enter');
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^ewaybills-\d{4}-\d{2}-\d{2}\.json$/);
  const json = JSON.parse(fs.readFileSync((await file.path())!, 'utf8'));
  expect(json.version).toBe('1.0.0621');
  expect(json.billLists).toHaveLength(1);
  expect(json.billLists[0]).toMatchObject({
    transporterId: company.gstin,
    transporterName: 'Sahyadri Roadways',
    vehicleNo: 'MH12AB1234',
    transDocNo: 'LR-881',
    transDistance: 42,
  });
  await page.screenshot({ path: 'test-results/e2e/eway-bill-dispatch.png', fullPage: true });

  // The portal's number pasted back shows on the board against the note (valid-upto worked out by the rule).
  const today = file.suggestedFilename().slice(10, 20).split('-').reverse().join('/');
  await page.getByLabel(/One line each/).fill(`${json.billLists[0].docNo}\t351234567890\t${today} 10:00 AM\t`);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const recorded = page.getByRole('list', { name: 'Recorded e-way bills' });
  await expect(recorded).toContainText('EWB 351234567890');
  await expect(recorded).toContainText(/valid to \d{4}-\d{2}-\d{2} 23:59/);
  await expect(board.locator('tbody tr', { hasText: json.billLists[0].docNo })).toContainText('EWB 351234567890');
  await page
    .getByRole('region', { name: 'Import EWB numbers' })
    .screenshot({ path: 'test-results/e2e/eway-import.png' });
});

test('the billing desk lists invoices due for an IRN and downloads their JSON', async ({ page }) => {
  await openDemoLedger(page);
  await signInAs(page, 'admin', 'correct-horse');
  await api(page.request, 'einvoice.updateSettings', { appliesFrom: '2020-10-01' });

  await page.keyboard.press('Alt+6');
  await page.getByRole('tab', { name: 'E-invoice' }).click();
  await expect(page.getByRole('heading', { name: /due for an IRN/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Due for an IRN' }).locator('tbody tr').first()).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /Download JSON/ }).focus();
  await page.keyboard.press('Enter');
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^einvoice-bulk-.*\.json$/);
  const json = JSON.parse(fs.readFileSync((await file.path())!, 'utf8'));
  expect(Array.isArray(json) ? json[0] : json).toMatchObject({ Version: '1.1' });
  await page.screenshot({ path: 'test-results/e2e/einvoice-due.png' });
});
