import type { z } from 'zod';
import type { heldRow } from '../../../../src-shared/contract/channel-stock';
import { recordAudit } from '../../audit';
import type { EngineContext } from '../../context';
import { RowError } from '../../csv-import';
import { conflict, DomainError, invalid, notFound } from '../../errors';
import { recordChannelStock } from './record-channel-stock';
import { aliasCode, toBaseUnits } from './resolve-outlet-product';

type HeldRow = z.output<typeof heldRow>;

const SELECT = `SELECT h.id, h.import_id AS importId, h.outlet_text AS outletText, h.product_text AS productText,
  h.customer_id AS customerId, c.name AS customerName, h.product_id AS productId, h.period_start AS periodStart,
  h.report_date AS reportDate, h.closing_quantity AS closingQuantity, h.sold_quantity AS soldQuantity, h.unit,
  h.reason, h.created_at AS createdAt
  FROM channel_import_rows h LEFT JOIN customers c ON c.id = h.customer_id`;

export function listHeldRows(ctx: EngineContext): HeldRow[] {
  return ctx.ledger.sqlite.prepare(`${SELECT} WHERE h.status = 'held' ORDER BY h.id LIMIT 1000`).all() as HeldRow[];
}

function postHeld(ctx: EngineContext, row: HeldRow, customerId: number, productId: number): void {
  const convert = (qty: number | null, field: string) => {
    try {
      return toBaseUnits(ctx, productId, row.unit, qty, field);
    } catch (error) {
      if (error instanceof RowError) throw invalid(error.message, 'productId');
      throw error;
    }
  };
  const closingQuantity = convert(row.closingQuantity, 'closingQuantity');
  const soldQuantity = convert(row.soldQuantity, 'soldQuantity');
  const { periodStart, reportDate } = row;
  const entry = { customerId, productId, periodStart, reportDate, closingQuantity, soldQuantity };
  recordChannelStock(ctx, entry, 'import', row.importId);
  ctx.ledger.sqlite
    .prepare(
      `UPDATE channel_import_rows SET status = 'posted', customer_id = ?, product_id = ?, resolved_at = ?,
        resolved_by = ? WHERE id = ?`,
    )
    .run(customerId, productId, ctx.now().toISOString(), ctx.actor?.id ?? null, row.id);
}

/** Remembers what the outlet's code means, so its next file maps by itself; a later mapping corrects it. */
function learnAlias(ctx: EngineContext, customerId: number | null, code: string, productId: number): void {
  const { sqlite } = ctx.ledger;
  const existing = sqlite
    .prepare('SELECT id FROM channel_product_aliases WHERE code = ? AND customer_id IS ?')
    .get(code, customerId) as { id: number } | undefined;
  if (existing)
    sqlite.prepare('UPDATE channel_product_aliases SET product_id = ? WHERE id = ?').run(productId, existing.id);
  else
    sqlite
      .prepare(
        `INSERT INTO channel_product_aliases (customer_id, code, product_id, created_at, created_by)
          VALUES (?, ?, ?, ?, ?)`,
      )
      .run(customerId, code, productId, ctx.now().toISOString(), ctx.actor?.id ?? null);
  recordAudit(ctx, 'map_channel_code', 'channel_product_alias', existing?.id ?? null, { customerId, code, productId });
}

/**
 * The clerk says which product (and, for an unknown outlet, which customer) a held row means: it posts, the code
 * is remembered for that outlet or for every outlet, and the other held rows with the same code now map too.
 */
export function mapHeldRow(
  ctx: EngineContext,
  input: { rowId: number; productId: number; customerId: number | null; remember: 'outlet' | 'all' },
): { posted: number } {
  const { sqlite } = ctx.ledger;
  const row = sqlite.prepare(`${SELECT} WHERE h.id = ?`).get(input.rowId) as HeldRow | undefined;
  if (!row) throw notFound(`Held row ${input.rowId}`, 'rowId');
  if (!sqlite.prepare("SELECT 1 FROM channel_import_rows WHERE id = ? AND status = 'held'").get(row.id))
    throw conflict(`Row ${row.id} is already posted`, 'rowId');
  if (!sqlite.prepare('SELECT 1 FROM products WHERE id = ?').get(input.productId))
    throw notFound(`Product ${input.productId}`, 'productId');
  const customerId = input.customerId ?? row.customerId;
  if (customerId === null) throw invalid(`Choose the customer "${row.outletText}" is`, 'customerId');
  if (!sqlite.prepare('SELECT 1 FROM customers WHERE id = ?').get(customerId))
    throw notFound(`Customer ${customerId}`, 'customerId');
  postHeld(ctx, row, customerId, input.productId);
  const code = aliasCode(row.productText);
  learnAlias(ctx, input.remember === 'all' ? null : customerId, code, input.productId);
  // The same code from the same outlet (or any outlet, for a code learnt for all), held earlier or in this file.
  const siblings = listHeldRows(ctx).filter(
    (h) =>
      aliasCode(h.productText) === code &&
      h.customerId !== null &&
      (input.remember === 'all' || h.customerId === customerId),
  );
  let posted = 1;
  for (const sibling of siblings) {
    try {
      postHeld(ctx, sibling, sibling.customerId!, input.productId);
      posted += 1;
    } catch (error) {
      // A unit this product lacks: that row stays held with its own reason (nothing of it was written).
      if (!(error instanceof DomainError)) throw error;
    }
  }
  return { posted };
}
