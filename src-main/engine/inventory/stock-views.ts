import { roleCan } from '../../../src-shared/permissions';
import { businessToday } from '../business-date';
import type { StockRow } from '../../../src-shared/contract/inventory';
import type { EngineContext } from '../context';
import { Where, addSearch } from '../list-query';

export interface StockQuery {
  search: string;
  warehouseId: number | null;
  productId: number | null;
  expiry: 'all' | 'near' | 'expired';
  inStockOnly: boolean;
  sort: 'product' | 'expiry' | 'available';
  dir: 'asc' | 'desc';
  offset: number;
  limit: number;
}

export function nearExpiryDays(ctx: EngineContext): number {
  return (
    (
      ctx.ledger.sqlite.prepare('SELECT near_expiry_days AS d FROM company WHERE id = 1').get() as
        { d: number } | undefined
    )?.d ?? 90
  );
}

const sorts = {
  product: 'p.name, b.expires_on',
  expiry: "coalesce(b.expires_on, '9999-12-31')",
  available: '(s.on_hand - s.reserved)',
};

export function listStock(
  ctx: EngineContext,
  q: StockQuery,
): { rows: StockRow[]; total: number; nearExpiryDays: number } {
  const today = businessToday(ctx);
  const near = nearExpiryDays(ctx);
  const where = new Where()
    .when(q.warehouseId, 's.warehouse_id = ?', q.warehouseId)
    .when(q.productId, 's.product_id = ?', q.productId);
  if (q.inStockOnly) where.add('(s.on_hand > 0 OR s.in_transit > 0)');
  if (q.expiry === 'expired') where.add('b.expires_on IS NOT NULL AND b.expires_on <= ?', today);
  if (q.expiry === 'near')
    where.add("b.expires_on > ? AND b.expires_on <= date(?, '+' || ? || ' days')", today, today, near);
  addSearch(where, q.search, { table: 'product_search', idColumn: 's.product_id' }, ['p.sku', 'p.name', 'p.brand'], {
    sizes: true,
  });
  const from =
    'FROM stock_balances s JOIN batches b ON b.id = s.batch_id JOIN products p ON p.id = s.product_id JOIN warehouses w ON w.id = s.warehouse_id';
  const { sqlite } = ctx.ledger;
  const total = (sqlite.prepare(`SELECT count(*) AS n ${from} ${where.sql}`).get(...where.params) as { n: number }).n;
  const rows = sqlite
    .prepare(
      `SELECT s.warehouse_id AS warehouseId, w.code AS warehouseCode, s.product_id AS productId, p.sku, p.name AS productName, p.base_unit AS baseUnit,
              coalesce((SELECT group_concat(unit || '=' || factor, ' · ') FROM (SELECT unit, factor FROM product_units u WHERE u.product_id = p.id ORDER BY factor DESC)), '') AS packs,
              s.batch_id AS batchId, b.batch_no AS batchNo, b.manufactured_on AS manufacturedOn, b.expires_on AS expiresOn,
              CASE WHEN b.expires_on IS NULL THEN NULL ELSE CAST(julianday(b.expires_on) - julianday(?) AS INTEGER) END AS daysToExpiry,
              s.on_hand AS onHand, s.reserved, s.on_hand - s.reserved AS available, s.in_transit AS inTransit
       ${from} ${where.sql} ORDER BY ${sorts[q.sort]} ${q.dir === 'desc' ? 'DESC' : 'ASC'}, s.warehouse_id, s.batch_id LIMIT ? OFFSET ?`,
    )
    .all(today, ...where.params, q.limit, q.offset) as StockRow[];
  return { rows, total, nearExpiryDays: near };
}

export function movementHistory(
  ctx: EngineContext,
  q: { productId: number; batchId: number | null; warehouseId: number | null; limit: number },
) {
  const where = new Where()
    .add('m.product_id = ?', q.productId)
    .when(q.batchId, 'm.batch_id = ?', q.batchId)
    .when(q.warehouseId, 'm.warehouse_id = ?', q.warehouseId);
  // Value is cost: shown only to roles that may read it.
  const mayReadCost = ctx.actor ? roleCan(ctx.actor.role, 'cost.read') : true;
  // The running balance is per warehouse and batch, computed by SQL over the whole history.
  const rows = ctx.ledger.sqlite
    .prepare(
      `SELECT * FROM (
         SELECT m.id, m.at, w.code AS warehouseCode, b.batch_no AS batchNo, m.kind, m.quantity, m.in_transit AS inTransit,
                CASE WHEN m.document_type = '' THEN '' ELSE coalesce(
                  (SELECT number FROM goods_receipts WHERE m.document_type = 'goods_receipt' AND id = m.document_id),
                  (SELECT number FROM transfers WHERE m.document_type = 'transfer' AND id = m.document_id),
                  m.document_type || ' ' || m.document_id) END AS document,
                m.reason, coalesce(u.display_name, '') AS userName,
                sum(m.quantity) OVER (PARTITION BY m.warehouse_id, m.batch_id ORDER BY m.id) AS balanceAfter,
                m.value, m.transit_value AS transitValue
         FROM stock_movements m JOIN warehouses w ON w.id = m.warehouse_id JOIN batches b ON b.id = m.batch_id LEFT JOIN users u ON u.id = m.user_id
         ${where.sql}) ORDER BY id DESC LIMIT ?`,
    )
    .all(...where.params, q.limit) as {
    id: number;
    at: string;
    warehouseCode: string;
    batchNo: string;
    kind: string;
    quantity: number;
    inTransit: number;
    document: string;
    reason: string;
    userName: string;
    balanceAfter: number;
    value: number | null;
    transitValue: number | null;
  }[];
  return mayReadCost ? rows : rows.map((r) => ({ ...r, value: null, transitValue: null }));
}

/** The orders holding a batch: what "reserved" on the stock screen is made of. */
export function reservationsOfBatch(ctx: EngineContext, warehouseId: number, batchId: number) {
  return ctx.ledger.sqlite
    .prepare(
      `SELECT o.id AS orderId, o.number AS orderNumber, c.name AS customerName, sum(r.quantity) AS quantity, r.status, min(r.created_at) AS since
       FROM reservations r JOIN order_lines l ON l.id = r.order_line_id JOIN orders o ON o.id = l.order_id JOIN customers c ON c.id = o.customer_id
       WHERE r.warehouse_id = ? AND r.batch_id = ? AND r.status IN ('active', 'picked') GROUP BY o.id, r.status ORDER BY since`,
    )
    .all(warehouseId, batchId) as {
    orderId: number;
    orderNumber: string | null;
    customerName: string;
    quantity: number;
    status: string;
    since: string;
  }[];
}
