import { businessToday } from '../business-date';
import type { OrderDetail, PricedLine } from '../../../src-shared/contract/orders';
import type { EngineContext } from '../context';
import { conflict, notFound } from '../errors';
import { earnRuleOfScheme } from './free-goods-links';
import type { OrderInputParsed, PricedOrder } from './price-order';
import { refreshOrderMilestones } from '../summaries/order-milestones';
import { endPendingRequests } from '../approvals/request-approval';
import { partiesInEffect } from '../customers/parties';

export function addOrderEvent(ctx: EngineContext, orderId: number, kind: string, message: string): void {
  ctx.ledger.sqlite
    .prepare('INSERT INTO order_events (order_id, at, user_id, kind, message) VALUES (?, ?, ?, ?, ?)')
    .run(orderId, ctx.now().toISOString(), ctx.actor?.id ?? null, kind, message);
}

export function orderHeader(ctx: EngineContext, id: number) {
  const row = ctx.ledger.sqlite
    .prepare(
      'SELECT id, number, status, version, customer_id AS customerId, warehouse_id AS warehouseId, created_by AS createdBy FROM orders WHERE id = ?',
    )
    .get(id) as
    | {
        id: number;
        number: string | null;
        status: string;
        version: number;
        customerId: number;
        warehouseId: number;
        createdBy: number | null;
      }
    | undefined;
  if (!row) throw notFound(`Order ${id}`, 'id');
  return row;
}

function voidOrderApproval(ctx: EngineContext, id: number): void {
  endPendingRequests(ctx, 'order', id, 'void', 'The order was changed while it waited; it needs approval again');
  ctx.ledger.sqlite.prepare("UPDATE orders SET status = 'draft' WHERE id = ?").run(id);
  addOrderEvent(ctx, id, 'approval_void', 'Changed while waiting for approval: the approval is void, back to draft');
}

/** Saves a draft: the order, its priced lines and its milestone row. */
export function saveOrder(
  ctx: EngineContext,
  input: OrderInputParsed,
  priced: PricedOrder,
  existing: { id: number | null; version: number | null },
): number {
  const id = writeOrder(ctx, input, priced, existing);
  refreshOrderMilestones(ctx, [id]);
  return id;
}

/**
 * Writes the order and its priced lines. Only a draft can be rewritten; a placed order is changed by
 * cancelling it. Placing calls this directly and refreshes the milestones once it has numbered the order.
 */
