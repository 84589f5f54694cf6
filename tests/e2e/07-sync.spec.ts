import { expect, request as newRequest, test, type APIRequestContext } from '@playwright/test';
import { pgliteBackend, startTestHq, type TestHq } from '../support/hq';

// Two distributors (the first-run ledger and the demo ledger) enrolled with a reference HQ on PGlite.
test.describe.configure({ mode: 'serial' });

const portA = Number(process.env.E2E_PORT ?? 5188);
const portB = portA + 1;
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(new Date());
const yearOn = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
let hq: TestHq;
let a: APIRequestContext;
let b: APIRequestContext;

async function call(ctx: APIRequestContext, name: string, input: unknown) {
  const res = await ctx.post(`/api/${name}`, { data: input, headers: { 'content-type': 'application/json' } });
  const body = await res.json();
  if (!res.ok()) throw new Error(`${name}: ${JSON.stringify(body)}`);
  return body;
}

/** Signs in to a server, setting it up first when this spec runs on its own. */
async function administrator(port: number, username: string, demo: boolean) {
  const ctx = await newRequest.newContext({ baseURL: `http://127.0.0.1:${port}` });
  if ((await call(ctx, 'setup.status', {})).needsSetup) {
    await call(ctx, 'setup.initialize', {
      companyName: 'Shree Ganesh Distributors',
      stateCode: '27',
      adminUsername: username,
      adminName: 'Owner',
      password: 'correct-horse',
      demo,
    });
  } else {
    await call(ctx, 'auth.login', { username, password: 'correct-horse' });
  }
  return ctx;
}

async function enrolmentCode(distributorCode: string) {
  await hq.admin('POST', '/admin/distributors', { code: distributorCode, name: `Distributor ${distributorCode}` });
  return (await hq.admin<{ code: string }>('POST', '/admin/enrolment-codes', { distributorCode })).body.code;
}

test.beforeAll(async () => {
  hq = await startTestHq(pgliteBackend);
  a = await administrator(portA, 'asha', false);
  b = await administrator(portB, 'admin', true);
});
test.afterAll(async () => {
  await hq?.stop();
});

test('the owner enrols on the Sync screen, sells, syncs, and HQ counts the events of both distributors', async ({
  page,
}) => {
  await call(a, 'sync.enrol', { hqAddress: hq.url, enrolmentCode: await enrolmentCode('D-FIRST') });
  expect((await call(a, 'sync.now', {})).ok).toBe(true);

  await page.goto(`http://127.0.0.1:${portB}/`);
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password').fill('correct-horse');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'New order' })).toBeVisible();
  await page.getByRole('button', { name: 'Sync: not set up' }).click();
  await expect(page.getByRole('heading', { name: 'Sync with HQ' })).toBeVisible();
  await page.getByLabel('HQ address').fill('http://hq.brand.example');
  await page.getByLabel('Enrolment code').fill('ABCDEF-123');
  await page.getByRole('button', { name: 'Enrol' }).click();
  await expect(page.getByRole('alert')).toContainText('https://');
  await page.getByLabel('HQ address').fill(hq.url);
  await page.getByLabel('Enrolment code').fill(await enrolmentCode('D-DEMO'));
  await page.getByRole('button', { name: 'Enrol' }).click();
  await expect(page.getByText('Distributor D-DEMO (D-DEMO)')).toBeVisible();

  // A counter sale: an order placed and invoiced in one go.
  const stock = (await call(b, 'inventory.stock', { limit: 50 })).rows.find(
    (r: { available: number }) => r.available >= 20,
  );
  await call(b, 'counter.sale', {
    warehouseId: stock.warehouseId,
    lines: [{ productId: stock.productId, quantity: 2 }],
    payment: { mode: 'cash', tendered: 1_000_000 },
  });
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('sync-queued')).toHaveText('0 events', { timeout: 30_000 });
  await expect(page.getByTestId('sync-totals')).toContainText('match HQ');

  const counted = (
    await hq.admin<{ distributorCode: string; type: string; accepted: string }[]>(
      'GET',
      `/admin/views/events?from=${today}&to=${today}`,
    )
  ).body;
  const of = (code: string, type: string) =>
    Number(counted.find((r) => r.distributorCode === code && r.type === type)?.accepted ?? 0);
  expect(of('D-DEMO', 'invoice.posted')).toBeGreaterThanOrEqual(1);
  expect(of('D-DEMO', 'payment.received')).toBeGreaterThanOrEqual(1);
  expect(counted.some((r) => r.distributorCode === 'D-DEMO' && r.type === 'order.placed')).toBe(true);
  const statusA = await call(a, 'sync.status', {});
  expect(statusA).toMatchObject({ enrolled: true, distributorCode: 'D-FIRST', queued: 0, lastError: '' });
});

