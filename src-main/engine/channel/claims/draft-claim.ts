import { recordAudit } from '../../audit';
import { businessToday } from '../../business-date';
import { isoNow, type EngineContext } from '../../context';
import { conflict, invalid, notFound } from '../../errors';

export type ClaimKind =
  'scheme' | 'price_difference' | 'ship_and_debit' | 'rebate' | 'damage' | 'expiry' | 'price_protection';

export interface ClaimLineInput {
  /** the kind of row that earned the amount, e.g. 'ship_and_debit_accrual', 'rebate_settlement' */
  sourceKind: string;
  /** that row's id: a source is claimed once, whatever claim it sits on */
  sourceId: number | null;
  productId?: number | null;
  batchId?: number | null;
  quantity?: number;
  /** paise, > 0 */
  amount: number;
  description?: string;
}

export interface DraftClaimInput {
  supplierId: number;
  kind: ClaimKind;
  periodFrom?: string | null;
  periodTo?: string | null;
  notes?: string;
  lines: ClaimLineInput[];
}

/**
 * Opens a draft claim on the brand with its lines, in the caller's transaction. Every part that earns money back
 * from the brand (ship-and-debit accruals, rebates, price protection, schemes, brand returns) raises its claim
 * through here, so numbering, filing and settlement live in one place (the claims part).
 */
export function draftClaim(ctx: EngineContext, input: DraftClaimInput): { id: number; amount: number } {
  const { sqlite } = ctx.ledger;
  if (!sqlite.prepare('SELECT 1 FROM suppliers WHERE id = ?').get(input.supplierId)) {
    throw notFound(`Brand (supplier) ${input.supplierId}`, 'supplierId');
  }
  if (input.lines.length === 0) throw invalid('A claim needs at least one line', 'lines');
  input.lines.forEach((line, i) => {
    if (!Number.isInteger(line.amount) || line.amount <= 0) {
      throw invalid(`Line ${i + 1}: the amount must be a positive whole number of paise`, `lines.${i}.amount`);
    }
  });
  const claimed = sqlite.prepare('SELECT claim_id AS claimId FROM claim_lines WHERE source_kind = ? AND source_id = ?');
  input.lines.forEach((line, i) => {
    if (line.sourceId === null) return;
    const taken = claimed.get(line.sourceKind, line.sourceId) as { claimId: number } | undefined;
    if (taken) throw conflict(`Line ${i + 1} is already claimed on claim ${taken.claimId}`, `lines.${i}.sourceId`);
  });
  const amount = input.lines.reduce((sum, line) => sum + line.amount, 0);
  const { id } = sqlite
    .prepare(
      `INSERT INTO claims (supplier_id, kind, status, period_from, period_to, amount, notes, created_at, created_by)
       VALUES (?, ?, 'draft', ?, ?, ?, ?, ?, ?) RETURNING id`,
    )
    .get(
      input.supplierId,
      input.kind,
      input.periodFrom ?? null,
      input.periodTo ?? businessToday(ctx),
      amount,
      input.notes ?? '',
      isoNow(ctx),
      ctx.actor?.id ?? null,
    ) as { id: number };
  const insertLine = sqlite.prepare(
    `INSERT INTO claim_lines (claim_id, line_no, source_kind, source_id, product_id, batch_id, quantity, amount, description)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  input.lines.forEach((line, i) =>
    insertLine.run(
      id,
      i + 1,
      line.sourceKind,
      line.sourceId,
      line.productId ?? null,
      line.batchId ?? null,
      line.quantity ?? 0,
      line.amount,
      line.description ?? '',
    ),
  );
  recordAudit(ctx, 'claim.draft', 'claim', id, { kind: input.kind, supplierId: input.supplierId, amount });
  return { id, amount };
}
