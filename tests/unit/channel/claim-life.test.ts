import { beforeAll, describe, expect, it } from 'vitest';
import { answerClaim, settleClaim } from '../../../src-main/engine/channel/claims/answer-claim';
import { attachEvidence, evidenceFile } from '../../../src-main/engine/channel/claims/claim-evidence';
import { deleteDraftClaim, fileClaim, updateDraftClaim } from '../../../src-main/engine/channel/claims/claim-life';
import { getClaim } from '../../../src-main/engine/channel/claims/claim-view';
import { draftClaim } from '../../../src-main/engine/channel/claims/draft-claim';
import type { EngineContext } from '../../../src-main/engine/context';
import { createSupplier } from '../../../src-main/engine/purchasing/supplier-service';
import { supplierFields } from '../../../src-shared/contract/purchasing';
import { engineContext } from '../../support/engine';

let ctx: EngineContext;
let brandId: number;
let source = 0;

beforeAll(() => {
  ctx = engineContext();
  brandId = createSupplier(ctx, supplierFields.parse({ code: 'SUN', name: 'Sunrise Foods', stateCode: '27' })).id;
});

/** A draft of two lines, ₹300.00 and ₹200.00, each from its own source. */
function twoLineDraft() {
  const line = (amount: number) => ({ sourceKind: 'test_source', sourceId: ++source, quantity: 1, amount });
  const { id } = draftClaim(ctx, { supplierId: brandId, kind: 'damage', lines: [line(300_00), line(200_00)] });
  return getClaim(ctx, id);
}
const filed = () => {
  const d = twoLineDraft();
  return fileClaim(ctx, { id: d.id, version: d.version });
};
const inTx = <T>(fn: () => T) => ctx.ledger.sqlite.transaction(fn)();
const count = (table: string) =>
  (ctx.ledger.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('a claim’s life', () => {
  it('lets a draft drop lines (its total follows) and be deleted, freeing its sources', () => {
    const d = twoLineDraft();
    const kept = updateDraftClaim(ctx, {
      id: d.id,
      version: d.version,
      notes: 'only the first',
      keepLineIds: [d.lines[0]!.id],
    });
    expect(kept).toMatchObject({ amount: 300_00, notes: 'only the first', version: d.version + 1 });
    expect(kept.lines.map((l) => l.lineNo)).toEqual([1]);
    expect(deleteDraftClaim(ctx, { id: kept.id, version: kept.version })).toEqual({ deleted: true });
    expect(() => getClaim(ctx, d.id)).toThrow(/not found/i);
    const again = draftClaim(ctx, { supplierId: brandId, kind: 'damage', lines: [{ ...d.lines[0]!, amount: 1 }] });
    expect(again.amount).toBe(1);
  });

  it('refuses a stale version with a conflict, and writes nothing', () => {
    const d = twoLineDraft();
    const stale = () => inTx(() => fileClaim(ctx, { id: d.id, version: d.version + 1 }));
    expect(stale).toThrow(expect.objectContaining({ code: 'conflict', field: 'version' }));
    expect(getClaim(ctx, d.id)).toMatchObject({ status: 'draft', number: null });
  });

  it('freezes the lines once filed: no change, no delete', () => {
    const f = filed();
    expect(f.number).toMatch(/^CLM\/26-27\/\d{6}$/);
    const change = () =>
      updateDraftClaim(ctx, { id: f.id, version: f.version, notes: '', keepLineIds: [f.lines[0]!.id] });
    expect(change).toThrow(/only a draft can be changed/);
    expect(() => deleteDraftClaim(ctx, { id: f.id, version: f.version })).toThrow(/only a draft can be deleted/);
  });

  it('numbers filed claims gaplessly, whatever drafts were deleted between', () => {
    const a = filed();
    const d = twoLineDraft();
    deleteDraftClaim(ctx, { id: d.id, version: d.version });
    const b = filed();
    const n = (c: { number: string | null }) => Number(c.number!.slice(-6));
    expect(n(b)).toBe(n(a) + 1);
  });

  it('takes a part answer line by line, and refuses a settlement above what was accepted', () => {
    const f = filed();
    const answer = (lines: { lineId: number; acceptedAmount: number }[]) => ({
      ...{ id: f.id, version: f.version, outcome: 'partly_accepted' as const, lines },
      ...{ reason: 'line 2 short', brandReference: '' },
    });
    const tooMuch = () => answerClaim(ctx, answer([{ lineId: f.lines[1]!.id, acceptedAmount: 200_01 }]));
    expect(tooMuch).toThrow(expect.objectContaining({ field: 'lines.0' }));
    const part = answerClaim(
      ctx,
      answer([
        { lineId: f.lines[0]!.id, acceptedAmount: 300_00 },
        { lineId: f.lines[1]!.id, acceptedAmount: 50_00 },
      ]),
    );
    expect(part).toMatchObject({ status: 'partly_accepted', acceptedAmount: 350_00, answerReason: 'line 2 short' });
    expect(part.lines.map((l) => l.acceptedAmount)).toEqual([300_00, 50_00]);
    const ledgerRows = count('supplier_ledger');
    const over = () =>
      inTx(() => settleClaim(ctx, { id: part.id, version: part.version, creditNoteNumber: 'CN1', amount: 350_01 }));
    expect(over).toThrow(expect.objectContaining({ code: 'invalid_input', field: 'amount' }));
    expect(count('supplier_ledger')).toBe(ledgerRows);
    expect(getClaim(ctx, part.id).status).toBe('partly_accepted');
  });

  it('needs a reason to reject, and a rejected claim is never settled', () => {
    const f = filed();
    const reject = (reason: string) =>
      answerClaim(ctx, { id: f.id, version: f.version, outcome: 'rejected', lines: [], reason, brandReference: '' });
    expect(() => reject('')).toThrow(expect.objectContaining({ field: 'reason' }));
    const r = reject('Outside the scheme period');
    expect(r).toMatchObject({ status: 'rejected', acceptedAmount: 0 });
    const settle = () => settleClaim(ctx, { id: r.id, version: r.version, creditNoteNumber: 'CN2', amount: 1 });
    expect(settle).toThrow(/only an accepted claim is settled/);
  });

  it('keeps evidence beside the ledger by content hash, and refuses what is not a photo or PDF', () => {
    const f = filed();
    const pdf = Buffer.from('%PDF-1.4\n% a delivery photo stand-in\n').toString('base64');
    const kept = attachEvidence(ctx, { claimId: f.id, claimLineId: f.lines[0]!.id, filename: 'pod.pdf', base64: pdf });
    expect(kept).toMatchObject({ mime: 'application/pdf', claimLineId: f.lines[0]!.id, filename: 'pod.pdf' });
    expect(evidenceFile(ctx, kept.id)).toEqual({ filename: 'pod.pdf', mime: 'application/pdf', base64: pdf });
    expect(getClaim(ctx, f.id).evidence).toHaveLength(1);
    const exe = Buffer.from('MZ\x90\x00not a photo').toString('base64');
    const bad = () => attachEvidence(ctx, { claimId: f.id, claimLineId: null, filename: 'x.jpg', base64: exe });
    expect(bad).toThrow(expect.objectContaining({ field: 'base64' }));
  });
});
