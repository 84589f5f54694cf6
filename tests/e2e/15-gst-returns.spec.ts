import { expect, test } from '@playwright/test';
import { openDemoLedger, signInAs } from './helpers';

// The demo ledger (port after E2E_PORT): months of demo invoices to file. 06-dashboard sets it up, and this spec
// does if run alone.
test.use({ baseURL: `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 5188) + 1}` });

test('the billing clerk opens GST returns, switches to the quarter by keyboard and sees it reconcile', async ({
  page,
}) => {
  await openDemoLedger(page);
  await signInAs(page, 'kavita', 'demo-pass-1');

  await page
    .getByRole('link', { name: 'GST returns' })
    .or(page.getByRole('button', { name: 'GST returns' }))
    .click();
  await expect(page.getByRole('heading', { name: 'GST returns: GSTR-1' })).toBeVisible();
  const sections = page.getByRole('table', { name: 'GSTR-1 sections' });
  await expect(sections).toContainText('B2B invoices (4A)', { timeout: 30_000 });
  // The month box has the focus; Tab (past its month and year parts) reaches "Return for", a key picks the quarter.
  await expect(page.getByLabel('Month')).toBeFocused();
  const span = page.getByLabel('Return for');
  for (let i = 0; i < 3 && !(await span.evaluate((el) => el === el.ownerDocument.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(span).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(span).toHaveValue('quarter');
  await expect(page.getByText(/return period \d{6}/)).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('GSTR-1 = sales register = invoices, to the paisa.', {
    timeout: 30_000,
  });
  await page.screenshot({ path: 'test-results/e2e/gst-returns.png', fullPage: true });
});
