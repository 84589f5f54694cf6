import { businessToday } from '../business-date';
import { parseGs1 } from '../../../src-shared/gs1';
import { barcodeVariants } from '../../../src-shared/gtin';
import type { EngineContext } from '../context';
import { conflict, DomainError, invalid, notFound } from '../errors';
import { allocateForLine } from '../inventory/allocate-for-line';
import { changeReserved } from '../inventory/stock-ledger';
import { addOrderEvent } from '../orders/order-store';
import { getPickList, pickListLines, type PickLine } from './pick-lists';
import { refreshOrderMilestones } from '../summaries/order-milestones';

const refuse = (message: string) => new DomainError('rule_violated', message, 'code');

function openList(ctx: EngineContext, id: number): { warehouseId: number; number: string } {
  const list = ctx.ledger.sqlite
    .prepare('SELECT warehouse_id AS warehouseId, number, status FROM pick_lists WHERE id = ?')
    .get(id) as { warehouseId: number; number: string; status: string } | undefined;
  if (!list) throw notFound(`Pick list ${id}`, 'pickListId');
  if (list.status !== 'open') throw conflict(`Pick list ${list.number} is already complete`, 'pickListId');
  return list;
}

const remaining = (l: PickLine) => l.quantity - l.picked - l.short;

/**
 * A scan at the shelf: which product (GTIN), which batch and expiry (GS1 AIs 10 and 17), how
 * many (30/37, else one scanned unit). The wrong batch or an expired one is refused with what
 * the list wants instead; a right scan counts towards its line.
 */
export function scanForPicking(ctx: EngineContext, input: { pickListId: number; code: string }) {
  openList(ctx, input.pickListId);
  const scan = parseGs1(input.code);
  if ('error' in scan) throw invalid(scan.error, 'code');
  const variants = barcodeVariants(scan.gtin!);
  const hit = ctx.ledger.sqlite
    .prepare(
      `SELECT b.product_id AS productId, b.unit, p.sku FROM product_barcodes b JOIN products p ON p.id = b.product_id WHERE b.code IN (SELECT value FROM json_each(?)) LIMIT 1`,
    )
    .get(JSON.stringify(variants)) as { productId: number; unit: string; sku: string } | undefined;
  if (!hit) throw refuse(`No product has GTIN ${scan.gtin}`);
  const factor = hit.unit
    ? ((
        ctx.ledger.sqlite
          .prepare('SELECT factor FROM product_units WHERE product_id = ? AND unit = ?')
          .get(hit.productId, hit.unit) as { factor: number } | undefined
      )?.factor ?? 1)
    : 1;
  const quantity = (scan.quantity ?? 1) * factor;
  const today = businessToday(ctx);
  const lines = pickListLines(ctx, input.pickListId).filter((l) => l.productId === hit.productId);
  if (lines.length === 0) throw refuse(`${hit.sku} is not on this pick list`);
  const open = lines.filter((l) => remaining(l) > 0);
  if (open.length === 0) throw refuse(`${hit.sku} is already fully picked`);
  if (scan.expiry && scan.expiry <= today)
    throw refuse(`Expired: the scanned pack of ${hit.sku} expired on ${scan.expiry}. Put it aside; do not pick it`);
  let line = open[0]!;
  if (scan.batch) {
    const match = open.find((l) => l.batchNo === scan.batch);
    if (!match) {
      const known = ctx.ledger.sqlite
        .prepare('SELECT expires_on AS e FROM batches WHERE product_id = ? AND batch_no = ?')
        .get(hit.productId, scan.batch) as { e: string | null } | undefined;
      if (known?.e && known.e <= today)
        throw refuse(`Expired: batch ${scan.batch} of ${hit.sku} expired on ${known.e}. Put it aside; do not pick it`);
      const wanted = open.map((l) => `${l.batchNo}${l.expiresOn ? ` (exp ${l.expiresOn})` : ''}`).join(' or ');
      throw refuse(`Wrong batch: ${hit.sku} should come from batch ${wanted}; you scanned ${scan.batch}`);
    }
    line = match;
  }
  if (line.expiresOn && line.expiresOn <= today)
    throw refuse(`Expired: batch ${line.batchNo} of ${hit.sku} expired on ${line.expiresOn}; mark the line short`);
  if (quantity > remaining(line))
    throw refuse(
      `Only ${remaining(line)} ${line.baseUnit} of ${hit.sku} batch ${line.batchNo} left to pick; the scan counts ${quantity}`,
    );
  ctx.ledger.sqlite.prepare('UPDATE pick_list_lines SET picked = picked + ? WHERE id = ?').run(quantity, line.id);
  const after = remaining(line) - quantity;
  return {
    lineId: line.id,
    message: `Picked ${quantity} ${line.baseUnit} of ${hit.sku} from batch ${line.batchNo}${after > 0 ? `; ${after} more to pick` : '; line done'}`,
    pickList: getPickList(ctx, input.pickListId),
  };
}

/** For hands without a scanner: type how many were picked on a line. */
export function setPicked(ctx: EngineContext, input: { pickListId: number; lineId: number; picked: number }) {
  openList(ctx, input.pickListId);
  const line = pickListLines(ctx, input.pickListId).find((l) => l.id === input.lineId);
  if (!line) throw notFound(`Line ${input.lineId} on this pick list`, 'lineId');
  if (input.picked > line.quantity - line.short)
    throw invalid(`At most ${line.quantity - line.short} can be picked on this line`, 'picked');
  ctx.ledger.sqlite.prepare('UPDATE pick_list_lines SET picked = ? WHERE id = ?').run(input.picked, line.id);
  return getPickList(ctx, input.pickListId);
}

/**
 * The shelf held less than the list says. What is not picked is released from that batch;
 * then either other batches are allocated for it (new lines on this list) or it goes on backorder.
 */
