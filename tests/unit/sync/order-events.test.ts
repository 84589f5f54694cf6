import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createProduct, type ProductInput } from '../../../src-main/engine/catalog/product-service';
import { createCustomer } from '../../../src-main/engine/customers/customer-service';
import { receiveGoods } from '../../../src-main/engine/inventory/receive-goods';
import { createWarehouse } from '../../../src-main/engine/inventory/warehouse-service';
import { placeOrder } from '../../../src-main/engine/orders/place-order';
import { createScheme } from '../../../src-main/engine/schemes/scheme-service';
import { eventsFrom } from '../../../src-main/engine/sync/outbox';
import { orderPayload } from '../../../src-main/engine/sync/payloads/order-payload';
import { publishEvent } from '../../../src-main/engine/sync/publish-event';
import { customerFields } from '../../../src-shared/contract/customers';
import { orderInput } from '../../../src-shared/contract/orders';
import { schemeInput } from '../../../src-shared/contract/pricing';
import { productFields } from '../../../src-shared/contract/products';
import { eventPayloads } from '../../../src-shared/sync';
import { engineContext } from '../../support/engine';
import { biscuit, retailer } from '../../support/fixtures';

function orderWithFreeGoods() {
  const ctx = engineContext();
  const address = { line1: '', line2: '', area: '', city: 'Pune', district: 'Pune', stateCode: '27', pincode: '' };
  const warehouseId = createWarehouse(ctx, { code: 'W1', name: 'W1', address, active: true }).id;
  const paid = createProduct(
    ctx,
    productFields.parse(biscuit({ sku: 'PAID', barcodes: [], packs: [] })) as ProductInput,
  ).id;
  const customerId = createCustomer(
    ctx,
    customerFields.parse(retailer({ code: 'RT1', gstin: '', creditLimit: 1_00_00_000_00 })),
  ).id;
  createScheme(
    ctx,
    schemeInput.parse({
      code: 'FREE',
      name: 'Free',
      rule: {
        kind: 'free_goods',
        buyProductId: paid,
        buyQuantity: 10,
        getProductId: paid,
        getQuantity: 1,
        repeat: true,
      },
    }),
  );
  // Fewer units than ordered: confirmation reserves part and backorders the rest.
  receiveGoods(ctx, {
    warehouseId,
    kind: 'receipt',
    supplier: '',
    reference: '',
    lines: [{ productId: paid, batchNo: 'P1', manufacturedOn: null, expiresOn: '2028-01-01', mrp: null, quantity: 25 }],
  });
  const input = orderInput.parse({ customerId, warehouseId, lines: [{ productId: paid, quantity: 30 }] });
  const order = ctx.ledger.sqlite.transaction(() => placeOrder(ctx, { ...input, id: null, version: null }))();
  return { ctx, order };
}

describe('order events when an order is placed and confirmed at once', () => {
  it('writes order.placed then order.confirmed, both the order as it stands after the commit', () => {
    const { ctx, order } = orderWithFreeGoods();
    expect(order.status).toBe('confirmed');
    const events = eventsFrom(ctx, 0, 100).filter((e) => e.type.startsWith('order.'));
    expect(events.map((e) => e.type)).toEqual(['order.placed', 'order.confirmed']);
    const now = orderPayload(ctx, order.id)!.order;
    expect(now.lines.length).toBeGreaterThan(1); // the free line is there, so allocation had something to change
    expect(events[0]!.payload).toEqual(now);
    expect(events[1]!.payload).toEqual(now);
  });

  it('order.placed and order.confirmed share one payload schema, so checking one checks the other', () => {
    const plain = (s: z.ZodType) => {
      const { description: _, ...rest } = z.toJSONSchema(s) as Record<string, unknown>;
      return rest;
    };
    expect(plain(eventPayloads['order.confirmed'])).toEqual(plain(eventPayloads['order.placed']));
  });
});

describe('publishEvent', () => {
  it('still refuses a malformed payload, and writes nothing', () => {
    const { ctx } = orderWithFreeGoods();
    const before = eventsFrom(ctx, 0, 1000).length;
    const good = orderPayload(ctx, 1)!.order;
    const bad = { ...good, lines: [{ ...good.lines[0]!, qty: -1 }] };
    expect(() => publishEvent(ctx, 'order.confirmed', bad)).toThrow(
      /order.confirmed payload does not follow the sync protocol: lines.0.qty/,
    );
    expect(eventsFrom(ctx, 0, 1000)).toHaveLength(before);
  });

  it('writes a frozen copy of what it checked, so a reused payload cannot have changed since', () => {
    const { ctx } = orderWithFreeGoods();
    const payload = publishEvent(ctx, 'order.placed', orderPayload(ctx, 1)!.order).payload as {
      lines: { qty: number }[];
    };
    expect(Object.isFrozen(payload) && Object.isFrozen(payload.lines[0])).toBe(true);
    expect(() => {
      payload.lines[0]!.qty = -1;
    }).toThrow(TypeError);
  });
});
