import type { Claim } from '../../../../src-shared/contract/channel-claims';
import type { EngineContext } from '../../context';
import { publishEvent } from '../../sync/publish-event';

type ClaimEvent = 'claim.filed' | 'claim.answered' | 'claim.settled';

/** Tells HQ of a step in a claim's life, in the step's transaction (the outbox is sent when sync is on). */
export function publishClaimEvent(ctx: EngineContext, type: ClaimEvent, c: Claim): void {
  const brand = ctx.ledger.sqlite.prepare('SELECT code FROM suppliers WHERE id = ?').get(c.supplierId) as {
    code: string;
  };
  const head = { number: c.number!, brandCode: brand.code, kind: c.kind };
  if (type === 'claim.filed') {
    publishEvent(ctx, type, {
      ...head,
      ...{ filedOn: c.filedOn!, periodFrom: c.periodFrom, periodTo: c.periodTo, amountPaise: c.amount },
      lines: c.lines.map((l) => ({
        ...{ sourceKind: l.sourceKind.slice(0, 40), sku: l.sku, batchNo: l.batchNo, qty: l.quantity },
        ...{ amountPaise: l.amount, description: l.description.slice(0, 200) },
      })),
    });
  } else if (type === 'claim.answered') {
    const status = c.status as 'accepted' | 'partly_accepted' | 'rejected';
    publishEvent(ctx, type, {
      ...{ ...head, answeredOn: c.answeredOn!, status, amountPaise: c.amount },
      ...{ acceptedPaise: c.acceptedAmount ?? 0, reason: c.answerReason },
    });
  } else {
    publishEvent(ctx, type, {
      ...{ ...head, settledOn: c.settledOn!, creditNoteNumber: c.brandCreditNote },
      settledPaise: c.settledAmount ?? 0,
    });
  }
}
