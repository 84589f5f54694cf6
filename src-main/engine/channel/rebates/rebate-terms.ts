import type { EngineContext } from '../../context';
import { notFound } from '../../errors';
import type { Achieved, RebateTerms } from './rebate-rules';

export interface AgreementRow extends RebateTerms {
  id: number;
  code: string;
  name: string;
  customerId: number | null;
  customerType: string | null;
  productId: number | null;
  brand: string;
  fundedBy: number | null;
  status: 'active' | 'settled';
  version: number;
}

export const AGREEMENT_COLUMNS = `a.id, a.code, a.name, a.customer_id AS customerId, a.customer_type AS customerType,
  a.period_from AS periodFrom, a.period_to AS periodTo, a.basis, a.rate_kind AS rateKind, a.method,
  a.product_id AS productId, a.brand, a.funded_by AS fundedBy, a.status, a.version`;

/** SQL: the invoice line `il` (with its product `p`) counts toward agreement `a`: not free, past the filter. */
export const LINE_COUNTS = `il.is_free = 0 AND (a.product_id IS NULL OR il.product_id = a.product_id)
  AND (a.brand = '' OR p.brand = a.brand)`;

export function loadAgreement(ctx: EngineContext, id: number, field = 'id'): AgreementRow {
  const { sqlite } = ctx.ledger;
  const row = sqlite.prepare(`SELECT ${AGREEMENT_COLUMNS} FROM rebate_agreements a WHERE a.id = ?`).get(id) as
    Omit<AgreementRow, 'tiers'> | undefined;
  if (!row) throw notFound(`Rebate agreement ${id}`, field);
  const tiers = sqlite
    .prepare('SELECT threshold, rate FROM rebate_tiers WHERE agreement_id = ? ORDER BY threshold')
    .all(id) as { threshold: number; rate: number }[];
  return { ...row, tiers };
}

/** What one customer has achieved and has accrued under an agreement (release rows excluded: they settle). */
export function standing(ctx: EngineContext, agreementId: number, customerId: number): Achieved & { accrued: number } {
  return ctx.ledger.sqlite
    .prepare(
      `SELECT coalesce(sum(value), 0) AS value, coalesce(sum(units), 0) AS units,
              coalesce(sum(CASE WHEN kind <> 'release' THEN amount ELSE 0 END), 0) AS accrued
       FROM rebate_entries WHERE agreement_id = ? AND customer_id = ?`,
    )
    .get(agreementId, customerId) as Achieved & { accrued: number };
}

/** The customers an agreement's rows are kept for (each one it has accrued for), in id order. */
export function beneficiaries(ctx: EngineContext, agreementId: number): number[] {
  return (
    ctx.ledger.sqlite
      .prepare('SELECT DISTINCT customer_id AS id FROM rebate_entries WHERE agreement_id = ? ORDER BY customer_id')
      .all(agreementId) as { id: number }[]
  ).map((r) => r.id);
}
