import { expect, test } from '@playwright/test';
import { api, signIn } from './helpers';

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(new Date());

test('the accountant files a price-protection claim and records the brand’s part answer, by keyboard', async ({
  page,
}) => {
  await signIn(page);
  const request = page.request;
  const brand = await api(request, 'suppliers.create', { code: 'E2E-CLM', name: 'Kaveri Foods Ltd', stateCode: '27' });
  const warehouse = await api(request, 'warehouses.create', {
    ...{ code: 'E2E-CLM', name: 'Claims Bay' },
    address: { stateCode: '27', city: 'Pune' },
  });
  const [product] = (await api(request, 'products.list', { status: 'active', limit: 1 })).rows;
  await api(request, 'purchaseInvoices.post', {
    ...{ supplierId: brand.id, supplierInvoiceNo: 'KF/1', invoiceDate: today(), warehouseId: warehouse.id },
    lines: [{ productId: product.id, batchNo: 'KF-1', expiresOn: '2028-01-31', quantity: 500, rate: 50_00 }],
  });
  // A retailer reported 20 of it on the day: the channel's stock is claimed too, on its own line.
  const shop = await api(request, 'customers.create', {
    ...{ code: 'E2E-CLM-R', name: 'Kaveri Corner Store', type: 'retailer' },
    billTo: { line1: 'MG road', city: 'Pune', district: 'Pune', stateCode: '27', pincode: '411001' },
  });
  await api(request, 'channelStock.record', {
    ...{ customerId: shop.id, periodStart: today(), reportDate: today() },
    lines: [{ productId: product.id, closingQuantity: 20, soldQuantity: 0 }],
  });
  const cut = await api(request, 'priceChanges.record', {
    ...{ supplierId: brand.id, productId: product.id, oldRate: 50_00, newRate: 49_00 },
    ...{ effectiveOn: today(), reference: 'KF circular 3' },
  });
  const source = { kind: 'price_protection', priceChangeId: cut.id };
  const proposal = await api(request, 'claims.propose', { source });
  await api(request, 'claims.draft', { source, keep: proposal.lines, notes: '' });

  await page.getByRole('button', { name: 'Claims' }).click();
  const register = page.getByRole('table', { name: 'Claims' });
  await expect(register).toContainText('Kaveri Foods Ltd');
  await register.locator('tbody tr').first().press('Enter');
  await expect(page.getByRole('table', { name: 'Claim lines' })).toContainText('Our stock');
  await page.keyboard.press('Alt+F');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/CLM\/\d{2}-\d{2}\/\d{6}/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Filed');

  // A photo of the retailer's shelf backs its line only.
  await page.getByLabel('For', { exact: true }).selectOption({ index: 2 });
  const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
  await page
    .getByLabel('Attach photos or PDFs')
    .setInputFiles({ name: 'shelf.png', mimeType: 'image/png', buffer: Buffer.from(png, 'base64') });
  await expect(page.getByRole('listitem').filter({ hasText: 'shelf.png' })).toContainText('line 2');

  await page.keyboard.press('Alt+A');
  const outcome = page.getByLabel('Answer', { exact: true });
  await expect(outcome).toBeFocused();
  await outcome.selectOption('partly_accepted');
  // The brand accepts ₹100 of our stock's line and nothing of the retailer's: answered line by line.
  await page.getByRole('button', { name: 'Answer line by line' }).click();
  const byLine = page.getByRole('table', { name: 'Accepted by line' });
  await expect(byLine).toContainText('Kaveri Corner Store');
  await byLine.getByLabel('Line 1 accepted (₹)').fill('100');
  await byLine.getByLabel('Line 2 accepted (₹)').fill('0');
  await expect(byLine.locator('tfoot')).toContainText('₹100.00');
  await page.screenshot({ path: 'test-results/e2e/claim-answer-by-line.png' });
  await page.getByLabel("Brand's reason").fill('Stock count differs');
  await page.getByLabel("Brand's reason").press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Partly accepted');
  await expect(page.getByText('accepted ₹100.00')).toBeVisible();
  const filed = (await api(request, 'claims.list', {})).find((c: { supplierName: string }) =>
    c.supplierName.startsWith('Kaveri'),
  );
  const lines = (await api(request, 'claims.get', { id: filed.id })).lines;
  expect(lines.map((l: { acceptedAmount: number }) => l.acceptedAmount)).toEqual([100_00, 0]);
  await expect(page.getByText('“Stock count differs”')).toBeVisible();
});
