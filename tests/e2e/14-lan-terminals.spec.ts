import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, request, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { api } from './helpers';

// Counters on the LAN: one server bound to 127.0.0.2 (a loopback alias standing in for the LAN
// address, so nothing leaves this machine) over HTTPS, and two browser terminals. The browsers
// accept the self-signed certificate with ignoreHTTPSErrors; the fingerprint check a clerk does
// by eye is what the test compares instead. (The API test pins the certificate properly.)
const PORT = Number(process.env.E2E_PORT ?? 5188) + 2;
const URL = `https://127.0.0.2:${PORT}`;
test.describe.configure({ mode: 'serial' });
test.use({ baseURL: URL, ignoreHTTPSErrors: true });

let server: ChildProcess;
let dir: string;
let fingerprint = '';
let orderNumber = '';

test.beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stockist-lan-e2e-'));
  server = spawn(
    process.execPath,
    ['out/main/serve.js', '--db', path.join(dir, 'stockist.db'), '--port', String(PORT), '--lan', '127.0.0.2'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let printed = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`LAN server did not start:\n${printed}`)), 30_000);
    server.stdout!.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      const match = /Certificate fingerprint \(SHA-256\): ([0-9A-F:]{95})/.exec(printed);
      if (match && printed.includes(`serving the network on ${URL}`)) {
        fingerprint = match[1]!;
        clearTimeout(timer);
        resolve();
      }
    });
    server.on('exit', (code) => reject(new Error(`LAN server exited (${code}):\n${printed}`)));
  });

  // The billing desk's first run, through the API over HTTPS: a company, two clerks, stock and a customer.
  const desk = await request.newContext({ baseURL: URL, ignoreHTTPSErrors: true });
  await api(desk, 'setup.initialize', {
    companyName: 'Sharma Distributors',
    stateCode: '27',
    adminUsername: 'asha',
    adminName: 'Asha Sharma',
    password: 'correct-horse',
  });
  for (const [username, displayName, role] of [
    ['ravi', 'Ravi Kulkarni', 'sales_clerk'],
    ['suresh', 'Suresh Patil', 'warehouse_clerk'],
  ])
    await api(desk, 'users.create', { username, displayName, role, password: 'password-123' });
  const warehouseId = (
    await api(desk, 'warehouses.create', { code: 'MAIN', name: 'Main', address: { stateCode: '27', city: 'Pune' } })
  ).id;
  const productId = (
    await api(desk, 'products.create', {
      sku: 'LAN-01',
      name: 'Counter Tea 1 kg',
      category: 'Beverages',
      taxRate: 1200,
      price: 100_00,
      mrp: 150_00,
    })
  ).id;
  await api(desk, 'inventory.receive', { warehouseId, lines: [{ productId, batchNo: 'LT1', quantity: 100 }] });
  await api(desk, 'customers.create', {
    code: 'LN0001',
    name: 'Kothrud Kirana',
    type: 'retailer',
    creditLimit: 1_00_000_00,
    paymentTermsDays: 15,
    route: 'Kothrud',
    billTo: { line1: 'Main Road', city: 'Pune', district: 'Pune', stateCode: '27', pincode: '411038' },
  });
  await desk.dispose();
});

test.afterAll(async () => {
  server?.kill('SIGTERM');
  await new Promise((r) => server?.once('exit', r));
  fs.rmSync(dir, { recursive: true, force: true });
});

async function terminal(browser: Browser, name: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: URL,
    ignoreHTTPSErrors: true,
    userAgent: `Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/140.0 ${name}`,
  });
  return { context, page: await context.newPage() };
}

async function signIn(page: Page, username: string, password: string) {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

test('two terminals over HTTPS: the counter places an order, the warehouse sees it, the admin ends a session', async ({
  browser,
}) => {
  const counter = await terminal(browser, 'Counter');
  const warehouse = await terminal(browser, 'Warehouse');

  // The counter's sign-in page shows the fingerprint the server printed, to compare before a password.
  await counter.page.goto('/');
  await expect(counter.page.getByTestId('lan-notice')).toBeVisible();
  const shown = (await counter.page.getByTestId('fingerprint').innerText()).replace(/\s+/g, ':');
  expect(shown).toBe(fingerprint);
  expect(counter.page.url()).toMatch(/^https:\/\/127\.0\.0\.2:/);
  await counter.page.screenshot({ path: 'test-results/e2e/lan-login-fingerprint.png', fullPage: true });
  await signIn(counter.page, 'ravi', 'password-123');

  // The counter clerk places an order with the terminal's own session (its cookie, over HTTPS).
  const r = counter.context.request;
  const [customer] = (await api(r, 'customers.list', {})).rows;
  const [product] = (await api(r, 'products.list', {})).rows;
  const [store] = await api(r, 'warehouses.list', {});
  const order = await api(r, 'orders.place', {
    customerId: customer.id,
    warehouseId: store.id,
    paymentType: 'credit',
    lines: [{ productId: product.id, quantity: 6 }],
  });
  orderNumber = order.number;
  expect(orderNumber).toBeTruthy();

  // The warehouse terminal signs in on its own and sees the order in Orders.
  await warehouse.page.goto('/');
  await signIn(warehouse.page, 'suresh', 'password-123');
  await warehouse.page.getByRole('button', { name: /^Orders/ }).click();
  await expect(warehouse.page.getByText(orderNumber).first()).toBeVisible();
  await expect(warehouse.page.getByText('Kothrud Kirana').first()).toBeVisible();
  await warehouse.page.getByRole('button', { name: 'Sign out' }).click();

  // The admin signs in at the warehouse terminal, checks the fingerprint and ends the counter's session.
  await signIn(warehouse.page, 'asha', 'correct-horse');
  await warehouse.page.getByRole('button', { name: 'Other computers' }).click();
  await expect(warehouse.page.getByRole('heading', { name: 'Other computers' })).toBeVisible();
  await expect(warehouse.page.getByTestId('lan-serving')).toContainText(URL);
  expect((await warehouse.page.getByTestId('fingerprint').innerText()).replace(/\s+/g, ':')).toBe(fingerprint);
  const raviRow = warehouse.page.getByTestId('session-row').filter({ hasText: 'Ravi Kulkarni' });
  await expect(raviRow).toHaveCount(1);
  // The setup call's session (the API above) and this one: only this one is "you, here".
  await expect(warehouse.page.getByTestId('session-row').filter({ hasText: 'you, here' })).toContainText('Asha Sharma');
  await warehouse.page.screenshot({ path: 'test-results/e2e/lan-other-computers.png', fullPage: true });
  await raviRow.getByRole('button', { name: 'End session' }).click();
  await expect(raviRow).toHaveCount(0);

  // The counter's next call answers 401 and it lands on the sign-in page.
  await counter.page.getByRole('button', { name: /^Customers/ }).click();
  await expect(counter.page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(counter.page.getByTestId('lan-notice')).toBeVisible();

  await counter.context.close();
  await warehouse.context.close();
});
