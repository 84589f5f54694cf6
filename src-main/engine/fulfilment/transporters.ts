import { gstinCheckChar } from '../../../src-shared/gstin';
import { recordAudit } from '../audit';
import type { EngineContext } from '../context';
import { conflict, invalid, notFound } from '../errors';

/**
 * Why a transporter id is wrong, or null. The e-way bill takes the agency's GSTIN or, when it is not registered,
 * the 15-character TRANSIN the portal issues; both carry the state code first and GSTN's check character last.
 */
export function transporterIdProblem(raw: string): string | null {
  const v = raw.trim().toUpperCase();
  if (v.length !== 15) return 'Transporter id (GSTIN or TRANSIN) must be 15 characters';
  if (!/^\d{2}[0-9A-Z]{13}$/.test(v)) return 'Transporter id must be 2 digits (state) and 13 letters or digits';
  if (gstinCheckChar(v.slice(0, 14)) !== v[14])
    return 'Transporter id check character does not match; check for a typing mistake';
  return null;
}

export interface Transporter {
  id: number;
  name: string;
  transporterId: string;
  active: boolean;
}

export function listTransporters(ctx: EngineContext): Transporter[] {
  const rows = ctx.ledger.sqlite
    .prepare('SELECT id, name, transporter_id AS transporterId, active FROM transporters ORDER BY active DESC, name')
    .all() as (Omit<Transporter, 'active'> & { active: number })[];
  return rows.map((r) => ({ ...r, active: r.active === 1 }));
}

/** Adds a transporter (id null) or corrects one; the same GSTIN/TRANSIN twice is refused, naming the holder. */
export function saveTransporter(
  ctx: EngineContext,
  input: { id: number | null; name: string; transporterId: string; active: boolean },
): Transporter {
  const { sqlite } = ctx.ledger;
  const transporterId = input.transporterId.trim().toUpperCase();
  const problem = transporterIdProblem(transporterId);
  if (problem) throw invalid(problem, 'transporterId');
  const holder = sqlite
    .prepare('SELECT id, name FROM transporters WHERE transporter_id = ? AND id IS NOT ?')
    .get(transporterId, input.id) as { id: number; name: string } | undefined;
  if (holder) throw conflict(`${transporterId} is already ${holder.name}’s transporter id`, 'transporterId');
  let id = input.id;
  if (id === null) {
    id = Number(
      sqlite
        .prepare('INSERT INTO transporters (name, transporter_id, active) VALUES (?, ?, ?)')
        .run(input.name, transporterId, input.active ? 1 : 0).lastInsertRowid,
    );
  } else if (
    sqlite
      .prepare('UPDATE transporters SET name = ?, transporter_id = ?, active = ? WHERE id = ?')
      .run(input.name, transporterId, input.active ? 1 : 0, id).changes === 0
  ) {
    throw notFound(`Transporter ${id}`, 'id');
  }
  recordAudit(ctx, input.id === null ? 'create' : 'update', 'transporter', id, { name: input.name, transporterId });
  return { id, name: input.name, transporterId, active: input.active };
}

/** The road km from our warehouse to a customer's ship-to for its e-way bills; 0 lets the portal work it out. */
export function setCustomerDistance(ctx: EngineContext, input: { customerId: number; km: number }) {
  const { sqlite } = ctx.ledger;
  if (!sqlite.prepare('SELECT 1 FROM customers WHERE id = ?').get(input.customerId))
    throw notFound(`Customer ${input.customerId}`, 'customerId');
  sqlite
    .prepare(
      'INSERT INTO customer_distances (customer_id, km) VALUES (?, ?) ON CONFLICT (customer_id) DO UPDATE SET km = ?',
    )
    .run(input.customerId, input.km, input.km);
  recordAudit(ctx, 'update', 'customer_distance', input.customerId, { km: input.km });
  return { customerId: input.customerId, km: input.km };
}

export function customerDistance(ctx: EngineContext, customerId: number) {
  const row = ctx.ledger.sqlite.prepare('SELECT km FROM customer_distances WHERE customer_id = ?').get(customerId) as
    { km: number } | undefined;
  return { customerId, km: row?.km ?? null };
}