export function writeOrder(
  ctx: EngineContext,
  input: OrderInputParsed,
  priced: PricedOrder,
  existing: { id: number | null; version: number | null },
): number {
  const { sqlite } = ctx.ledger;
  const now = ctx.now().toISOString();
  const header = {
    customer_id: input.customerId,
    warehouse_id: input.warehouseId,
    payment_type: input.paymentType,
    end_buyer: input.endBuyer,
    bill_to_id: priced.parties.billToId,
    ship_to_id: priced.parties.shipToId,
    payer_id: priced.parties.payerId,
    end_buyer_id: priced.parties.endBuyerId,
    required_date: input.requiredDate,
    reference: input.reference,
    remarks: input.remarks,
    gross: priced.gross,
    discount: priced.discount,
    taxable: priced.taxable,
    tax: priced.tax,
    total: priced.total,
    schemes: JSON.stringify(priced.schemes),
    credit: JSON.stringify(priced.credit),
  };
  let id: number;
  if (existing.id !== null) {
    const current = orderHeader(ctx, existing.id);
    // Changing an order that waits for approval voids the approval: it goes back to draft and is asked again.
    if (current.status === 'pending_approval') voidOrderApproval(ctx, existing.id);
    else if (current.status !== 'draft')
      throw conflict(
        `Order ${current.number ?? current.id} is ${current.status.replace('_', ' ')}; only a draft can be changed`,
        'id',
      );
    if (existing.version !== null && existing.version !== current.version)
      throw conflict('This draft was changed elsewhere since you opened it; reload it', 'version');
    sqlite
      .prepare(
        `UPDATE orders SET ${Object.keys(header)
          .map((k) => `${k} = @${k}`)
          .join(', ')}, version = version + 1 WHERE id = @id`,
      )
      .run({ ...header, id: existing.id });
    sqlite.prepare('DELETE FROM order_lines WHERE order_id = ?').run(existing.id);
    id = existing.id;
  } else {
    const cols = {
      ...header,
      status: 'draft',
      order_date: businessToday(ctx),
      created_by: ctx.actor?.id ?? null,
      created_at: now,
    };
    id = Number(
      sqlite
        .prepare(
          `INSERT INTO orders (${Object.keys(cols).join(', ')}) VALUES (${Object.keys(cols)
            .map((k) => `@${k}`)
            .join(', ')})`,
        )
        .run(cols).lastInsertRowid,
    );
    addOrderEvent(ctx, id, 'created', `Order started for ${priced.customer.name}`);
  }
  // One multi-row INSERT per 100 lines rather than a statement per line (26 values a row).
  const columns = `order_id, line_no, product_id, quantity, entered_as, unit_price, price_source, tax_inclusive,
    price_overridden, gross, discount, discount_note, manual_discount_bps, is_free, scheme_id, tax_rate_bps, taxable, tax,
    total, shortage_action, warehouse_id, earned_by_product_id, earn_buy_quantity, earn_get_quantity, earn_repeat,
    end_buyer_agreement_line_id`;
  const values = priced.lines.map((l) => {
    // A free line keeps the rule that earns it, so it can follow its paid goods (free-goods-earned.ts).
    const earn = l.isFree ? earnRuleOfScheme(ctx, l.schemeId) : null;
    return [
      id,
      l.lineNo,
      l.productId,
      l.quantity,
      l.enteredAs,
      l.unitPrice,
      l.priceSource,
      l.taxInclusive ? 1 : 0,
      l.priceOverridden ? 1 : 0,
      l.gross,
      l.discount,
      l.discountNote,
      l.manualDiscountBps,
      l.isFree ? 1 : 0,
      l.schemeId,
      l.taxRate,
      l.taxable,
      l.tax,
      l.total,
      l.shortageAction,
      l.warehouseId,
      earn?.productId ?? null,
      earn?.buyQuantity ?? null,
      earn?.getQuantity ?? null,
      earn ? (earn.repeat ? 1 : 0) : null,
      priced.lineAgreementLineIds[l.lineNo - 1] ?? null,
    ];
  });
  for (let i = 0; i < values.length; i += 100) {
    const chunk = values.slice(i, i + 100);
    const row = `(${chunk[0]!.map(() => '?').join(', ')})`;
    sqlite.prepare(`INSERT INTO order_lines (${columns}) VALUES ${chunk.map(() => row).join(', ')}`).run(chunk.flat());
  }
  return id;
}

interface LineRow extends Omit<
  PricedLine,
  'available' | 'otherWarehouses' | 'taxInclusive' | 'priceOverridden' | 'isFree'
> {
  id: number;
  taxInclusive: number;
  priceOverridden: number;
  isFree: number;
  allocated: number;
  backordered: number;
  allocationNote: string;
  picked: number;
  delivered: number;
}

