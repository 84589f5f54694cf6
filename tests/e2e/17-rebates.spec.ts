import { expect, test } from '@playwright/test';
import { openDemoLedger, signInAs } from './helpers';

// The demo ledger (port after E2E_PORT): its retailers are who the rebate is for.
test.use({ baseURL: `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 5188) + 1}` });

test('the manager sets up a three-tier retroactive rebate by keyboard, fixing a tier the app refuses', async ({
  page,
}) => {
  await openDemoLedger(page);
  await signInAs(page, 'anita', 'demo-pass-1');
  await page.getByRole('button', { name: 'Channel: rebates' }).click();
  await expect(page.getByRole('heading', { name: 'Rebates' })).toBeVisible();
  await page.getByRole('button', { name: 'New agreement' }).click();

  const code = `RB-${Date.now() % 1_000_000}`;
  await expect(page.getByLabel('Code')).toBeFocused();
  await page.keyboard.type(code);
  await page.keyboard.press('Tab');
  await page.keyboard.type('Retailer volume rebate');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown'); // For: every customer of a type (retailers)
  await expect(page.getByLabel('For')).toHaveValue('type');
  // Date boxes type in the browser's locale order; fill gives them the ISO day whatever it is.
  await page.getByLabel('From', { exact: true }).fill('2026-11-01');
  await page.getByLabel('To', { exact: true }).fill('2026-11-30');

  const tier = (i: number, threshold: string, rate: string) =>
    [
      [page.getByLabel(`From ₹ (taxable), tier ${i}`), threshold],
      [page.getByLabel(`Rate %, tier ${i}`), rate],
    ] as const;
  const addTier = page.getByRole('button', { name: 'Add tier' });
  for (const [i, threshold, rate] of [
    [1, '1,00,000', '1'],
    [2, '3,00,000', '2'],
    [3, '2,00,000', '3'],
  ] as const) {
    if (i > 1) {
      await addTier.focus();
      await page.keyboard.press('Enter');
    }
    for (const [box, text] of tier(i, threshold, rate)) {
      await box.focus();
      await page.keyboard.type(text);
    }
  }
  // Tier 3 starts below tier 2: refused, the error under the box, the focus on it.
  await page.keyboard.press('Control+s');
  await expect(page.getByText('Each tier must start above the one before it')).toBeVisible();
  const third = page.getByLabel('From ₹ (taxable), tier 3');
  await expect(third).toBeFocused();
  // Swap: tier 2 from ₹2 lakh, tier 3 from ₹3 lakh.
  await page.keyboard.press('Control+a');
  await page.keyboard.type('3,00,000');
  await page.getByLabel('From ₹ (taxable), tier 2').focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('2,00,000');
  await page.keyboard.press('Control+s');

  await expect(page.getByText(`Rebate ${code} saved with 3 tiers`)).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(code) });
  await expect(row).toContainText('≥ ₹1,00,000.00: 1% · ≥ ₹2,00,000.00: 2% · ≥ ₹3,00,000.00: 3%');
  await expect(row).toContainText('every retailer');
  await page.screenshot({ path: 'test-results/e2e/rebates.png', fullPage: true });
  await page.getByRole('tab', { name: 'Liabilities' }).click();
  await expect(page.getByRole('table', { name: 'Channel liabilities by customer' })).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/rebate-liabilities.png', fullPage: true });
});
