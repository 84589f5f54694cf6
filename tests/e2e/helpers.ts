import { expect, type APIRequestContext, type Page } from '@playwright/test';

/** Arranges a test's world through the same API the screens use, with the browser's session. */
export async function api(request: APIRequestContext, name: string, input: unknown) {
  const res = await request.post(`/api/${name}`, { data: input, headers: { 'content-type': 'application/json' } });
  const body = await res.json();
  if (!res.ok()) throw new Error(`${name}: ${JSON.stringify(body)}`);
  return body;
}

/** The first-run administrator (created by 01-masters.spec) signs in and lands on New order. */
export async function signIn(page: Page) {
  await page.goto('/');
  await page.getByLabel('Username').fill('asha');
  await page.getByLabel('Password').fill('correct-horse');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'New order' })).toBeVisible();
}

/**
 * The demo ledger (the server on the port after E2E_PORT): 06-dashboard sets it up, and a spec run alone does it
 * here. Leaves the page on the sign-in form.
 */
export async function openDemoLedger(page: Page) {
  await page.goto('/');
  const setup = page.getByLabel('Company name');
  const signOut = page.getByRole('button', { name: 'Sign out' });
  await expect(
    setup
      .or(signOut)
      .or(page.getByRole('button', { name: 'Sign in' }))
      .first(),
  ).toBeVisible({ timeout: 15_000 });
  if (await setup.isVisible()) {
    await setup.fill('Shree Ganesh Distributors');
    await page.getByLabel('Your name').fill('Owner');
    await page.getByLabel('Password (8+ characters)').fill('correct-horse');
    await page.getByRole('button', { name: 'Create company and sign in' }).click();
    await expect(signOut).toBeVisible({ timeout: 30_000 });
  }
  if (await signOut.isVisible()) await signOut.click();
}

/** Signs in from the sign-in form and waits until the app is open. */
export async function signInAs(page: Page, username: string, password: string) {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible({ timeout: 15_000 });
}

/**
 * Counts every key the test sends through page.keyboard. The issue counts the characters of
 * codes and quantities (and a scanner's scans) apart from the keys a clerk spends on getting
 * around, so those go through `data()` and `scan()`; every other press or typed character is
 * an extra keystroke. Nothing else in a counted test may move the focus (no click, no focus()).
 */
export function countKeys(page: Page) {
  const tally = { extra: 0, data: 0, scans: 0, log: [] as string[] };
  let counting: 'extra' | 'data' = 'extra';
  const kb = page.keyboard;
  const press = kb.press.bind(kb);
  const type = kb.type.bind(kb);
  kb.press = async (key, options) => {
    tally[counting] += 1;
    if (counting === 'extra') tally.log.push(key);
    return press(key, options);
  };
  kb.type = async (text, options) => {
    tally[counting] += [...text].length;
    if (counting === 'extra') tally.log.push(text);
    return type(text, options);
  };
  const refuse = () => {
    throw new Error('counted tests use keyboard.press and keyboard.type only');
  };
  kb.down = refuse;
  kb.up = refuse;
  kb.insertText = refuse;
  return {
    tally,
    /** The characters of a code or a quantity: counted apart, as the issue does. */
    async data(text: string) {
      counting = 'data';
      try {
        await kb.type(text);
      } finally {
        counting = 'extra';
      }
    },
    /** A barcode scanner types the code and Enter: one scan. */
    async scan(code: string) {
      tally.scans += 1;
      counting = 'data';
      try {
        await kb.type(code);
        await kb.press('Enter');
      } finally {
        counting = 'extra';
      }
    },
  };
}
