import { recordAudit } from '../audit';
import type { EngineContext } from '../context';
import { conflict, invalid, notFound } from '../errors';
import { nextDocumentNumber } from '../numbering';
import { addOrderEvent } from '../orders/order-store';
import { refreshOrderMilestones } from '../summaries/order-milestones';

export interface PickLine {
  id: number;
  orderId: number;
  orderNumber: string;
  customerName: string;
  productId: number;
  sku: string;
  productName: string;
  baseUnit: string;
  packs: string;
  batchId: number;
  batchNo: string;
  expiresOn: string | null;
  rack: string;
  quantity: number;
  picked: number;
  short: number;
  /** free goods of a scheme: picked like any line, delivered only as far as the paid units earn them */
  isFree: boolean;
}

/** Orders with reserved stock to pick: confirmed ones, and ones whose backorder was filled after picking or a delivery. */
const PICKABLE = "'confirmed', 'processing', 'picked', 'partially_delivered'";

/**
 * A wave pick list for one warehouse from one or many confirmed orders: every active
 * reservation there becomes a line, sorted for the walk by rack, then SKU, then expiry.
 */
export function createPickList(ctx: EngineContext, input: { warehouseId: number; orderIds: number[] }) {
  const { sqlite } = ctx.ledger;
  const reservations = sqlite
    .prepare(
      `SELECT r.id, r.order_line_id AS orderLineId, l.order_id AS orderId, r.product_id AS productId, r.batch_id AS batchId, r.quantity, p.rack_location AS rack
       FROM reservations r JOIN order_lines l ON l.id = r.order_line_id JOIN orders o ON o.id = l.order_id JOIN products p ON p.id = r.product_id
       WHERE r.status = 'active' AND r.warehouse_id = ? AND o.id IN (SELECT value FROM json_each(?)) AND o.status IN (${PICKABLE})
         AND NOT EXISTS (SELECT 1 FROM pick_list_lines pl JOIN pick_lists pk ON pk.id = pl.pick_list_id WHERE pl.reservation_id = r.id)`,
    )
    .all(input.warehouseId, JSON.stringify(input.orderIds)) as {
    id: number;
    orderLineId: number;
    orderId: number;
    productId: number;
    batchId: number;
    quantity: number;
    rack: string;
  }[];
  if (reservations.length === 0)
    throw conflict(
      'Those orders have nothing reserved in this warehouse that is not already on a pick list',
      'orderIds',
    );
  const number = nextDocumentNumber(ctx, 'PL');
  const id = Number(
    sqlite
      .prepare(
        "INSERT INTO pick_lists (number, warehouse_id, status, created_at, created_by) VALUES (?, ?, 'open', ?, ?)",
      )
      .run(number, input.warehouseId, ctx.now().toISOString(), ctx.actor?.id ?? null).lastInsertRowid,
  );
  const insert = sqlite.prepare(
    'INSERT INTO pick_list_lines (pick_list_id, reservation_id, order_id, order_line_id, product_id, batch_id, rack, quantity) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const r of reservations)
    insert.run(id, r.id, r.orderId, r.orderLineId, r.productId, r.batchId, r.rack, r.quantity);
  for (const orderId of new Set(reservations.map((r) => r.orderId))) {
    sqlite
      .prepare("UPDATE orders SET status = 'processing' WHERE id = ? AND status IN ('confirmed', 'picked')")
      .run(orderId);
    refreshOrderMilestones(ctx, [orderId]);
    addOrderEvent(ctx, orderId, 'picking', `On pick list ${number}`);
  }
  recordAudit(ctx, 'create', 'pick_list', id, { number, orders: input.orderIds.length, lines: reservations.length });
  return getPickList(ctx, id);
}

export function pickListLines(ctx: EngineContext, pickListId: number): PickLine[] {
  const rows = ctx.ledger.sqlite
    .prepare(
      `SELECT pl.id, pl.order_id AS orderId, o.number AS orderNumber, c.name AS customerName, pl.product_id AS productId, p.sku, p.name AS productName,
              p.base_unit AS baseUnit, coalesce((SELECT group_concat(unit || '=' || factor, ' · ') FROM product_units u WHERE u.product_id = p.id), '') AS packs,
              pl.batch_id AS batchId, b.batch_no AS batchNo, b.expires_on AS expiresOn, pl.rack, pl.quantity, pl.picked, pl.short, ol.is_free AS isFree
       FROM pick_list_lines pl JOIN orders o ON o.id = pl.order_id JOIN customers c ON c.id = o.customer_id JOIN products p ON p.id = pl.product_id
       JOIN batches b ON b.id = pl.batch_id JOIN order_lines ol ON ol.id = pl.order_line_id
       WHERE pl.pick_list_id = ? ORDER BY pl.rack = '', pl.rack, p.sku, b.expires_on, pl.id`,
    )
    .all(pickListId) as (Omit<PickLine, 'isFree'> & { isFree: number })[];
  return rows.map((l) => ({ ...l, isFree: l.isFree === 1 }));
}

export function getPickList(ctx: EngineContext, id: number) {
  const head = ctx.ledger.sqlite
    .prepare(
      `SELECT k.id, k.number, k.status, k.created_at AS createdAt, w.id AS warehouseId, w.code AS warehouseCode, w.name AS warehouseName, coalesce(u.display_name, '') AS createdBy
       FROM pick_lists k JOIN warehouses w ON w.id = k.warehouse_id LEFT JOIN users u ON u.id = k.created_by WHERE k.id = ?`,
    )
    .get(id) as
    | {
        id: number;
        number: string;
        status: string;
        createdAt: string;
        warehouseId: number;
        warehouseCode: string;
        warehouseName: string;
        createdBy: string;
      }
    | undefined;
  if (!head) throw notFound(`Pick list ${id}`, 'id');
  return { ...head, lines: pickListLines(ctx, id) };
}

export function listPickLists(ctx: EngineContext, status: string) {
  return ctx.ledger.sqlite
    .prepare(
      `SELECT k.id, k.number, k.status, k.created_at AS createdAt, w.code AS warehouseCode, count(pl.id) AS lines, count(DISTINCT pl.order_id) AS orders,
              sum(pl.quantity) AS quantity, sum(pl.picked) AS picked
       FROM pick_lists k JOIN warehouses w ON w.id = k.warehouse_id JOIN pick_list_lines pl ON pl.pick_list_id = k.id
       ${status ? 'WHERE k.status = ?' : ''} GROUP BY k.id ORDER BY k.status = 'picked', k.id DESC LIMIT 200`,
    )
    .all(...(status ? [status] : [])) as {
    id: number;
    number: string;
    status: string;
    createdAt: string;
    warehouseCode: string;
    lines: number;
    orders: number;
    quantity: number;
    picked: number;
  }[];
}

/** Confirmed orders with reserved stock in a warehouse not yet on a pick list: what a wave can take. */
export function ordersReadyToPick(ctx: EngineContext, warehouseId: number) {
  if (!ctx.ledger.sqlite.prepare('SELECT 1 FROM warehouses WHERE id = ?').get(warehouseId))
    throw invalid(`Warehouse ${warehouseId} does not exist`, 'warehouseId');
  return ctx.ledger.sqlite
    .prepare(
      `SELECT o.id, o.number, c.name AS customerName, c.route, o.required_date AS requiredDate, count(r.id) AS lines, sum(r.quantity) AS quantity
       FROM orders o JOIN customers c ON c.id = o.customer_id JOIN order_lines l ON l.order_id = o.id JOIN reservations r ON r.order_line_id = l.id
       WHERE r.status = 'active' AND r.warehouse_id = ? AND o.status IN (${PICKABLE})
         AND NOT EXISTS (SELECT 1 FROM pick_list_lines pl WHERE pl.reservation_id = r.id)
       GROUP BY o.id ORDER BY coalesce(o.required_date, '9999'), o.id`,
    )
    .all(warehouseId) as {
    id: number;
    number: string;
    customerName: string;
    route: string;
    requiredDate: string | null;
    lines: number;
    quantity: number;
  }[];
}
