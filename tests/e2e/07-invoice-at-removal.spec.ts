import { expect, test, type APIRequestContext } from '@playwright/test';
import { api, signIn } from './helpers';

test.describe.configure({ mode: 'serial' });

// A ₹1,000 + 12% item: 46 of them make a ₹51,520 consignment, above the ₹50,000 e-way bill limit.
let warehouseId: number;
let productId: number;
let customerId: number;

async function pickedOrder(r: APIRequestContext, quantity: number): Promise<string> {
  const order = await api(r, 'orders.place', {
    customerId,
    warehouseId,
    paymentType: 'credit',
    lines: [{ productId, quantity }],
  });
  const list = await api(r, 'picking.create', { warehouseId, orderIds: [order.id] });
  for (const l of list.lines)
    await api(r, 'picking.setPicked', { pickListId: list.id, lineId: l.id, picked: l.quantity });
  await api(r, 'picking.complete', { id: list.id });
  return order.number;
}

test('setup: a warehouse with a dear item and a retailer with room on credit', async ({ page }) => {
  await signIn(page);
  const r = page.request;
  warehouseId = (
    await api(r, 'warehouses.create', {
      code: 'EWB',
      name: 'Highway Depot',
      address: { stateCode: '27', city: 'Pune' },
    })
  ).id;
  productId = (
    await api(r, 'products.create', {
      sku: 'EWB-01',
      name: 'Sunrise Mixer Grinder',
      category: 'Appliances',
      taxRate: 1200,
      price: 1_000_00,
      mrp: 1_400_00,
    })
  ).id;
  await api(r, 'inventory.receive', { warehouseId, lines: [{ productId, batchNo: 'MG1', quantity: 100 }] });
  customerId = (
    await api(r, 'customers.create', {
      code: 'RT0700',
      name: 'Deccan Home Appliances',
      type: 'retailer',
      creditLimit: 5_00_000_00,
      paymentTermsDays: 15,
      billTo: { line1: 'FC Road', city: 'Pune', district: 'Pune', stateCode: '27', pincode: '411004' },
    })
  ).id;
});

