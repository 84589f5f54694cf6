import type { orderOperations } from '../../../src-shared/contract/orders';
import type { HandlerTable } from '../../api/handler-types';
import { orderForCaller, quoteForCaller } from '../margin/hide-cost';
import { defaultWarehouse } from './default-warehouse';
import { exportOrders } from './export-orders';
import { fillBackorders } from './fill-backorders';
import { listOrders } from './list-orders';
import { allocateManually, lineBatches } from './manual-allocation';
import { cancelOrder } from './order-actions';
import { getOrderDetail, saveOrder } from './order-store';
import { placeOrder } from './place-order';
import { priceOrder } from './price-order';

/** Sales orders. Joined with the other parts in api/handlers.ts (approvals and notifications are parts of their own). */
export const orderHandlers: HandlerTable<keyof typeof orderOperations> = {
  'orders.defaultWarehouse': (input, ctx) => defaultWarehouse(ctx, input.customerId),
  'orders.quote': (input, ctx) => {
    const { customerRow: _c, lineTaxInclusive: _t, approvalNeeds: _n, ...quote } = priceOrder(ctx, input);
    return quoteForCaller(ctx, quote);
  },
  'orders.saveDraft': (input, ctx) =>
    orderForCaller(ctx, getOrderDetail(ctx, saveOrder(ctx, input, priceOrder(ctx, input, input.id), input))),
  'orders.place': (input, ctx) => orderForCaller(ctx, getOrderDetail(ctx, placeOrder(ctx, input).id)),
  'orders.get': (input, ctx) => orderForCaller(ctx, getOrderDetail(ctx, input.id)),
  'orders.list': (input, ctx) => listOrders(ctx, input),
  'orders.export': (input, ctx) => exportOrders(ctx, input),
  'orders.cancel': (input, ctx) => orderForCaller(ctx, cancelOrder(ctx, input.id, input.reason)),
  'orders.lineBatches': (input, ctx) => lineBatches(ctx, input.orderLineId),
  'orders.allocateManually': (input, ctx) => allocateManually(ctx, input),
  'orders.fillBackorders': (input, ctx) => fillBackorders(ctx, input.id),
};
