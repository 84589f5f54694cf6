import type { EngineContext } from '../context';
import { businessToday } from '../business-date';
import { allocateForLine, lineAllocationContexts } from '../inventory/allocate-for-line';
import { candidateBatchesFor } from '../inventory/reserve-stock';
import { freeUnitsAllowed } from './free-goods-earned';
import { orderLineStates, paidUnits } from './free-goods-links';

export interface OrderAllocationSummary {
  /** units reserved by this run */
  allocated: number;
  /** units still waiting: no stock, or free goods whose paid units are not reserved yet */
  short: number;
  /** lines of a manual category still waiting for the clerk to choose batches */
  awaitingClerk: number;
}

/**
 * Reserves what is still open on every line of an order: at confirmation, and again when a
 * backorder can be filled. Paid lines go first, so a free line is reserved only for what the
 * reserved paid units earn; the rest of it waits with the backorder of the paid units.
 * Afterwards backordered = quantity − allocated on each line it touched. freeOnly: just the free
 * lines, after the clerk reserved paid units by hand.
 */
export function allocateOpenLines(
  ctx: EngineContext,
  orderId: number,
  options: { counterFefo?: boolean; freeOnly?: boolean } = {},
): OrderAllocationSummary {
  const { sqlite } = ctx.ledger;
  // Each line's new state, written in one UPDATE at the end rather than one per line.
  const changed: [allocated: number, backordered: number, note: string, id: number][] = [];
  const summary: OrderAllocationSummary = { allocated: 0, short: 0, awaitingClerk: 0 };
  const lines = orderLineStates(ctx, orderId);
  const paidFirst = [...(options.freeOnly ? [] : lines.filter((l) => !l.isFree)), ...lines.filter((l) => l.isFree)];
  // Every line's context and every candidate batch in one query each, not a few per line; a line
  // taking stock lowers what the next line of the same product sees in `candidates`.
  const contexts = lineAllocationContexts(ctx, { orderId });
  const candidates = candidateBatchesFor(ctx, [...contexts.values()]);
  const today = businessToday(ctx);
  for (const line of paidFirst) {
    const open = line.quantity - line.allocated;
    if (open <= 0) continue;
    let wanted = open;
    let waiting = '';
    if (line.earn) {
      wanted = Math.min(
        open,
        freeUnitsAllowed(line.earn, paidUnits(lines, line.earn.productId, 'allocated'), line.quantity, line.allocated),
      );
      if (wanted < open) waiting = `; ${open - wanted} free wait for the paid units that earn them`;
    }
    if (wanted === 0) {
      changed.push([line.allocated, open, `nothing reserved yet${waiting}`, line.id]);
      summary.short += open;
      continue;
    }
    const context = contexts.get(line.id)!;
    const result = allocateForLine(
      ctx,
      { orderLineId: line.id, quantity: wanted, counterFefo: options.counterFefo },
      { line: context, candidates: candidates.get(`${context.warehouseId}:${context.productId}`)!, today },
    );
    if (result.awaitingClerk) {
      changed.push([line.allocated, 0, result.explanation, line.id]);
      summary.awaitingClerk += 1;
      continue;
    }
    line.allocated += result.allocated;
    changed.push([line.allocated, line.quantity - line.allocated, result.explanation + waiting, line.id]);
    summary.allocated += result.allocated;
    summary.short += line.quantity - line.allocated;
  }
  if (changed.length > 0)
    sqlite
      .prepare(
        `UPDATE order_lines SET allocated = c.value ->> 0, backordered = c.value ->> 1, allocation_note = c.value ->> 2
         FROM json_each(?) c WHERE order_lines.id = c.value ->> 3`,
      )
      .run(JSON.stringify(changed));
  return summary;
}
