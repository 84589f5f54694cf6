import { expect, test } from '@playwright/test';
import { api, signIn } from './helpers';

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(new Date());

test('the accountant pays the brand against its invoice, then sends expired stock back on a debit note', async ({
  page,
}) => {
  await signIn(page);
  const request = page.request;
  const supplier = await api(request, 'suppliers.create', {
    code: 'E2E-PAY',
    name: 'Monsoon Beverages Pvt Ltd',
    gstin: '27AAPFU0939F1ZV',
    stateCode: '27',
    paymentTermsDays: 30,
  });
  const warehouse = await api(request, 'warehouses.create', {
    code: 'E2E-PAY',
    name: 'Pune Returns Bay',
    address: { stateCode: '27', city: 'Pune' },
  });
  const [product] = (await api(request, 'products.list', { status: 'active', limit: 1 })).rows;
  const invoice = await api(request, 'purchaseInvoices.post', {
    supplierId: supplier.id,
    supplierInvoiceNo: 'MB/7781',
    invoiceDate: today(),
    warehouseId: warehouse.id,
    lines: [{ productId: product.id, batchNo: 'MB-EXP-1', expiresOn: '2027-01-31', quantity: 120, rate: 50_00 }],
  });

  // Pay part of the invoice: the ledger shows the invoice, the payment and what is still owed.
  await page.getByRole('button', { name: 'Payables' }).click();
  await page.getByLabel('Supplier').selectOption(String(supplier.id));
  const open = page.getByRole('table', { name: 'Open invoices' });
  await expect(open).toContainText(invoice.number);
  await expect(open).toContainText('MB/7781');
  await page.getByLabel('Reference / UTR').fill('UTR998877');
  await page.getByLabel('Amount (₹)').fill('2000');
  await page.getByLabel('Amount (₹)').press('Enter');
  const confirm = page.getByRole('alertdialog', { name: 'Confirm payment' });
  await expect(confirm).toContainText('Monsoon Beverages Pvt Ltd');
  await expect(confirm).toContainText(`${invoice.number}: ₹2,000.00`);
  await page.screenshot({ path: '/tmp/ui-pay-confirm.png', fullPage: true });
  await page.keyboard.press('Enter');
  const ledger = page.getByRole('table', { name: 'Supplier ledger' });
  await expect(ledger).toContainText('UTR998877');
  const owed = invoice.totals.total - invoice.totals.tds - 2_000_00;
  const rupees = (p: number) => `₹${(p / 100).toLocaleString('en-IN', { minimumFractionDigits: 2 })}`;
  await expect(page.getByTestId('ledger-closing')).toHaveText(rupees(owed));
  await expect(open).toContainText(rupees(owed));
  await page.screenshot({ path: '/tmp/ui-pay-ledger.png', fullPage: true });

  // Paying a chosen invoice: ticking it offers its full due, which is more than this payment, and says so.
  await page.getByLabel('Set against').selectOption('chosen');
  await page.getByLabel(`Pay ${invoice.number}`).check();
  await page.getByLabel('Amount (₹)').fill('500');
  await page.getByLabel('Amount (₹)').press('Enter');
  await expect(page.getByRole('alert')).toContainText('reference (UTR)');
  await page.getByLabel('Reference / UTR').fill('UTR556677');
  await page.getByLabel('Reference / UTR').press('Enter');
  await expect(page.getByRole('alert')).toContainText('more than the payment (₹500.00)');
  await page.getByLabel(`Amount for ${invoice.number}`).fill('500');
  await page.getByLabel(`Amount for ${invoice.number}`).press('Enter');
  await expect(page.getByRole('alertdialog', { name: 'Confirm payment' })).toContainText('₹500.00 against the 1');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('ledger-closing')).toHaveText(rupees(owed - 500_00));

  // Send 20 of the batch back for expiry; the debit note opens as a PDF, then the brand accepts it.
  await page.getByRole('tab', { name: 'Returns to the brand' }).click();
  await page.keyboard.press('Alt+N');
  const form = page.getByRole('form', { name: 'New return to the brand' });
  await form.getByLabel('Supplier').selectOption(String(supplier.id));
  await form.getByLabel('From warehouse').selectOption(String(warehouse.id));
  await form.getByLabel(`Return from batch MB-EXP-1 of ${product.sku}`).fill('20');
  await page.screenshot({ path: '/tmp/ui-pay-return.png', fullPage: true });
  await form.getByLabel(`Return from batch MB-EXP-1 of ${product.sku}`).press('Enter');
  const pdf = page.getByRole('dialog', { name: /^DN/ });
  await expect(pdf).toBeVisible();
  await page.keyboard.press('Escape');
  const returns = page.getByRole('table', { name: 'Returns to the brand' });
  const row = returns.getByRole('row').filter({ hasText: 'Monsoon Beverages' });
  await expect(row).toContainText('Claim pending');
  await row.getByRole('button', { name: 'Record claim' }).click();
  await page.getByLabel('Their credit note no.').fill('MB-CN-12');
  await page.getByLabel('Their credit note no.').press('Enter');
  await expect(row).toContainText('Settled');
  await page.screenshot({ path: '/tmp/ui-pay-returns.png', fullPage: true });

  await page.getByRole('tab', { name: 'Ageing & TDS' }).click();
  await expect(page.getByRole('table', { name: 'Payables ageing' })).toContainText('Monsoon Beverages');
  await page.screenshot({ path: '/tmp/ui-pay-ageing.png', fullPage: true });

  // A stock norm set on the purchase orders screen is what the suggested order works from.
  await page.getByRole('button', { name: 'Purchase orders' }).click();
  const norms = page.getByRole('region', { name: 'Stock norms' });
  await norms.getByLabel('Warehouse').selectOption(String(warehouse.id));
  await norms.getByLabel('Set a norm for').fill(product.sku);
  await norms.getByLabel('Set a norm for').press('Enter');
  await norms.getByLabel('Min').fill('24');
  await norms.getByLabel('Max').fill('96');
  await norms.getByLabel('Max').press('Enter');
  await expect(norms.getByRole('row').filter({ hasText: product.sku })).toContainText('96');
  await page.screenshot({ path: '/tmp/ui-pay-norms.png', fullPage: true });
});
