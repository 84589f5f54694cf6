import type { EngineContext } from '../../context';
import { invalid } from '../../errors';

/** The order's end buyer as a customer record, checked to exist; null when the order names none. */
export function endBuyerOf(ctx: EngineContext, endBuyerId: number | null): number | null {
  if (endBuyerId === null) return null;
  const row = ctx.ledger.sqlite.prepare('SELECT id FROM customers WHERE id = ?').get(endBuyerId);
  if (!row) throw invalid(`End buyer ${endBuyerId} is not a customer`, 'endBuyerId');
  return endBuyerId;
}
