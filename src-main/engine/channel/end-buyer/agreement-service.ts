import type { z } from 'zod';
import type { Agreement, agreementSummary } from '../../../../src-shared/contract/channel-end-buyer';
import { recordAudit } from '../../audit';
import { isoNow, type EngineContext } from '../../context';
import { conflict, invalid, notFound } from '../../errors';
import { checkAgreement, type AgreementInput } from './agreement-rules';
import { usedUnderLine } from './agreement-prices';

export function getAgreement(ctx: EngineContext, id: number): Agreement {
  const { sqlite } = ctx.ledger;
  const row = sqlite
    .prepare(
      `SELECT a.id, a.supplier_id AS supplierId, s.name AS supplierName, a.end_buyer_id AS endBuyerId,
              c.name AS endBuyerName, a.number, a.valid_from AS validFrom, a.valid_to AS validTo,
              a.sold_to_ids AS soldToIds, a.active, a.notes, a.version
       FROM end_buyer_agreements a JOIN suppliers s ON s.id = a.supplier_id JOIN customers c ON c.id = a.end_buyer_id
       WHERE a.id = ?`,
    )
    .get(id) as (Omit<Agreement, 'lines' | 'soldToIds' | 'active'> & { soldToIds: string; active: number }) | undefined;
  if (!row) throw notFound(`Agreement ${id}`, 'id');
  const lines = sqlite
    .prepare(
      `SELECT l.id, l.product_id AS productId, p.sku, p.name AS productName, l.special_price AS specialPrice,
              l.list_cost AS listCost, l.agreed_cost AS agreedCost, l.quantity_cap AS quantityCap,
              l.list_cost - l.agreed_cost AS claimPerUnit,
              (SELECT coalesce(sum(quantity), 0) FROM ship_and_debit_accruals x WHERE x.agreement_line_id = l.id)
                AS accruedQuantity
       FROM end_buyer_agreement_lines l JOIN products p ON p.id = l.product_id
       WHERE l.agreement_id = ? ORDER BY l.id`,
    )
    .all(id) as Agreement['lines'];
  return { ...row, soldToIds: JSON.parse(row.soldToIds) as number[], active: row.active === 1, lines };
}

export function listAgreements(ctx: EngineContext, includeInactive: boolean): z.output<typeof agreementSummary>[] {
  const rows = ctx.ledger.sqlite
    .prepare(
      `SELECT a.id, a.number, a.supplier_id AS supplierId, s.name AS supplierName, a.end_buyer_id AS endBuyerId,
              c.name AS endBuyerName, a.valid_from AS validFrom, a.valid_to AS validTo, a.active,
              (SELECT count(*) FROM end_buyer_agreement_lines l WHERE l.agreement_id = a.id) AS products,
              (SELECT coalesce(sum(x.amount), 0) FROM ship_and_debit_accruals x
                 JOIN end_buyer_agreement_lines l ON l.id = x.agreement_line_id WHERE l.agreement_id = a.id) AS accrued
       FROM end_buyer_agreements a JOIN suppliers s ON s.id = a.supplier_id JOIN customers c ON c.id = a.end_buyer_id
       WHERE a.active = 1 OR ? ORDER BY a.valid_to DESC, a.id DESC`,
    )
    .all(includeInactive ? 1 : 0) as (Omit<z.output<typeof agreementSummary>, 'active'> & { active: number })[];
  return rows.map((r) => ({ ...r, active: r.active === 1 }));
}

