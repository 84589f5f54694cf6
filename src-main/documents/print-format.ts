import { formatDocDate } from '../../src-shared/dates';
import { formatPacks, packBreakdown, type UnitsOf } from '../../src-shared/quantity';
import { companyTimeZone } from '../engine/business-date';
import type { EngineContext } from '../engine/context';

/** When a document was printed, in the company's zone, as a clerk writes it: "01-04-2026 09:30". */
export function printedAt(ctx: EngineContext, instant: Date = ctx.now()): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: companyTimeZone(ctx),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(instant);
  const p = (t: string) => parts.find((x) => x.type === t)?.value ?? '';
  return `${p('day')}-${p('month')}-${p('year')} ${p('hour')}:${p('minute')}`;
}

/** dd-mm-yyyy, or a dash where there is no date (no expiry). */
export const docDate = (iso: string | null | undefined): string => formatDocDate(iso) || '—';

/** Each product's base unit and packs, by product id, for printing quantities in cases. */
export function unitsByProduct(ctx: EngineContext, productIds: number[]): Map<number, UnitsOf> {
  const ids = JSON.stringify([...new Set(productIds)]);
  const { sqlite } = ctx.ledger;
  const products = sqlite
    .prepare('SELECT id, base_unit AS baseUnit FROM products WHERE id IN (SELECT value FROM json_each(?))')
    .all(ids) as { id: number; baseUnit: string }[];
  const packs = sqlite
    .prepare(
      'SELECT product_id AS id, unit, factor FROM product_units WHERE product_id IN (SELECT value FROM json_each(?)) ORDER BY factor DESC',
    )
    .all(ids) as { id: number; unit: string; factor: number }[];
  return new Map(
    products.map((p) => [
      p.id,
      { baseUnit: p.baseUnit, packs: packs.filter((k) => k.id === p.id).map(({ unit, factor }) => ({ unit, factor })) },
    ]),
  );
}

/** "2 case 5 pc" with the base units beneath when packs were used, so a checker can count either way. */
export function packsCell(quantity: number, units: UnitsOf): string {
  const packs = formatPacks(quantity, units);
  const base = `${quantity} ${units.baseUnit}`;
  return packs === base ? base : `${packs}\n(${base})`;
}

/** The same, by SKU, for documents whose lines name the product by SKU only. */
export function unitsBySku(ctx: EngineContext, skus: string[]): Map<string, UnitsOf> {
  const rows = ctx.ledger.sqlite
    .prepare('SELECT id, sku FROM products WHERE sku IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify([...new Set(skus)])) as { id: number; sku: string }[];
  const byId = unitsByProduct(
    ctx,
    rows.map((r) => r.id),
  );
  return new Map(rows.map((r) => [r.sku, byId.get(r.id)!]));
}

/** What a delivery note loads onto the truck, added up by pack: "12 case 3 box 40 pc". */
export function loadOf(ctx: EngineContext, deliveryNoteId: number): string {
  const lines = ctx.ledger.sqlite
    .prepare('SELECT product_id AS productId, quantity FROM delivery_note_lines WHERE delivery_note_id = ?')
    .all(deliveryNoteId) as { productId: number; quantity: number }[];
  const units = unitsByProduct(
    ctx,
    lines.map((l) => l.productId),
  );
  const counts = new Map<string, number>();
  for (const l of lines) {
    const u = units.get(l.productId);
    if (!u) continue;
    const { packs, left } = packBreakdown(l.quantity, u.packs);
    for (const p of packs) counts.set(p.unit, (counts.get(p.unit) ?? 0) + p.count);
    if (left > 0) counts.set(u.baseUnit, (counts.get(u.baseUnit) ?? 0) + left);
  }
  return [...counts].map(([unit, n]) => `${n} ${unit}`).join(' ') || '—';
}
