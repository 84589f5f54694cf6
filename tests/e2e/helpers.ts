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