test('HQ publishes a price list and a primary shipment; the demo distributor prices with it and receives the goods', async ({
  page,
}) => {
  const stock = (await call(b, 'inventory.stock', { limit: 50 })).rows.find(
    (r: { available: number }) => r.available >= 20,
  );
  await hq.admin('POST', '/admin/masters', {
    items: [
      {
        masterType: 'price-list',
        data: { code: 'E2E', name: 'Brand list', items: [{ sku: stock.sku, ratePaise: 777 }] },
        validFrom: today,
      },
      {
        masterType: 'primary-shipment',
        validFrom: today,
        data: {
          brandInvoiceNumber: 'BR/INV/0042',
          invoiceDate: today,
          distributorCode: 'D-DEMO',
          lines: [{ sku: stock.sku, batchNo: 'E2E-1', mfgDate: today, expiryDate: yearOn, qty: 48, ratePaise: 650 }],
        },
      },
    ],
  });
  await page.goto(`http://127.0.0.1:${portB}/`);
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password').fill('correct-horse');
  await page.keyboard.press('Enter');
  await page.locator('.sync-line').click();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByText(/Synced: \d+ sent, 2 received/)).toBeVisible({ timeout: 30_000 });

  // A new order at the counter (the cash customer has no list of its own): the brand's list prices it.
  const counter = await call(b, 'counter.start', {});
  const sale = await call(b, 'counter.sale', {
    warehouseId: stock.warehouseId,
    customerId: counter.cashCustomerId ?? null,
    lines: [{ productId: stock.productId, quantity: 1 }],
    payment: { mode: 'cash', tendered: 1_000_000 },
  });
  expect(sale.invoice.lines[0].unitPrice).toBe(777);

  await page.getByRole('button', { name: /^Stock(?! value)/ }).click();
  await page.getByRole('tab', { name: 'Primary shipments' }).click();
  await expect(page.getByRole('table', { name: 'Primary shipments in transit' })).toContainText('BR/INV/0042');
  await page.getByRole('button', { name: 'Receive', exact: true }).click();
  await page.getByLabel('Received line 1').fill('45');
  await page.getByLabel('Damaged line 1').fill('2');
  await expect(page.getByRole('dialog')).toContainText('3 short');
  await page.getByRole('button', { name: 'Receive into stock' }).click();
  await expect(page.getByText(/BR\/INV\/0042 received as GRN\/.*; 3 short; 2 damaged/)).toBeVisible();

  await page.locator('.sync-line').click();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('sync-queued')).toHaveText('0 events', { timeout: 30_000 });
  const [received] = await hq.sql.query<{ payload: { brandInvoiceNumber: string; lines: { qty: number }[] } }>(
    "select payload from events where type = 'goods.received' and payload->>'brandInvoiceNumber' = 'BR/INV/0042'",
  );
  expect(received!.payload.lines[0]!.qty).toBe(43);
  await page.screenshot({ path: 'test-results/sync-screen.png', fullPage: true });
});
