import { recordAudit } from '../audit';
import { raiseInvoiceWithNote } from '../billing/invoice-flow';
import type { EngineContext } from '../context';
import { conflict, invalid, notFound } from '../errors';
import { changeReserved, postValuedMovement } from '../inventory/stock-ledger';
import { costOfIssue } from '../margin/margin-rules';
import { nextDocumentNumber } from '../numbering';
import { addOrderEvent } from '../orders/order-store';
import { publishDeliveryNotePosted } from '../sync/payloads/delivery-note-payload';
import { freeGoodsFollowPaid } from './free-goods-on-note';
import { refreshOrderMilestones } from '../summaries/order-milestones';
import { addToDailySales } from '../summaries/daily-sales';

const DELIVERABLE = ['picked', 'processing', 'partially_delivered'];

interface PickedStock {
  reservationId: number;
  orderLineId: number;
  productId: number;
  batchId: number;
  warehouseId: number;
  quantity: number;
}

function pickedStock(ctx: EngineContext, orderId: number): PickedStock[] {
  return ctx.ledger.sqlite
    .prepare(
      `SELECT r.id AS reservationId, r.order_line_id AS orderLineId, r.product_id AS productId, r.batch_id AS batchId, r.warehouse_id AS warehouseId, r.quantity
       FROM reservations r JOIN order_lines l ON l.id = r.order_line_id WHERE l.order_id = ? AND r.status = 'picked' AND r.quantity > 0 ORDER BY l.line_no, r.id`,
    )
    .all(orderId) as PickedStock[];
}

/**
 * Posts a delivery note for picked goods of one order: all of what is picked, or the quantities
 * given (a partial delivery; the rest stays open on the order). Posting issues the stock from
 * its batches and releases the matching reservation in the same transaction.
 */
