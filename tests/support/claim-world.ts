import type { EngineContext } from '../../src-main/engine/context';
import { createProduct, type ProductInput } from '../../src-main/engine/catalog/product-service';
import { createCustomer, type CustomerInput } from '../../src-main/engine/customers/customer-service';
import { receiveGoods } from '../../src-main/engine/inventory/receive-goods';
import { postMovement } from '../../src-main/engine/inventory/stock-ledger';
import { createWarehouse } from '../../src-main/engine/inventory/warehouse-service';
import { createSupplier } from '../../src-main/engine/purchasing/supplier-service';
import { customerFields } from '../../src-shared/contract/customers';
import { productFields } from '../../src-shared/contract/products';
import { supplierFields } from '../../src-shared/contract/purchasing';
import { engineContext } from './engine';
import { biscuit, retailer } from './fixtures';

/** The ledger as it stands on a business day (06:00 IST), for posting history on that day. */
export const on = (ctx: EngineContext, day: string): EngineContext => ({
  ...ctx,
  now: () => new Date(`${day}T00:30:00Z`),
});

/** A brand, one Pune warehouse, product P and two retailers: the world the claims tests work in. */
export function claimWorld() {
  const ctx = engineContext();
  const brand = createSupplier(ctx, supplierFields.parse({ code: 'SUN', name: 'Sunrise Foods', stateCode: '27' }));
  const address = { line1: '', line2: '', area: '', city: 'Pune', district: 'Pune', stateCode: '27', pincode: '' };
  const warehouseId = createWarehouse(ctx, { code: 'PUN', name: 'Pune', address, active: true }).id;
  const productId = createProduct(ctx, productFields.parse(biscuit({ sku: 'P', barcodes: [] })) as ProductInput).id;
  const customer = (code: string, name: string) =>
    createCustomer(ctx, customerFields.parse(retailer({ code, name, gstin: '' })) as CustomerInput).id;
  return {
    ctx,
    brand,
    warehouseId,
    productId,
    retailerA: customer('RA', 'Retailer A'),
    retailerB: customer('RB', 'Retailer B'),
  };
}

export function receive(ctx: EngineContext, w: ReturnType<typeof claimWorld>, quantity: number) {
  receiveGoods(ctx, {
    ...{ warehouseId: w.warehouseId, kind: 'receipt', supplier: 'Sunrise Foods', reference: '' },
    lines: [
      {
        ...{ productId: w.productId, batchNo: 'B1', manufacturedOn: null, expiresOn: '2099-01-01', mrp: null },
        ...{ quantity, value: quantity * 100_00 },
      },
    ],
  });
}

export function sell(ctx: EngineContext, w: ReturnType<typeof claimWorld>, quantity: number) {
  const batchId = (
    ctx.ledger.sqlite.prepare('SELECT id FROM batches WHERE product_id = ?').get(w.productId) as { id: number }
  ).id;
  postMovement(ctx, {
    warehouseId: w.warehouseId,
    productId: w.productId,
    batchId,
    kind: 'issue',
    quantity: -quantity,
  });
}

/** A retailer's closing stock as the channel-stock part would record it. */
export function reported(w: ReturnType<typeof claimWorld>, customerId: number, reportDate: string, closing: number) {
  w.ctx.ledger.sqlite
    .prepare(
      `INSERT INTO channel_stock_reports (customer_id, product_id, period_start, report_date, closing_quantity,
         source, recorded_at) VALUES (?, ?, ?, ?, ?, 'manual', ?)`,
    )
    .run(customerId, w.productId, reportDate, reportDate, closing, '2026-11-20T00:00:00Z');
}
