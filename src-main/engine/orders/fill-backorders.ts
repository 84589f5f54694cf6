import { recordAudit } from '../audit';
import type { EngineContext } from '../context';
import { conflict } from '../errors';
import { allocateOpenLines } from './allocate-order-lines';
import { ALLOCATABLE } from './manual-allocation';
import { addOrderEvent, getOrderDetail, orderHeader } from './order-store';

/**
 * Stock has arrived for an order's backorder: reserve its open lines again by the same rule as
 * at confirmation. Free goods still waiting follow the paid units reserved now. The new
 * reservations go on the next pick list. Nothing in stock yet is refused and writes nothing.
 */
export function fillBackorders(ctx: EngineContext, orderId: number) {
  const order = orderHeader(ctx, orderId);
  if (!ALLOCATABLE.includes(order.status)) {
    throw conflict(
      `Order ${order.number ?? order.id} is ${order.status.replace('_', ' ')}; only a confirmed order's backorder can be filled`,
      'id',
    );
  }
  const { allocated, short } = allocateOpenLines(ctx, orderId);
  if (allocated === 0)
    throw conflict(
      `Nothing on backorder for ${order.number} can be reserved yet: no stock the customer may receive`,
      'id',
    );
  addOrderEvent(
    ctx,
    orderId,
    'allocated',
    `Backorder filled: ${allocated} units reserved${short > 0 ? `, ${short} still on backorder` : ''}`,
  );
  recordAudit(ctx, 'allocate', 'order', orderId, { allocated, short });
  return getOrderDetail(ctx, orderId);
}