export function postDeliveryNote(
  ctx: EngineContext,
  input: {
    orderId: number;
    lines: { reservationId: number; quantity: number }[] | null;
    packages: number;
    weightGrams: number;
  },
) {
  const { sqlite } = ctx.ledger;
  const order = sqlite
    .prepare(
      `SELECT o.id, o.number, o.status, o.customer_id AS customerId, c.ship_to AS shipTo, c.bill_state_code AS billState, c.bill_line1 AS line1, c.bill_line2 AS line2,
              c.bill_area AS area, c.bill_city AS city, c.bill_district AS district, c.bill_pincode AS pincode
       FROM orders o JOIN customers c ON c.id = coalesce(o.ship_to_id, o.customer_id) WHERE o.id = ?`,
    )
    .get(input.orderId) as
    | {
        id: number;
        number: string;
        status: string;
        customerId: number;
        shipTo: string | null;
        billState: string;
        line1: string;
        line2: string;
        area: string;
        city: string;
        district: string;
        pincode: string;
      }
    | undefined;
  if (!order) throw notFound(`Order ${input.orderId}`, 'orderId');
  if (!DELIVERABLE.includes(order.status))
    throw conflict(
      `Order ${order.number} is ${order.status.replace('_', ' ')}; only picked goods can be delivered`,
      'orderId',
    );
  const picked = pickedStock(ctx, order.id);
  if (picked.length === 0) throw conflict(`Nothing on ${order.number} is picked and waiting for delivery`, 'orderId');
  const asked = input.lines ?? picked.map((p) => ({ reservationId: p.reservationId, quantity: p.quantity }));
  const lineOf = (reservationId: number) => picked.find((p) => p.reservationId === reservationId)?.orderLineId;
  const wanted = freeGoodsFollowPaid(ctx, order.id, asked, lineOf, input.lines !== null);
  // The goods go to the order's ship-to party (the customer itself unless another is named): its ship-to address,
  // else its billing address. That state is the place of supply.
  const shipTo =
    order.shipTo ??
    JSON.stringify({
      line1: order.line1,
      line2: order.line2,
      area: order.area,
      city: order.city,
      district: order.district,
      stateCode: order.billState,
      pincode: order.pincode,
    });
  const placeOfSupply = (JSON.parse(shipTo) as { stateCode: string }).stateCode;
  const warehouseId = picked[0]!.warehouseId;
  const number = nextDocumentNumber(ctx, 'DN');
  const id = Number(
    sqlite
      .prepare(
        "INSERT INTO delivery_notes (number, order_id, customer_id, warehouse_id, ship_to, place_of_supply, packages, weight_grams, status, posted_at, posted_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'posted', ?, ?)",
      )
      .run(
        number,
        order.id,
        order.customerId,
        warehouseId,
        shipTo,
        placeOfSupply,
        input.packages,
        input.weightGrams,
        ctx.now().toISOString(),
        ctx.actor?.id ?? null,
      ).lastInsertRowid,
  );
  const insertLine = sqlite.prepare(
    'INSERT INTO delivery_note_lines (delivery_note_id, order_line_id, reservation_id, product_id, batch_id, quantity, cost) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  let units = 0;
  wanted.forEach((w, i) => {
    const stock = picked.find((p) => p.reservationId === w.reservationId);
    if (!stock) throw invalid(`Line ${i + 1} is not picked stock of ${order.number}`, `lines.${i}.reservationId`);
    if (w.quantity > stock.quantity)
      throw invalid(`Only ${stock.quantity} picked on line ${i + 1}`, `lines.${i}.quantity`);
    // Release the hold first, then issue: reserved never exceeds what is on hand.
    changeReserved(ctx, stock.warehouseId, stock.batchId, stock.productId, -w.quantity);
    // The issue leaves at the moving average: that value is the line's cost of goods.
    const issued = postValuedMovement(
      ctx,
      {
        warehouseId: stock.warehouseId,
        productId: stock.productId,
        batchId: stock.batchId,
        kind: 'issue',
        quantity: -w.quantity,
        documentType: 'delivery_note',
        documentId: id,
      },
      `lines.${i}.quantity`,
    );
    sqlite
      .prepare(
        "UPDATE reservations SET quantity = quantity - ?, status = CASE WHEN quantity - ? = 0 THEN 'issued' ELSE status END WHERE id = ?",
      )
      .run(w.quantity, w.quantity, stock.reservationId);
    sqlite.prepare('UPDATE order_lines SET delivered = delivered + ? WHERE id = ?').run(w.quantity, stock.orderLineId);
    insertLine.run(
      id,
      stock.orderLineId,
      stock.reservationId,
      stock.productId,
      stock.batchId,
      w.quantity,
      costOfIssue(issued.value, w.quantity),
    );
    units += w.quantity;
  });
  addToDailySales(ctx, { kind: 'delivery_note', orderId: order.id, deliveryNoteId: id });
  const open = sqlite
    .prepare('SELECT coalesce(sum(quantity - delivered), 0) AS n FROM order_lines WHERE order_id = ?')
    .get(order.id) as { n: number };
  const status = open.n === 0 ? 'delivered' : 'partially_delivered';
  sqlite.prepare('UPDATE orders SET status = ? WHERE id = ?').run(status, order.id);
  refreshOrderMilestones(ctx, [order.id]);
  addOrderEvent(
    ctx,
    order.id,
    'delivery_note',
    `${number} posted: ${units} units${status === 'partially_delivered' ? `; ${open.n} still open` : '; order delivered'}`,
  );
  recordAudit(ctx, 'post', 'delivery_note', id, { number, order: order.number, units });
  publishDeliveryNotePosted(ctx, id);
  raiseInvoiceWithNote(ctx, id);
  return getDeliveryNote(ctx, id);
}

export function getDeliveryNote(ctx: EngineContext, id: number) {
  const { sqlite } = ctx.ledger;
  const note = sqlite
    .prepare(
      `SELECT d.id, d.number, d.order_id AS orderId, o.number AS orderNumber, d.customer_id AS customerId, c.name AS customerName, w.code AS warehouseCode,
              d.place_of_supply AS placeOfSupply, d.packages, d.weight_grams AS weightGrams, d.status, d.posted_at AS postedAt, d.invoice_id AS invoiceId,
              i.number AS invoiceNumber, i.total AS invoiceTotal
       FROM delivery_notes d JOIN orders o ON o.id = d.order_id LEFT JOIN invoices i ON i.id = d.invoice_id JOIN customers c ON c.id = d.customer_id JOIN warehouses w ON w.id = d.warehouse_id WHERE d.id = ?`,
    )
    .get(id) as Record<string, unknown> | undefined;
  if (!note) throw notFound(`Delivery note ${id}`, 'id');
  const lines = sqlite
    .prepare(
      `SELECT dl.id, p.sku, p.name AS productName, b.batch_no AS batchNo, b.expires_on AS expiresOn, dl.quantity, p.base_unit AS baseUnit
       FROM delivery_note_lines dl JOIN products p ON p.id = dl.product_id JOIN batches b ON b.id = dl.batch_id WHERE dl.delivery_note_id = ? ORDER BY dl.id`,
    )
    .all(id) as {
    id: number;
    sku: string;
    productName: string;
    batchNo: string;
    expiresOn: string | null;
    quantity: number;
    baseUnit: string;
  }[];
  return {
    ...(note as {
      id: number;
      number: string;
      orderId: number;
      orderNumber: string;
      customerId: number;
      customerName: string;
      warehouseCode: string;
      placeOfSupply: string;
      packages: number;
      weightGrams: number;
      status: string;
      postedAt: string;
      invoiceId: number | null;
      invoiceNumber: string | null;
      invoiceTotal: number | null;
    }),
    lines,
  };
}

/** What can go on a delivery note now: the picked stock of an order, by line and batch. */
export function deliverable(ctx: EngineContext, orderId: number) {
  return ctx.ledger.sqlite
    .prepare(
      `SELECT r.id AS reservationId, l.line_no AS lineNo, p.sku, p.name AS productName, b.batch_no AS batchNo, b.expires_on AS expiresOn, r.quantity
       FROM reservations r JOIN order_lines l ON l.id = r.order_line_id JOIN products p ON p.id = r.product_id JOIN batches b ON b.id = r.batch_id
       WHERE l.order_id = ? AND r.status = 'picked' AND r.quantity > 0 ORDER BY l.line_no, r.id`,
    )
    .all(orderId) as {
    reservationId: number;
    lineNo: number;
    sku: string;
    productName: string;
    batchNo: string;
    expiresOn: string | null;
    quantity: number;
  }[];
}