function writeLines(ctx: EngineContext, agreementId: number, input: AgreementInput): void {
  const { sqlite } = ctx.ledger;
  const current = sqlite
    .prepare('SELECT id, product_id AS productId FROM end_buyer_agreement_lines WHERE agreement_id = ?')
    .all(agreementId) as { id: number; productId: number }[];
  const kept = new Set(input.lines.map((l) => l.productId));
  for (const old of current.filter((c) => !kept.has(c.productId))) {
    // A line that priced an order or accrued support is history the claims point at: it stays.
    const used = sqlite
      .prepare(
        `SELECT (SELECT count(*) FROM order_lines WHERE end_buyer_agreement_line_id = @id)
              + (SELECT count(*) FROM ship_and_debit_accruals WHERE agreement_line_id = @id) AS n`,
      )
      .get({ id: old.id }) as { n: number };
    if (used.n > 0) throw conflict('A product already ordered under this agreement cannot be removed', 'lines');
    sqlite.prepare('DELETE FROM end_buyer_agreement_lines WHERE id = ?').run(old.id);
  }
  const upsert = sqlite.prepare(
    `INSERT INTO end_buyer_agreement_lines (agreement_id, product_id, special_price, list_cost, agreed_cost, quantity_cap)
     VALUES (@agreementId, @productId, @specialPrice, @listCost, @agreedCost, @quantityCap)
     ON CONFLICT (agreement_id, product_id) DO UPDATE SET special_price = excluded.special_price,
       list_cost = excluded.list_cost, agreed_cost = excluded.agreed_cost, quantity_cap = excluded.quantity_cap
     RETURNING id`,
  );
  input.lines.forEach((line, i) => {
    const { id } = upsert.get({ ...line, agreementId }) as { id: number };
    const used = line.quantityCap === null ? 0 : usedUnderLine(ctx, id, null);
    if (line.quantityCap !== null && line.quantityCap < used)
      throw invalid(
        `${used} are already sold or ordered under this line; the cap cannot be less`,
        `lines.${i}.quantityCap`,
      );
  });
}

const headerParams = (ctx: EngineContext, input: AgreementInput) => ({
  supplierId: input.supplierId,
  endBuyerId: input.endBuyerId,
  number: input.number,
  validFrom: input.validFrom,
  validTo: input.validTo,
  soldToIds: JSON.stringify([...new Set(input.soldToIds)]),
  active: input.active ? 1 : 0,
  notes: input.notes,
  now: isoNow(ctx),
});

export function createAgreement(ctx: EngineContext, input: AgreementInput): Agreement {
  checkAgreement(ctx, input, null);
  const { id } = ctx.ledger.sqlite
    .prepare(
      `INSERT INTO end_buyer_agreements (supplier_id, end_buyer_id, number, valid_from, valid_to, sold_to_ids, active,
         notes, created_at, created_by, updated_at)
       VALUES (@supplierId, @endBuyerId, @number, @validFrom, @validTo, @soldToIds, @active, @notes, @now, @by, @now)
       RETURNING id`,
    )
    .get({ ...headerParams(ctx, input), by: ctx.actor?.id ?? null }) as { id: number };
  writeLines(ctx, id, input);
  recordAudit(ctx, 'create', 'end_buyer_agreement', id, { number: input.number, lines: input.lines.length });
  return getAgreement(ctx, id);
}

export function updateAgreement(
  ctx: EngineContext,
  input: AgreementInput & { id: number; version: number },
): Agreement {
  const before = getAgreement(ctx, input.id);
  checkAgreement(ctx, input, input.id);
  // Support already accrued is owed by this brand for this end buyer: those two stay once sales are under it.
  const sold = before.lines.some((l) => l.accruedQuantity !== 0);
  if (sold && before.supplierId !== input.supplierId)
    throw conflict('Sales are already accrued under this agreement; its brand cannot change', 'supplierId');
  if (sold && before.endBuyerId !== input.endBuyerId)
    throw conflict('Sales are already accrued under this agreement; its end buyer cannot change', 'endBuyerId');
  const changed = ctx.ledger.sqlite
    .prepare(
      `UPDATE end_buyer_agreements SET supplier_id = @supplierId, end_buyer_id = @endBuyerId, number = @number,
         valid_from = @validFrom, valid_to = @validTo, sold_to_ids = @soldToIds, active = @active, notes = @notes,
         updated_at = @now, version = version + 1
       WHERE id = @id AND version = @version`,
    )
    .run({ ...headerParams(ctx, input), id: input.id, version: input.version }).changes;
  if (changed === 0)
    throw conflict('Someone else changed this agreement since you opened it; reload and try again', 'version');
  writeLines(ctx, input.id, input);
  recordAudit(ctx, 'update', 'end_buyer_agreement', input.id, { number: input.number, version: before.version + 1 });
  return getAgreement(ctx, input.id);
}
