import type { channelShippingOperations } from '../../../../src-shared/contract/channel-shipping';
import type { HandlerTable } from '../../../api/handler-types';
import { customerTerms, orderTerms, saveCustomerTerms, saveOrderTerms } from './shipping-terms';

/** Shipping terms (issue #16 point 2), bound next to their engine code and joined in api/handlers.ts. */
export const shippingHandlers: HandlerTable<keyof typeof channelShippingOperations> = {
  'shipping.customerTerms': (input, ctx) => customerTerms(ctx, input.customerId),
  'shipping.saveCustomerTerms': (input, ctx) => saveCustomerTerms(ctx, input),
  'shipping.orderTerms': (input, ctx) => orderTerms(ctx, input.orderId),
  'shipping.saveOrderTerms': (input, ctx) => saveOrderTerms(ctx, input),
};
