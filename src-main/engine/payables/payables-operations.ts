import type { payablesOperations } from '../../../src-shared/contract/payables';
import type { HandlerTable } from '../../api/handler-types';
import { paySupplier } from './pay-supplier';
import { openPurchaseInvoices, payablesAgeing, supplierLedger, tdsPayable } from './supplier-account';

/** What the distributor owes its suppliers and pays them, bound next to the engine code. */
export const payablesHandlers: HandlerTable<keyof typeof payablesOperations> = {
  'payables.ledger': (input, ctx) => supplierLedger(ctx, input),
  'payables.openInvoices': (input, ctx) => openPurchaseInvoices(ctx, input.supplierId),
  'payables.pay': (input, ctx) => paySupplier(ctx, input),
  'payables.ageing': (input, ctx) => payablesAgeing(ctx, input),
  'payables.tds': (input, ctx) => tdsPayable(ctx, input),
};
