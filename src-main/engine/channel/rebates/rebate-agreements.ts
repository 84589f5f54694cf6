import type { z } from 'zod';
import type { rebateAgreementFields, RebateAgreementOut } from '../../../../src-shared/contract/channel-rebates';
import { recordAudit } from '../../audit';
import { isoNow, type EngineContext } from '../../context';
import { conflict, invalid, isUniqueViolation, notFound } from '../../errors';
import { termsProblem } from './rebate-rules';
import { AGREEMENT_COLUMNS, loadAgreement } from './rebate-terms';

export type RebateAgreementInput = z.output<typeof rebateAgreementFields>;

function mustExist(ctx: EngineContext, sql: string, value: unknown, what: string, field: string) {
  if (value !== null && value !== '' && !ctx.ledger.sqlite.prepare(sql).get(value)) throw notFound(what, field);
}

/** Creates or changes an agreement; its terms are fixed once anything has been accrued under it. */
export function saveRebateAgreement(ctx: EngineContext, input: RebateAgreementInput): RebateAgreementOut {
  const { sqlite } = ctx.ledger;
  const tiers = [...input.tiers];
  const problem = termsProblem({ ...input, tiers });
  if (problem) throw invalid(problem.message, problem.field);
  mustExist(
    ctx,
    'SELECT 1 FROM customers WHERE id = ?',
    input.customerId,
    `Customer ${input.customerId}`,
    'customerId',
  );
  mustExist(
    ctx,
    'SELECT 1 FROM customer_types WHERE code = ?',
    input.customerType,
    'That customer type',
    'customerType',
  );
  mustExist(ctx, 'SELECT 1 FROM products WHERE id = ?', input.productId, `Product ${input.productId}`, 'productId');
  mustExist(
    ctx,
    'SELECT 1 FROM suppliers WHERE id = ?',
    input.fundedBy,
    `Brand (supplier) ${input.fundedBy}`,
    'fundedBy',
  );
  const values = [
    input.code,
    input.name,
    input.customerId,
    input.customerType || null,
    input.periodFrom,
    input.periodTo,
    input.basis,
    input.rateKind,
    input.method,
    input.productId,
    input.brand,
    input.fundedBy,
  ];
  let id: number;
  try {
    if (input.id === null) {
      id = (
        sqlite
          .prepare(
            `INSERT INTO rebate_agreements (code, name, customer_id, customer_type, period_from, period_to, basis,
               rate_kind, method, product_id, brand, funded_by, created_at, created_by)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
          )
          .get(...values, isoNow(ctx), ctx.actor?.id ?? null) as { id: number }
      ).id;
    } else {
      const was = loadAgreement(ctx, input.id);
      if (input.version !== null && input.version !== was.version)
        throw conflict(`Rebate ${was.code} was changed by someone else; reopen it`, 'version');
      if (sqlite.prepare('SELECT 1 FROM rebate_entries WHERE agreement_id = ? LIMIT 1').get(was.id))
        throw conflict(`Rebate ${was.code} already has accruals; its terms are fixed (make a new agreement)`, 'id');
      sqlite
        .prepare(
          `UPDATE rebate_agreements SET code = ?, name = ?, customer_id = ?, customer_type = ?, period_from = ?,
             period_to = ?, basis = ?, rate_kind = ?, method = ?, product_id = ?, brand = ?, funded_by = ?,
             version = version + 1 WHERE id = ?`,
        )
        .run(...values, was.id);
      sqlite.prepare('DELETE FROM rebate_tiers WHERE agreement_id = ?').run(was.id);
      id = was.id;
    }
  } catch (error) {
    if (isUniqueViolation(error, 'code')) throw conflict(`A rebate agreement ${input.code} already exists`, 'code');
    throw error;
  }
  const insert = sqlite.prepare('INSERT INTO rebate_tiers (agreement_id, threshold, rate) VALUES (?, ?, ?)');
  for (const t of tiers) insert.run(id, t.threshold, t.rate);
  recordAudit(ctx, input.id === null ? 'create' : 'update', 'rebate_agreement', id, { code: input.code, tiers });
  return listRebateAgreements(ctx, id)[0]!;
}

/** Every agreement (or one) with names, tiers, what stands accrued and what settlement credited. */
export function listRebateAgreements(ctx: EngineContext, only: number | null = null): RebateAgreementOut[] {
  const { sqlite } = ctx.ledger;
  const rows = sqlite
    .prepare(
      `SELECT ${AGREEMENT_COLUMNS}, c.name AS customerName, s.name AS fundedByName,
         (SELECT coalesce(sum(amount), 0) FROM rebate_entries e WHERE e.agreement_id = a.id) AS accrued,
         (SELECT coalesce(sum(earned), 0) FROM rebate_settlements r WHERE r.agreement_id = a.id) AS settled
       FROM rebate_agreements a LEFT JOIN customers c ON c.id = a.customer_id LEFT JOIN suppliers s ON s.id = a.funded_by
       WHERE (? IS NULL OR a.id = ?) ORDER BY a.period_from DESC, a.id DESC`,
    )
    .all(only, only) as Omit<RebateAgreementOut, 'tiers'>[];
  const tiers = sqlite.prepare('SELECT threshold, rate FROM rebate_tiers WHERE agreement_id = ? ORDER BY threshold');
  return rows.map((r) => ({ ...r, tiers: tiers.all(r.id) as RebateAgreementOut['tiers'] }));
}