test('order → delivery note with its invoice → dispatch with an e-way bill → payment', async ({ page }) => {
  await signIn(page);
  const orderNumber = await pickedOrder(page.request, 46);
  await page.keyboard.press('Alt+6');
  await expect(page.getByRole('heading', { name: 'Billing' })).toBeVisible();

  const row = page.getByRole('table', { name: 'Orders to deliver' }).getByRole('row').filter({ hasText: orderNumber });
  await row.getByRole('button', { name: 'Post delivery note & invoice' }).click();
  await expect(
    page.getByText(/DN\/\d\d-\d\d\/\d{6} and INV\/\d\d-\d\d\/\d{6} posted for Deccan Home Appliances: ₹51,520\.00/),
  ).toBeVisible();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('tab', { name: 'Dispatch' }).click();
  const load = page.getByRole('form', { name: 'Load a vehicle' });
  const note = load.getByRole('row').filter({ hasText: 'Deccan Home Appliances' }).getByRole('checkbox');
  await note.check();
  await expect(load).toContainText('needs e-way bill');
  await page.getByLabel('Vehicle no.').fill('MH14GH7788');
  await page.getByLabel('Transporter', { exact: true }).fill('Sahyadri Carriers');
  await page.getByLabel('LR / docket').fill('SC-5531');
  await page.getByRole('button', { name: /Dispatch 1 note/ }).click();
  const alert = load.getByRole('alert');
  await expect(alert).toContainText('is above the ₹50,000.00 e-way bill limit');
  const ewb = page.getByLabel(/^E-way bill for DN\//);
  await expect(ewb).toBeFocused();
  await page.screenshot({ path: 'test-results/e2e/dispatch-eway-bill-asked.png' });
  await page.keyboard.type('271234567890');
  await page.keyboard.press('Enter');
  await expect(page.getByText(/DSP\/\d\d-\d\d\/\d{6} dispatched on MH14GH7788/)).toBeVisible();
  await page.getByRole('button', { name: 'Close' }).click();
  const trip = page.getByRole('article').filter({ hasText: 'Deccan Home Appliances' });
  await expect(trip).toContainText('EWB 271234567890');
  await trip.getByRole('button', { name: 'Delivered' }).click();
  await page.screenshot({ path: 'test-results/e2e/dispatch-eway-bill.png' });

  await page.getByRole('tab', { name: 'Receive payment' }).click();
  await page.getByLabel('Customer').fill('Deccan Home');
  await expect(page.getByRole('listbox').getByRole('option')).toHaveCount(1);
  await expect(page.getByRole('option', { name: /Deccan Home Appliances/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await page.getByLabel('Amount (₹)').fill('51,520.00');
  await page.getByRole('button', { name: 'Review receipt' }).click();
  await expect(page.getByRole('alertdialog', { name: 'Confirm receipt' })).toContainText(
    'Deccan Home Appliances · RT0700 · Pune',
  );
  await page.getByRole('button', { name: 'Save receipt' }).click();
  await expect(page.getByTestId('payment-result')).toContainText('₹51,520.00 set against 1 invoice(s)');
});

test('invoice before dispatch: a vehicle carrying an uninvoiced note is refused, naming it', async ({ page }) => {
  await signIn(page);
  const orderNumber = await pickedOrder(page.request, 2);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Company' }).click();
  await page.getByLabel('Raise the tax invoice').selectOption('before_dispatch');
  // The same save sets the GST on freight billed under FOR-destination terms.
  await page.getByLabel('GST on freight billed').selectOption('12%');
  await page.keyboard.press('Control+s');
  await expect(page.getByText('Company profile saved')).toBeVisible();
  expect(await api(page.request, 'company.get', {})).toMatchObject({
    invoiceFlow: 'before_dispatch',
    freightGstRateBps: 1200,
  });

  try {
    await page.keyboard.press('Alt+6');
    const row = page
      .getByRole('table', { name: 'Orders to deliver' })
      .getByRole('row')
      .filter({ hasText: orderNumber });
    await row.getByRole('button', { name: 'Post delivery note', exact: true }).click();
    const posted = page.getByText(/DN\/\d\d-\d\d\/\d{6} posted for Deccan Home Appliances; invoice it before dispatch/);
    await expect(posted).toBeVisible();
    // Other stories may leave notes waiting too (a cancelled invoice's): pick this one by its number.
    const dn = (await posted.textContent())!.match(/DN\/\d\d-\d\d\/\d{6}/)![0];
    await expect(page.getByRole('tab', { name: 'To invoice' })).toBeVisible();

    await page.getByRole('tab', { name: 'Dispatch' }).click();
    const load = page.getByRole('form', { name: 'Load a vehicle' });
    const label = load.getByRole('row').filter({ hasText: 'not invoiced' }).filter({ hasText: dn });
    await label.getByRole('checkbox').check();
    await page.getByLabel('Vehicle no.').fill('MH14GH7788');
    await page.getByRole('button', { name: /Dispatch 1 note/ }).click();
    await expect(load.getByRole('alert')).toHaveText(
      `${dn} is not invoiced yet: goods leave only under a tax invoice, so invoice it before dispatch`,
    );
    await page.screenshot({ path: 'test-results/e2e/dispatch-uninvoiced-refused.png' });

    // The billing desk invoices it; then the same load leaves.
    await page.getByRole('tab', { name: 'To invoice' }).click();
    await page
      .getByRole('article', { name: 'Delivery notes of Deccan Home Appliances' })
      .getByRole('button', { name: 'Invoice all' })
      .click();
    await expect(page.getByText(/INV\/\d\d-\d\d\/\d{6} posted: ₹2,240\.00/)).toBeVisible();
  } finally {
    const company = await api(page.request, 'company.get', {});
    await api(page.request, 'company.update', {
      ...company,
      invoiceFlow: 'with_delivery_note',
      freightGstRateBps: 1800,
    });
  }
});
