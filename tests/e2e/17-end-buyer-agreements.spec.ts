import { expect, test } from '@playwright/test';
import { api, signIn } from './helpers';

test('the manager records the brand’s special price for a hospital by keyboard and sees it listed', async ({
  page,
}) => {
  await signIn(page);
  const request = page.request;
  await api(request, 'suppliers.create', { code: 'E2E-EBA', name: 'Healwell Pharma', stateCode: '27' });
  await api(request, 'customers.create', {
    code: 'E2E-HOSP',
    name: 'City Care Hospital',
    type: 'retailer',
    billTo: { line1: 'Ward road', city: 'Pune', district: 'Pune', stateCode: '27', pincode: '411001' },
  });
  await api(request, 'customers.create', {
    code: 'E2E-HOSP-R',
    name: 'Wellness Chemists',
    type: 'retailer',
    billTo: { line1: 'Ward road', city: 'Pune', district: 'Pune', stateCode: '27', pincode: '411001' },
  });
  const [product] = (await api(request, 'products.list', { status: 'active', limit: 1 })).rows;

  await page.getByRole('button', { name: 'Channel: agreements' }).click();
  await page.keyboard.press('Alt+N');
  const editor = page.getByRole('dialog', { name: 'New end-buyer agreement' });
  await expect(editor.getByLabel('Brand’s agreement number'.replace('’', "'"))).toBeFocused();
  await page.keyboard.type('EBA-E2E-1');
  await editor.getByLabel('Brand', { exact: true }).selectOption({ label: 'Healwell Pharma' });
  await editor.getByLabel('End buyer').focus();
  await page.keyboard.type('E2E-HOSP');
  await page.keyboard.press('Enter');
  await editor.getByLabel('Valid to').fill('2099-12-31');
  // Only the chemist that serves the hospital may sell to it at the special price.
  await editor.getByLabel('Sold only through', { exact: true }).focus();
  await page.keyboard.type('E2E-HOSP-R');
  await page.keyboard.press('Enter');
  await expect(editor.getByLabel('Sold only through: chosen')).toContainText('Wellness Chemists (E2E-HOSP-R)');
  await expect(editor.getByLabel('Sold only through', { exact: true })).toBeFocused();
  await expect(editor.getByLabel('Sold only through', { exact: true })).toHaveValue('');
  await editor.getByLabel('Add product').focus();
  await page.keyboard.type(product.sku);
  await page.keyboard.press('Enter');
  await editor.getByLabel('Special price').fill('80.00');
  await editor.getByLabel('Brand rate').fill('95.00');
  await editor.getByLabel('Agreed cost').fill('70.00');
  await expect(editor).toContainText('claim ₹25.00 a unit');
  await page.screenshot({ path: 'test-results/end-buyer-agreement-editor.png', fullPage: true });
  await page.keyboard.press('Control+S');

  const list = page.getByRole('table', { name: 'End-buyer agreements' });
  await expect(list).toContainText('EBA-E2E-1');
  await expect(list).toContainText('City Care Hospital');
  const saved = (await api(request, 'endBuyerAgreements.list', {})).find(
    (a: { number: string }) => a.number === 'EBA-E2E-1',
  );
  const chemist = (await api(request, 'customers.list', { search: 'E2E-HOSP-R', limit: 1 })).rows[0];
  expect((await api(request, 'endBuyerAgreements.get', { id: saved.id })).soldToIds).toEqual([chemist.id]);
  await page.screenshot({ path: 'test-results/end-buyer-agreements.png', fullPage: true });
});
