import type { OrderListInput } from '../../src-main/engine/orders/list-orders';

/** The orders list as the screen first asks for it: no filter, newest first, `limit` rows. */
export function orderListInput(limit = 100): OrderListInput {
  return {
    search: '',
    status: '',
    statuses: [],
    paymentStatus: '',
    customerId: null,
    stateCode: '',
    city: '',
    from: '',
    to: '',
    createdBy: null,
    sort: 'date',
    dir: 'desc',
    offset: 0,
    limit,
  };
}
