import { expect, test, type Page } from '@playwright/test';
import { signIn as signInAsAdmin } from './helpers';

test.describe.configure({ mode: 'serial' });

const productsCsv = [
  'sku,name,brand,category,hsn,tax_rate,mrp,price,packs,barcodes',
  'SUN-0001,Sunrise Glucose Biscuit 150 g,Sunrise,Biscuits,19053100,18,20,16,case=48;box=6,8901063010215;18901063010212@case',
  'SUN-0002,Sunrise Cream Biscuit 120 g,Sunrise,Biscuits,19053100,18,30,24,case=36,8901063010222',
  'KES-0001,Kesar Turmeric Powder 200 g,Kesar,Spices,09103030,5,62,50,case=48,8906001000013',
].join('\n');

/** Signs in and goes to Customers by keyboard. */
async function signIn(page: Page) {
  await signInAsAdmin(page);
  await page.keyboard.press('Alt+8');
  await expect(page.getByRole('heading', { name: 'Customers' })).toBeVisible();
}

test('first run: the owner names the company and becomes administrator', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('Set up your company')).toBeVisible();
  await page.getByLabel('Company name').fill('Shree Ganesh Distributors');
  await page.getByLabel('Your name').fill('Asha Deshmukh');
  await page.getByLabel('Username').fill('asha');
  await page.getByLabel('Password (8+ characters)').fill('short');
  await page.getByLabel(/Load a demo distributor/).uncheck();
  await page.getByRole('button', { name: 'Create company and sign in' }).click();
  await expect(page.getByText('Password must be at least 8 characters')).toBeVisible();
  await expect(page.getByLabel('Password (8+ characters)')).toBeFocused();
  await page.getByLabel('Password (8+ characters)').fill('correct-horse');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'New order' })).toBeVisible();
  await page.keyboard.press('Alt+8');
  await expect(page.getByRole('heading', { name: 'Customers' })).toBeVisible();
  await expect(page.getByText('Shree Ganesh Distributors')).toBeVisible();
  await expect(page.getByText('No customers yet')).toBeVisible();
});

test('a clerk adds a customer by keyboard, fixing a mistyped GSTIN on the way', async ({ page }) => {
  await signIn(page);
  await page.keyboard.press('Alt+n');
  const form = page.getByRole('dialog', { name: 'New customer' });
  await expect(form).toBeVisible();
  await expect(form.getByLabel('Code', { exact: true })).toBeFocused();
  await page.keyboard.type('RT0001');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Sharma Traders');
  await form.getByLabel('Phone', { exact: true }).fill('9822012345');
  await form.getByLabel('GSTIN', { exact: true }).fill('27AAPFU0939F1ZX');
  await form.getByLabel('City / town').fill('Pune');
  await form.getByLabel('District').fill('Pune');
  await form.getByLabel('State', { exact: true }).selectOption('27');
  await form.getByLabel('Pincode').fill('411037');
  await form.getByLabel('Credit limit (₹)').fill('50,000');
  await page.keyboard.press('Control+s');

  const gstin = form.getByLabel('GSTIN', { exact: true });
  await expect(page.getByRole('alert').filter({ hasText: 'check character does not match' })).toBeVisible();
  await expect(gstin).toBeFocused();
  await expect(gstin).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: 'test-results/e2e/customer-gstin-error.png' });

  await gstin.fill('27AAPFU0939F1ZV');
  await page.keyboard.press('Control+s');
  await expect(page.getByText('Saved Sharma Traders (RT0001)')).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'RT0001' });
  await expect(row).toContainText('Sharma Traders');
  await expect(row).toContainText('₹50,000.00');
  await expect(row).toContainText('27AAPFU0939F1ZV');
});

test('products arrive from a CSV file, previewed before anything is written', async ({ page }) => {
  await signIn(page);
  await page.keyboard.press('Alt+9');
  await expect(page.getByRole('heading', { name: 'Products' })).toBeVisible();
  await page.keyboard.press('Alt+i');
  await page
    .getByLabel('CSV file')
    .setInputFiles({ name: 'products.csv', mimeType: 'text/csv', buffer: Buffer.from(productsCsv) });
  const summary = page.getByTestId('import-summary');
  await expect(summary).toContainText('3 rows · 3 valid · 0 with errors');
  await page.getByRole('button', { name: 'Import all 3 rows' }).click();
  await expect(page.getByText('Imported 3 products')).toBeVisible();
  await expect(page.getByTestId('record-count')).toHaveText('3 records');
});

test('a scanned barcode in the search box finds its product', async ({ page }) => {
  await signIn(page);
  await page.keyboard.press('Alt+9');
  await expect(page.getByTestId('record-count')).toHaveText('3 records');
  await page.keyboard.press('/');
  await expect(page.getByLabel('Search products')).toBeFocused();
  await page.keyboard.type('8906001000013');
  await expect(page.getByTestId('record-count')).toHaveText('1 record');
  await expect(page.getByRole('row').filter({ hasText: 'KES-0001' })).toContainText('Kesar Turmeric Powder 200 g');
  await page.getByLabel('Search products').press('Escape');
  // Escape clears the search: let the full list come back before moving into it.
  await expect(page.getByTestId('record-count')).toHaveText('3 records');
  await page.getByTestId('table-body').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Product KES-0001' })).toBeVisible();
  await expect(page.getByLabel('EAN / GTIN / code')).toHaveValue('8906001000013');
  await page.screenshot({ path: 'test-results/e2e/product-by-barcode.png' });
});
