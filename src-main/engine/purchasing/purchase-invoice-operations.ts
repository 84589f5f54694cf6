import type { purchaseInvoiceOperations } from '../../../src-shared/contract/purchase-invoices';
import type { HandlerTable } from '../../api/handler-types';
import { cancelPurchaseInvoice } from './cancel-purchase-invoice';
import { postPurchaseInvoice } from './post-purchase-invoice';
import { getPurchaseInvoice, listPurchaseInvoices } from './purchase-invoice-view';
import { exportPurchaseRegister } from './purchase-register';
import { workPurchaseInvoice } from './work-purchase-invoice';

/** The brand's invoices and the purchase register, bound next to their engine code. */
export const purchaseInvoiceHandlers: HandlerTable<keyof typeof purchaseInvoiceOperations> = {
  'purchaseInvoices.preview': (input, ctx) => {
    const { receivedOnOrder: _r, supplierName: _s, ...worked } = workPurchaseInvoice(ctx, input);
    return worked;
  },
  'purchaseInvoices.post': (input, ctx) => postPurchaseInvoice(ctx, input),
  'purchaseInvoices.get': (input, ctx) => getPurchaseInvoice(ctx, input.id),
  'purchaseInvoices.list': (input, ctx) => listPurchaseInvoices(ctx, input),
  'purchaseInvoices.cancel': (input, ctx) => cancelPurchaseInvoice(ctx, input),
  'purchaseRegister.export': (input, ctx) => exportPurchaseRegister(ctx, input),
};
