import { expect, test } from '@playwright/test';
import { api, signIn } from './helpers';

test('a scheme refused once can be fixed and saved; each error goes when its field is edited', async ({ page }) => {
  await signIn(page);
  await api(page.request, 'suppliers.create', { code: 'E2E-FND', name: 'Godavari Biscuits Ltd', stateCode: '27' });
  await page.getByRole('button', { name: 'Schemes & prices' }).click();
  await page.getByRole('button', { name: 'New scheme' }).click();
  const drawer = page.getByRole('dialog', { name: 'New scheme' });
  await drawer.getByLabel('Code').fill('F-VOL');
  await drawer.getByLabel('Name', { exact: true }).fill('Forms volume slab');
  await drawer.getByLabel('Kind').selectOption('volume');
  // The brand pays the benefit back: its claims are raised from what the scheme gave.
  await drawer.getByLabel('Funded by').selectOption({ label: 'Godavari Biscuits Ltd' });

  // A discount that is not a percentage is a field error at once, each with its own words.
  const pct = drawer.getByLabel('Slab 1 discount %');
  for (const [bad, message] of [
    ['abc', '“abc” is not a percentage; type e.g. 5 or 7.5'],
    ['-10', 'A discount cannot be negative'],
    ['150', '150% is more than the whole price; a discount is at most 100%'],
  ] as const) {
    await pct.fill(bad);
    await expect(drawer.getByRole('alert')).toHaveText(message);
  }
  await pct.fill('5');
  await expect(drawer.getByRole('alert')).toHaveCount(0);

  // No "from" quantity: the API refuses the slab, and says so beside it.
  await page.keyboard.press('Control+s');
  const slabError = drawer.locator('tr.has-error .field-error');
  await expect(slabError).toBeVisible();
  // Editing the slab clears the error; the next save goes to the API again and succeeds.
  await drawer.getByLabel('Slab 1 from').fill('50');
  await expect(drawer.locator('.field-error')).toHaveCount(0);
  await page.keyboard.press('Control+s');
  // The API is asked again (before the fix it never was) and has one more thing to say.
  const ruleError = drawer.getByRole('alert').filter({ hasText: 'Name at least one product, category or brand' });
  await expect(ruleError.first()).toBeVisible();
  await drawer.getByLabel('Categories that count').getByRole('checkbox').first().check();
  await expect(ruleError).toHaveCount(0);
  await page.keyboard.press('Control+s');
  await expect(page.getByText('Scheme F-VOL created')).toBeVisible();
  await expect(drawer).toHaveCount(0);
  const row = page.getByRole('table', { name: 'Schemes' }).getByRole('row').filter({ hasText: 'F-VOL' });
  await expect(row).toContainText('funded by Godavari Biscuits Ltd');
});
