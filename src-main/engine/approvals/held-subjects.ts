import { postCreditNote, type CreditNoteInput } from '../billing/credit-notes';
import { postAdjustment, type AdjustInput } from '../inventory/adjust-stock';
import { heldSubject } from './held-postings';

/** A held stock write-off: approved, its movement posts as asked. */
export const writeOffSubject = heldSubject('write-off', (ctx, input: AdjustInput) => {
  const { movementId } = postAdjustment(ctx, input);
  return movementId;
});

/** A held credit note: approved, it takes its number and posts as asked. */
export const creditNoteSubject = heldSubject(
  'credit note',
  (ctx, input: CreditNoteInput) => postCreditNote(ctx, input).id,
);
