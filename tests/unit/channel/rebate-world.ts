import { createProduct, type ProductInput } from '../../../src-main/engine/catalog/product-service';
import type { EngineContext } from '../../../src-main/engine/context';
import { createCustomer } from '../../../src-main/engine/customers/customer-service';
import { deliverable, postDeliveryNote } from '../../../src-main/engine/fulfilment/delivery-notes';
import { createPickList } from '../../../src-main/engine/fulfilment/pick-lists';
import { completePickList, setPicked } from '../../../src-main/engine/fulfilment/picking';
import { receiveGoods } from '../../../src-main/engine/inventory/receive-goods';
import { createWarehouse } from '../../../src-main/engine/inventory/warehouse-service';
import { placeOrder } from '../../../src-main/engine/orders/place-order';
import { createSupplier } from '../../../src-main/engine/purchasing/supplier-service';
import { customerFields } from '../../../src-shared/contract/customers';
import { orderInput } from '../../../src-shared/contract/orders';
import { productFields } from '../../../src-shared/contract/products';
import { supplierFields } from '../../../src-shared/contract/purchasing';
import { engineContext } from '../../support/engine';
import { biscuit, retailer } from '../../support/fixtures';

/** A distributor in Pune selling a ₹100 (ex-GST, 18%) biscuit, with a clock the test moves day by day. */
export function rebateWorld(firstDay = '2026-11-01') {
  let now = new Date(`${firstDay}T05:00:00Z`);
  const base = engineContext(now);
  const ctx: EngineContext = { ...base, now: () => now };
  const address = { line1: '', line2: '', area: '', city: 'Pune', district: 'Pune', stateCode: '27', pincode: '' };
  const warehouseId = createWarehouse(ctx, { code: 'PUN', name: 'Pune', address, active: true }).id;
  const product = createProduct(
    ctx,
    productFields.parse(biscuit({ price: 100_00, mrp: 150_00, barcodes: [], packs: [] })) as ProductInput,
  ).id;
  receiveGoods(ctx, {
    warehouseId,
    kind: 'receipt',
    supplier: '',
    reference: '',
    lines: [
      {
        productId: product,
        batchNo: 'B1',
        manufacturedOn: null,
        expiresOn: '2028-01-01',
        mrp: null,
        quantity: 100_000,
      },
    ],
  });
  const brand = createSupplier(ctx, supplierFields.parse({ code: 'SUN', name: 'Sunrise Foods', stateCode: '27' })).id;
  const customer = (code: string, changes: object = {}) =>
    createCustomer(ctx, customerFields.parse(retailer({ code, gstin: '', creditLimit: 1_00_00_000_00, ...changes })))
      .id;
  return {
    ctx,
    product,
    brand,
    customer,
    /** moves the clock to 10:30 in India on `day` */
    on(day: string) {
      now = new Date(`${day}T05:00:00Z`);
    },
    /** orders, picks and delivers `quantity`: the delivery note raises the invoice; returns its id */
    sell(customerId: number, quantity: number): number {
      const input = orderInput.parse({
        customerId,
        warehouseId,
        paymentType: 'credit',
        lines: [{ productId: product, quantity }],
      });
      const order = placeOrder(ctx, { ...input, requiredDate: null, id: null, version: null });
      const list = createPickList(ctx, { warehouseId, orderIds: [order.id] });
      for (const l of list.lines) setPicked(ctx, { pickListId: list.id, lineId: l.id, picked: l.quantity });
      completePickList(ctx, list.id);
      void deliverable(ctx, order.id);
      postDeliveryNote(ctx, { orderId: order.id, lines: null, packages: 1, weightGrams: 1 });
      const row = ctx.ledger.sqlite.prepare('SELECT max(id) AS id FROM invoices').get() as { id: number };
      return row.id;
    },
  };
}
