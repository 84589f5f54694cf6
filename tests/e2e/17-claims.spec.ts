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

  await page.keyboard.press('Alt+A');
  const outcome = page.getByLabel('Answer', { exact: true });
  await expect(outcome).toBeFocused();
  await outcome.selectOption('partly_accepted');
  await page.getByLabel('Accepted (₹)').fill('100');
  await page.getByLabel("Brand's reason").fill('Stock count differs');
  await page.getByLabel("Brand's reason").press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Partly accepted');
  await expect(page.getByText('accepted ₹100.00')).toBeVisible();
  await expect(page.getByText('“Stock count differs”')).toBeVisible();
});
