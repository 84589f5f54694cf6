import { expect, test } from '@playwright/test';
import { api, signIn } from './helpers';

test('the billing desk cancels an invoice raised in error and reverses a bounced receipt, by keyboard', async ({
  page,
}) => {
  await signIn(page);
  await page.keyboard.press('Alt+6');
  await expect(page.getByRole('heading', { name: 'Billing' })).toBeVisible();

  // The invoice posted in 05-billing is unpaid and from today: it can still be cancelled.
  await page.getByRole('tab', { name: 'Invoices', exact: true }).click();
  await page.getByRole('grid', { name: 'Invoices' }).getByText('Kulkarni Provision Stores').first().click();
  const reason = page.getByLabel('Reason for cancelling');
  await reason.fill('Raised against the wrong rate');
  await reason.press('Enter');
  await expect(page.getByText(/INV\/\d\d-\d\d\/\d{6} cancelled; its delivery notes are back/)).toBeVisible();
  await expect(page.getByText(/CANCELLED on \d{4}-\d\d-\d\d: Raised against the wrong rate/)).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: 'To invoice' }).click();
  await expect(page.getByRole('article', { name: 'Delivery notes of Kulkarni Provision Stores' })).toBeVisible();

  // A cheque is received, then bounces.
  const customer = (await api(page.request, 'customers.list', { search: 'Kulkarni' })).rows[0];
  const receipt = await api(page.request, 'payments.record', {
    customerId: customer.id,
    receivedOn: new Date().toISOString().slice(0, 10),
    mode: 'cheque',
    reference: '004512',
    amount: 5000,
  });
  await page.getByRole('tab', { name: 'Receipts' }).click();
  await page.getByRole('grid', { name: 'Receipts' }).getByText(receipt.number).click();
  const why = page.getByLabel('Reason for reversing');
  await why.fill('Cheque bounced');
  await why.press('Enter');
  await expect(page.getByText(`${receipt.number} reversed`).first()).toBeVisible();
  await expect(page.getByRole('grid', { name: 'Receipts' })).toContainText(/reversed \d{4}-\d\d-\d\d/);
});
