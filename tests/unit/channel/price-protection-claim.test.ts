import { describe, expect, it } from 'vitest';
import { answerClaim, settleClaim } from '../../../src-main/engine/channel/claims/answer-claim';
import { fileClaim } from '../../../src-main/engine/channel/claims/claim-life';
import { recordPriceChange } from '../../../src-main/engine/channel/claims/price-changes';
import { draftFromProposal, proposeClaim } from '../../../src-main/engine/channel/claims/propose-claim';
import { supplierLedger } from '../../../src-main/engine/payables/supplier-account';
import { claimWorld, on, receive, reported, sell } from '../../support/claim-world';

describe('a price-protection claim, worked by hand', () => {
  it('claims the stock held on the day of the cut (ours from the ledger, the retailers’ last reports), and settles', () => {
    const w = claimWorld();
    const { ctx } = w;
    receive(on(ctx, '2026-11-01'), w, 60);
    sell(on(ctx, '2026-11-05'), w, 20);
    receive(on(ctx, '2026-11-12'), w, 30); // after the cut: not protected
    reported(w, w.retailerA, '2026-11-08', 15);
    reported(w, w.retailerB, '2026-11-09', 7);
    reported(w, w.retailerB, '2026-11-12', 50); // after the cut: does not count
    const cut = recordPriceChange(ctx, {
      ...{ supplierId: w.brand.id, productId: w.productId, oldRate: 100_00, newRate: 90_00 },
      ...{ effectiveOn: '2026-11-10', reference: 'Circular 42' },
    });
    const source = { kind: 'price_protection' as const, priceChangeId: cut.id };

    const proposal = proposeClaim(ctx, source);
    expect(proposal.lines.map((l) => [l.sourceId, l.quantity, l.amount])).toEqual([
      [0, 40, 400_00],
      [w.retailerA, 15, 150_00],
      [w.retailerB, 7, 70_00],
    ]);
    const draft = ctx.ledger.sqlite.transaction(() =>
      draftFromProposal(ctx, { source, keep: proposal.lines, notes: '' }),
    )();
    expect(draft).toMatchObject({ amount: 620_00, status: 'draft', number: null, kind: 'price_protection' });
    expect(draft.lines).toHaveLength(3);
    expect(proposeClaim(ctx, source).lines).toEqual([]); // every holder is claimed once

    const filed = fileClaim(ctx, { id: draft.id, version: draft.version });
    expect(filed).toMatchObject({ number: 'CLM/26-27/000001', status: 'filed', filedOn: '2026-11-22' });
    const answered = answerClaim(ctx, {
      ...{ id: filed.id, version: filed.version, outcome: 'partly_accepted', acceptedAmount: 600_00 },
      ...{ lines: [], reason: 'Retailer B report unverified', brandReference: 'SUN/PP/9' },
    });
    expect(answered).toMatchObject({ status: 'partly_accepted', acceptedAmount: 600_00 });
    const before = supplierLedger(ctx, { supplierId: w.brand.id, from: '2026-04-01', to: '2026-11-30' }).closing;
    const settled = settleClaim(ctx, {
      ...{ id: answered.id, version: answered.version, creditNoteNumber: 'SUN-CN-77', amount: 600_00 },
    });
    expect(settled).toMatchObject({ status: 'settled', settledAmount: 600_00, brandCreditNote: 'SUN-CN-77' });
    const account = supplierLedger(ctx, { supplierId: w.brand.id, from: '2026-04-01', to: '2026-11-30' });
    expect(before - account.closing).toBe(600_00);
    expect(account.entries.at(-1)).toMatchObject({ kind: 'brand_credit', number: 'SUN-CN-77', debit: 600_00 });

    const events = ctx.ledger.sqlite.prepare('SELECT type FROM outbox_events ORDER BY seq').all() as { type: string }[];
    expect(events.map((e) => e.type).filter((t) => t.startsWith('claim.'))).toEqual([
      'claim.filed',
      'claim.answered',
      'claim.settled',
    ]);
  });
});
