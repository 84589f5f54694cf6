import { expect, test } from '@playwright/test';
import { api, openDemoLedger, signInAs } from './helpers';

// The demo ledger (port after E2E_PORT): six weeks of invoices and receipts. Sets it up when run alone.
test.use({ baseURL: `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 5188) + 1}` });

test('the billing clerk opens a customer’s ledger from receivables, TDS on its own line, and exports it', async ({
  page,
}) => {
  await openDemoLedger(page);
  await signInAs(page, 'kavita', 'demo-pass-1');

  // The top debtor pays part of what it owes, less 1 % TDS the buyer keeps back under 194Q.
  const ageing = await api(page.request, 'receivables.ageing', {});
  const top = ageing.rows[0];
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(new Date());
  const receipt = await api(page.request, 'payments.record', {
    customerId: top.customerId,
    receivedOn: today,
    mode: 'bank',
    reference: 'NEFT 4411',
    amount: 990_00,
    tds: 10_00,
  });

  await page.keyboard.press('Alt+6');
  await page.getByRole('tab', { name: 'Receivables' }).click();
  const row = page.getByRole('table', { name: 'Receivables ageing' }).getByRole('row').filter({ hasText: top.name });
  await row.getByRole('button', { name: 'Ledger' }).click();
  const ledger = page.getByRole('table', { name: 'Customer ledger' });
  await expect(ledger).toContainText('Opening balance');
  await expect(ledger).toContainText('Closing balance');
  const tds = ledger.getByRole('row').filter({ hasText: 'TDS deducted (194Q)' }).filter({ hasText: receipt.number });
  await expect(tds).toContainText('10.00');
  await expect(
    ledger.getByRole('row').filter({ hasText: 'Receipt' }).filter({ hasText: receipt.number }),
  ).toContainText('990.00');
  await page.screenshot({ path: 'test-results/e2e/customer-ledger.png', fullPage: true });

  // Keyboard: the From date has the focus; Enter reloads; the CSV carries the same lines.
  await expect(page.getByLabel('From')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(ledger).toContainText(receipt.number);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^ledger-.+\.csv$/);
  await page.keyboard.press('Escape');
  await expect(ledger).toHaveCount(0);
});
