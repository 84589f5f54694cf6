import type { pricingOperations } from '../../../src-shared/contract/pricing';
import type { HandlerTable } from '../../api/handler-types';
import { createScheme, getScheme, listSchemes, setSchemeActive } from '../schemes/scheme-service';
import { createPriceList, listPriceLists, setPriceListActive } from './price-list-service';

/** Price lists and schemes. Joined with the other parts in api/handlers.ts. */
export const pricingHandlers: HandlerTable<keyof typeof pricingOperations> = {
  'priceLists.list': (_, ctx) => listPriceLists(ctx),
  'priceLists.create': (input, ctx) => createPriceList(ctx, input),
  'priceLists.setActive': (input, ctx) => setPriceListActive(ctx, input.id, input.active),
  'schemes.list': (_, ctx) => listSchemes(ctx),
  'schemes.create': (input, ctx) => createScheme(ctx, input),
  'schemes.setActive': (input, ctx) => setSchemeActive(ctx, input.id, input.active),
  'schemes.get': (input, ctx) => getScheme(ctx, input.id),
};