export function shortPick(
  ctx: EngineContext,
  input: { pickListId: number; lineId: number; action: 'reallocate' | 'backorder' },
) {
  const list = openList(ctx, input.pickListId);
  const { sqlite } = ctx.ledger;
  const line = sqlite
    .prepare(
      'SELECT id, reservation_id AS reservationId, order_id AS orderId, order_line_id AS orderLineId, product_id AS productId, batch_id AS batchId, quantity, picked, short FROM pick_list_lines WHERE id = ? AND pick_list_id = ?',
    )
    .get(input.lineId, input.pickListId) as
    | {
        id: number;
        reservationId: number;
        orderId: number;
        orderLineId: number;
        productId: number;
        batchId: number;
        quantity: number;
        picked: number;
        short: number;
      }
    | undefined;
  if (!line) throw notFound(`Line ${input.lineId} on this pick list`, 'lineId');
  const missing = line.quantity - line.picked - line.short;
  if (missing <= 0) throw conflict('Nothing is left to pick on this line', 'lineId');
  sqlite.prepare('UPDATE pick_list_lines SET short = short + ? WHERE id = ?').run(missing, line.id);
  sqlite
    .prepare(
      "UPDATE reservations SET quantity = quantity - ?, status = CASE WHEN quantity - ? = 0 THEN 'released' ELSE status END WHERE id = ?",
    )
    .run(missing, missing, line.reservationId);
  changeReserved(ctx, list.warehouseId, line.batchId, line.productId, -missing);
  let message: string;
  if (input.action === 'reallocate') {
    // The same rule as at confirmation: the customer's shelf life and the category's method.
    const result = allocateForLine(ctx, {
      orderLineId: line.orderLineId,
      quantity: missing,
      excludeBatchIds: [line.batchId],
    });
    const fresh = sqlite
      .prepare(
        "SELECT r.id, r.batch_id AS batchId, r.quantity, p.rack_location AS rack FROM reservations r JOIN products p ON p.id = r.product_id WHERE r.order_line_id = ? AND r.status = 'active' AND NOT EXISTS (SELECT 1 FROM pick_list_lines pl WHERE pl.reservation_id = r.id)",
      )
      .all(line.orderLineId) as {
      id: number;
      batchId: number;
      quantity: number;
      rack: string;
    }[];
    const insert = sqlite.prepare(
      'INSERT INTO pick_list_lines (pick_list_id, reservation_id, order_id, order_line_id, product_id, batch_id, rack, quantity) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const r of fresh)
      insert.run(input.pickListId, r.id, line.orderId, line.orderLineId, line.productId, r.batchId, r.rack, r.quantity);
    if (result.shortfall > 0)
      sqlite
        .prepare('UPDATE order_lines SET allocated = allocated - ?, backordered = backordered + ? WHERE id = ?')
        .run(result.shortfall, result.shortfall, line.orderLineId);
    message = result.awaitingClerk
      ? `${missing} short on the shelf; its category is allocated manually: choose other batches for it on the order`
      : `${missing} short on the shelf; ${result.explanation}`;
  } else {
    sqlite
      .prepare('UPDATE order_lines SET allocated = allocated - ?, backordered = backordered + ? WHERE id = ?')
      .run(missing, missing, line.orderLineId);
    message = `${missing} short on the shelf; backordered`;
  }
  addOrderEvent(ctx, line.orderId, 'short_pick', `Pick list ${list.number}: ${message}`);
  return { message, pickList: getPickList(ctx, input.pickListId) };
}

/** Closes the walk: picked stock stays reserved for its delivery note; fully picked orders are ready to deliver. */
export function completePickList(ctx: EngineContext, id: number) {
  const list = openList(ctx, id);
  const lines = pickListLines(ctx, id);
  const open = lines.filter((l) => remaining(l) > 0);
  if (open.length)
    throw conflict(
      `${open.length} line(s) still to pick or mark short, starting with ${open[0]!.sku} at ${open[0]!.rack || 'no rack'}`,
      'id',
    );
  const { sqlite } = ctx.ledger;
  const rows = sqlite
    .prepare('SELECT reservation_id AS r, order_line_id AS l, picked FROM pick_list_lines WHERE pick_list_id = ?')
    .all(id) as { r: number; l: number; picked: number }[];
  for (const row of rows) {
    if (row.picked > 0)
      sqlite.prepare("UPDATE reservations SET status = 'picked' WHERE id = ? AND status = 'active'").run(row.r);
    sqlite.prepare('UPDATE order_lines SET picked = picked + ? WHERE id = ?').run(row.picked, row.l);
  }
  sqlite
    .prepare("UPDATE pick_lists SET status = 'picked', completed_at = ? WHERE id = ?")
    .run(ctx.now().toISOString(), id);
  for (const orderId of new Set(lines.map((l) => l.orderId))) {
    const stillActive = sqlite
      .prepare(
        "SELECT count(*) AS n FROM reservations r JOIN order_lines l ON l.id = r.order_line_id WHERE l.order_id = ? AND r.status = 'active'",
      )
      .get(orderId) as { n: number };
    const status = (sqlite.prepare('SELECT status FROM orders WHERE id = ?').get(orderId) as { status: string }).status;
    if (stillActive.n === 0 && status === 'processing') {
      sqlite.prepare("UPDATE orders SET status = 'picked' WHERE id = ?").run(orderId);
      refreshOrderMilestones(ctx, [orderId]);
      addOrderEvent(ctx, orderId, 'picked', `Picked on ${list.number}; ready for delivery note`);
    } else addOrderEvent(ctx, orderId, 'picking', `Pick list ${list.number} complete`);
  }
  return getPickList(ctx, id);
}