export function getOrderDetail(ctx: EngineContext, id: number): OrderDetail {
  const { sqlite } = ctx.ledger;
  const o = sqlite
    .prepare(
      `SELECT o.*, c.code AS customer_code, c.name AS customer_name, w.code AS warehouse_code, coalesce(u.display_name, '') AS creator
       FROM orders o JOIN customers c ON c.id = o.customer_id JOIN warehouses w ON w.id = o.warehouse_id LEFT JOIN users u ON u.id = o.created_by WHERE o.id = ?`,
    )
    .get(id) as Record<string, unknown> | undefined;
  if (!o) throw notFound(`Order ${id}`, 'id');
  const lines = sqlite
    .prepare(
      `SELECT l.id, l.line_no AS lineNo, l.product_id AS productId, p.sku, p.name AS productName, p.base_unit AS baseUnit, l.quantity, l.entered_as AS enteredAs,
              l.unit_price AS unitPrice, l.tax_inclusive AS taxInclusive, l.price_source AS priceSource, l.price_overridden AS priceOverridden, l.gross, l.discount,
              l.discount_note AS discountNote, l.manual_discount_bps AS manualDiscountBps, l.is_free AS isFree, l.scheme_id AS schemeId, l.tax_rate_bps AS taxRate,
              l.taxable, l.tax, l.total, l.shortage_action AS shortageAction, l.warehouse_id AS warehouseId, l.allocated, l.backordered,
              l.allocation_note AS allocationNote, l.picked, l.delivered
       FROM order_lines l JOIN products p ON p.id = l.product_id WHERE l.order_id = ? ORDER BY l.line_no`,
    )
    .all(id) as LineRow[];
  // The batches of every line in one query, not one per line.
  const batchesOf = new Map<number, { batchNo: string; expiresOn: string | null; quantity: number }[]>();
  const batchRows = sqlite
    .prepare(
      `SELECT r.order_line_id AS lineId, b.batch_no AS batchNo, b.expires_on AS expiresOn, sum(r.quantity) AS quantity
       FROM order_lines l JOIN reservations r ON r.order_line_id = l.id JOIN batches b ON b.id = r.batch_id
       WHERE l.order_id = ? AND r.status <> 'released' GROUP BY r.order_line_id, r.batch_id ORDER BY r.order_line_id, b.expires_on, r.batch_id`,
    )
    .all(id) as { lineId: number; batchNo: string; expiresOn: string | null; quantity: number }[];
  for (const { lineId, ...batch } of batchRows) {
    const list = batchesOf.get(lineId);
    if (list) list.push(batch);
    else batchesOf.set(lineId, [batch]);
  }
  const events = sqlite
    .prepare(
      `SELECT e.at, coalesce(u.display_name, 'system') AS userName, e.kind, e.message FROM order_events e LEFT JOIN users u ON u.id = e.user_id WHERE e.order_id = ? ORDER BY e.id`,
    )
    .all(id) as OrderDetail['events'];
  const approvals = (
    sqlite
      .prepare(
        `SELECT a.id, a.status, a.reasons, coalesce(r.display_name, '') AS requestedBy,
                coalesce((SELECT group_concat(u.display_name, ', ') FROM approval_decisions d JOIN users u ON u.id = d.approver_id
                          WHERE d.request_id = a.id AND d.decision IN ('approve', 'reject')), '') AS decidedBy,
                a.comment, a.requested_at AS requestedAt, a.decided_at AS decidedAt
         FROM approval_requests a LEFT JOIN users r ON r.id = a.requested_by WHERE a.order_id = ? ORDER BY a.id`,
      )
      .all(id) as (Omit<OrderDetail['approvals'][number], 'reasons'> & { reasons: string })[]
  ).map((a) => ({ ...a, reasons: (JSON.parse(a.reasons) as { message: string }[]).map((r) => r.message) }));
  return {
    id,
    number: o.number as string | null,
    status: o.status as OrderDetail['status'],
    paymentStatus: o.payment_status as OrderDetail['paymentStatus'],
    customerId: o.customer_id as number,
    customerCode: o.customer_code as string,
    customerName: o.customer_name as string,
    warehouseId: o.warehouse_id as number,
    warehouseCode: o.warehouse_code as string,
    paymentType: o.payment_type as OrderDetail['paymentType'],
    endBuyer: o.end_buyer as string,
    parties: partiesInEffect(ctx, o.customer_id as number, {
      billToId: o.bill_to_id as number | null,
      shipToId: o.ship_to_id as number | null,
      payerId: o.payer_id as number | null,
      endBuyerId: o.end_buyer_id as number | null,
    }),
    endBuyerId: o.end_buyer_id as number | null,
    requiredDate: o.required_date as string | null,
    reference: o.reference as string,
    remarks: o.remarks as string,
    orderDate: o.order_date as string,
    createdBy: o.creator as string,
    version: o.version as number,
    gross: o.gross as number,
    discount: o.discount as number,
    taxable: o.taxable as number,
    tax: o.tax as number,
    total: o.total as number,
    // The order keeps its payable total; the round-off is what it adds to the lines.
    roundOff: (o.total as number) - lines.reduce((s, l) => s + l.total, 0),
    schemes: JSON.parse(o.schemes as string),
    credit: JSON.parse(o.credit as string),
    lines: lines.map((l) => ({
      ...l,
      taxInclusive: l.taxInclusive === 1,
      priceOverridden: l.priceOverridden === 1,
      isFree: l.isFree === 1,
      batches: batchesOf.get(l.id) ?? [],
    })),
    events,
    approvals,
  };
}
