import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('the billing desk delivers a picked order (raising its invoice), dispatches it and sees it in receivables', async ({
  page,
}) => {
  await signIn(page);
  await page.keyboard.press('Alt+6');
  await expect(page.getByRole('heading', { name: 'Billing' })).toBeVisible();

  // The order picked in 03-picking waits for its delivery note.
  const toDeliver = page.getByRole('table', { name: 'Orders to deliver' });
  await expect(toDeliver).toContainText('Kulkarni Provision Stores');
  // Invoice with the delivery note (the default flow): one step, and the invoice opens to print.
  await expect(page.getByRole('tab', { name: 'To invoice' })).toHaveCount(0);
  await toDeliver.getByRole('button', { name: 'Post delivery note & invoice' }).first().click();
  await expect(
    page.getByText(/DN\/\d\d-\d\d\/\d{6} and INV\/\d\d-\d\d\/\d{6} posted for Kulkarni Provision Stores: ₹[\d,]+\.00/),
  ).toBeVisible();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('tab', { name: 'Dispatch' }).click();
  await page.getByRole('checkbox').first().check();
  await page.getByLabel('Vehicle no.').fill('MH12XY4321');
  await page.getByRole('button', { name: /Dispatch 1 note/ }).click();
  await expect(page.getByText(/DSP\/\d\d-\d\d\/\d{6} dispatched on MH12XY4321/)).toBeVisible();
  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Delivered' }).first().click();

  await page.getByRole('tab', { name: 'Receivables' }).click();
  const ageing = page.getByRole('table', { name: 'Receivables ageing' });
  await expect(ageing).toContainText('Kulkarni Provision Stores');
  await page.screenshot({ path: 'test-results/e2e/receivables.png' });
});
