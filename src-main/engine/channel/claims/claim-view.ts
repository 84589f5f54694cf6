import type { Claim, ClaimStatus } from '../../../../src-shared/contract/channel-claims';
import type { EngineContext } from '../../context';
import { notFound } from '../../errors';

const HEAD = `SELECT c.id, c.number, c.supplier_id AS supplierId, s.name AS supplierName, c.kind, c.status,
  c.period_from AS periodFrom, c.period_to AS periodTo, c.filed_on AS filedOn, c.amount,
  c.accepted_amount AS acceptedAmount, c.settled_amount AS settledAmount, c.version
  FROM claims c JOIN suppliers s ON s.id = c.supplier_id`;

type Head = Omit<
  Claim,
  'answeredOn' | 'answerReason' | 'brandReference' | 'brandCreditNote' | 'settledOn' | 'notes' | 'lines' | 'evidence'
>;

export function listClaims(ctx: EngineContext, f: { status?: ClaimStatus; supplierId?: number }): Head[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.status) {
    where.push('c.status = ?');
    params.push(f.status);
  }
  if (f.supplierId) {
    where.push('c.supplier_id = ?');
    params.push(f.supplierId);
  }
  const sql = `${HEAD} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY c.id DESC LIMIT 500`;
  return ctx.ledger.sqlite.prepare(sql).all(...params) as Head[];
}

export function getClaim(ctx: EngineContext, id: number, field = 'id'): Claim {
  const { sqlite } = ctx.ledger;
  const head = sqlite
    .prepare(
      `${HEAD.replace(
        'c.version',
        `c.version, c.answered_on AS answeredOn, c.answer_reason AS answerReason,
         c.brand_reference AS brandReference, c.brand_credit_note AS brandCreditNote, c.settled_on AS settledOn, c.notes`,
      )} WHERE c.id = ?`,
    )
    .get(id) as Omit<Claim, 'lines' | 'evidence'> | undefined;
  if (!head) throw notFound(`Claim ${id}`, field);
  const lines = sqlite
    .prepare(
      `SELECT l.id, l.line_no AS lineNo, l.source_kind AS sourceKind, l.source_id AS sourceId,
         l.product_id AS productId, p.sku, p.name AS productName, l.batch_id AS batchId, b.batch_no AS batchNo,
         l.quantity, l.amount, l.accepted_amount AS acceptedAmount, l.description
       FROM claim_lines l LEFT JOIN products p ON p.id = l.product_id LEFT JOIN batches b ON b.id = l.batch_id
       WHERE l.claim_id = ? ORDER BY l.line_no`,
    )
    .all(id) as Claim['lines'];
  const evidence = sqlite
    .prepare(
      `SELECT id, claim_line_id AS claimLineId, filename, mime, size, sha256, added_at AS addedAt
       FROM claim_evidence WHERE claim_id = ? ORDER BY id`,
    )
    .all(id) as Claim['evidence'];
  return { ...head, lines, evidence } as Claim;
}
