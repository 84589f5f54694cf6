import type { EngineContext } from '../context';
import { conflict, invalid } from '../errors';
import { freeUnitsAllowed } from '../orders/free-goods-earned';
import { orderLineStates, paidUnits } from '../orders/free-goods-links';

export interface NoteLineWanted {
  reservationId: number;
  quantity: number;
}

/**
 * A delivery note carries free goods only for what the paid units delivered so far (this note's
 * included) earn; the rest stays picked and follows the paid units that will earn it. When the
 * clerk names quantities, too many free units are refused; when the note takes "everything
 * picked", the free units are cut to what is earned. Returns the lines to post, none empty.
 */
export function freeGoodsFollowPaid(
  ctx: EngineContext,
  orderId: number,
  wanted: NoteLineWanted[],
  lineOfReservation: (reservationId: number) => number | undefined,
  clerkChose: boolean,
): NoteLineWanted[] {
  const lines = orderLineStates(ctx, orderId);
  const byId = new Map(lines.map((l) => [l.id, l]));
  const paidNow = (productId: number) =>
    wanted.reduce((s, w) => {
      const line = byId.get(lineOfReservation(w.reservationId) ?? -1);
      return line && !line.isFree && line.productId === productId ? s + w.quantity : s;
    }, 0);
  const allowance = new Map<number, number>();
  for (const l of lines) {
    if (!l.earn) continue;
    const paid = paidUnits(lines, l.earn.productId, 'delivered') + paidNow(l.earn.productId);
    allowance.set(l.id, freeUnitsAllowed(l.earn, paid, l.quantity, l.delivered));
  }
  const result: NoteLineWanted[] = [];
  wanted.forEach((w, i) => {
    const lineId = lineOfReservation(w.reservationId);
    const left = lineId === undefined ? undefined : allowance.get(lineId);
    if (left === undefined) {
      result.push(w);
      return;
    }
    const take = Math.min(w.quantity, left);
    if (clerkChose && take < w.quantity) {
      const why = `the paid units delivered earn ${left} more free unit(s), not ${w.quantity}; the rest follows the paid units that earn it`;
      throw invalid(`Line ${i + 1}: ${why}`, `lines.${i}.quantity`);
    }
    allowance.set(lineId!, left - take);
    if (take > 0) result.push({ reservationId: w.reservationId, quantity: take });
  });
  if (result.length === 0)
    throw conflict('Only free goods are picked, and no delivered paid units earn them yet', 'orderId');
  return result;
}
