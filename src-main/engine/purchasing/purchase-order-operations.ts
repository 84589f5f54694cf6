import type { brandReturnOperations } from '../../../src-shared/contract/brand-returns';
import type { purchaseOrderOperations } from '../../../src-shared/contract/purchase-orders';
import type { HandlerTable } from '../../api/handler-types';
import { debitNotePdf } from '../../documents/debit-note-pdf';
import { purchaseOrderCsv, purchaseOrderPdf } from '../../documents/purchase-order-pdf';
import { getBrandReturn, listBrandReturns } from './brand-return-view';
import { postBrandReturn, recordBrandClaim } from './brand-returns';
import {
  cancelPurchaseOrder,
  createPurchaseOrder,
  sendPurchaseOrder,
  updatePurchaseOrder,
} from './purchase-order-service';
import { getPurchaseOrder, listPurchaseOrders } from './purchase-order-view';
import { listStockNorms, setStockNorm } from './stock-norms';
import { suggestOrder } from './suggested-order';
import { importSupplierRates } from '../imports/start-import';
import { listSupplierRates, removeSupplierRate, setSupplierRate } from './supplier-rates';

/** Buying from the brand: price lists, purchase orders with the suggested order, and returns to the brand. */
export const purchaseOrderHandlers: HandlerTable<
  keyof typeof purchaseOrderOperations | keyof typeof brandReturnOperations
> = {
  'supplierRates.list': (input, ctx) => listSupplierRates(ctx, input.supplierId),
  'supplierRates.set': (input, ctx) => setSupplierRate(ctx, input),
  'supplierRates.remove': (input, ctx) => removeSupplierRate(ctx, input.supplierId, input.productId),
  'supplierRates.import': (input, ctx) => importSupplierRates(ctx, input.supplierId, input.csv, input.mode),
  'purchaseOrders.list': (input, ctx) => listPurchaseOrders(ctx, input),
  'purchaseOrders.get': (input, ctx) => getPurchaseOrder(ctx, input.id),
  'purchaseOrders.create': (input, ctx) => createPurchaseOrder(ctx, input),
  'purchaseOrders.update': (input, ctx) => updatePurchaseOrder(ctx, input),
  'purchaseOrders.send': (input, ctx) => sendPurchaseOrder(ctx, input.id),
  'purchaseOrders.cancel': (input, ctx) => cancelPurchaseOrder(ctx, input.id, input.reason),
  'purchaseOrders.suggest': (input, ctx) => suggestOrder(ctx, input),
  'documents.purchaseOrder': (input, ctx) =>
    input.format === 'csv' ? purchaseOrderCsv(ctx, input.id) : purchaseOrderPdf(ctx, input.id),
  'stockNorms.list': (input, ctx) => listStockNorms(ctx, input.warehouseId),
  'stockNorms.set': (input, ctx) => setStockNorm(ctx, input),
  'brandReturns.list': (input, ctx) => listBrandReturns(ctx, input.supplierId),
  'brandReturns.get': (input, ctx) => getBrandReturn(ctx, input.id),
  'brandReturns.post': (input, ctx) => postBrandReturn(ctx, input),
  'brandReturns.recordClaim': (input, ctx) => recordBrandClaim(ctx, input),
  'documents.debitNote': (input, ctx) => debitNotePdf(ctx, input.id),
};
