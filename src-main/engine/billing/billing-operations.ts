import type { billingOperations } from '../../../src-shared/contract/billing';
import type { HandlerTable } from '../../api/handler-types';
import { deliveryNotePdf, dispatchSheetPdf, statementPdf } from '../../documents/delivery-documents-pdf';
import { invoicePdf } from '../../documents/invoice-pdf';
import { receiptPdf } from '../../documents/receipt-pdf';
import { confirmDelivery, createDispatch, notesToDispatch, openDispatches } from '../fulfilment/dispatch';
import { invoiceForCaller } from '../margin/hide-cost';
import { recordPayment } from '../payments/record-payment';
import { listPayments, reversePayment } from '../payments/reverse-payment';
import { customerLedger, receivablesAgeing } from '../receivables/customer-ledger';
import { listInvoices, notesToInvoice, ordersToDeliver } from './billing-lists';
import { cancelInvoice } from './cancel-invoice';
import { counterSale, counterStart } from './counter-sale';
import { creditNoteOrHold } from './credit-notes';
import { getInvoice } from './invoice-view';
import { postInvoice } from './post-invoice';

/** Invoices, counter sales, credit notes, receivables, dispatch and payments; joined in api/handlers.ts. */
export const billingHandlers: HandlerTable<keyof typeof billingOperations> = {
  'invoices.post': (input, ctx) => postInvoice(ctx, input),
  'invoices.get': (input, ctx) => invoiceForCaller(ctx, getInvoice(ctx, input.id)),
  'billing.toDeliver': (_, ctx) => ordersToDeliver(ctx),
  'billing.toInvoice': (_, ctx) => notesToInvoice(ctx),
  'invoices.list': (input, ctx) => listInvoices(ctx, input),
  'counter.start': (_, ctx) => counterStart(ctx),
  'counter.sale': (input, ctx) => counterSale(ctx, input),
  'documents.receipt': (input, ctx) =>
    receiptPdf(ctx, input.id, input.tendered === null ? null : { tendered: input.tendered }),
  'creditNotes.post': (input, ctx) => creditNoteOrHold(ctx, input),
  'customers.ledger': (input, ctx) => customerLedger(ctx, input),
  'receivables.ageing': (input, ctx) => receivablesAgeing(ctx, input),
  'dispatches.create': (input, ctx) => createDispatch(ctx, input),
  'dispatches.confirmDelivery': (input, ctx) => confirmDelivery(ctx, input),
  'dispatches.pending': (input, ctx) => notesToDispatch(ctx, input),
  'dispatches.open': (_, ctx) => openDispatches(ctx),
  'documents.deliveryNote': (input, ctx) => deliveryNotePdf(ctx, input.id),
  'documents.dispatchSheet': (input, ctx) => dispatchSheetPdf(ctx, input.id),
  'documents.statement': (input, ctx) => statementPdf(ctx, input),
  'documents.invoice': (input, ctx) => invoicePdf(ctx, input.id),
  'payments.record': (input, ctx) => recordPayment(ctx, input),
  'invoices.cancel': (input, ctx) => cancelInvoice(ctx, input),
  'payments.list': (input, ctx) => listPayments(ctx, input),
  'payments.reverse': (input, ctx) => reversePayment(ctx, input),
};
