import type { OperationName } from '../../src-shared/contract';
import { companyReadiness, demoSignIns } from '../engine/company/company-readiness';
import { customerOperations } from '../../src-shared/contract/customers';
import { productOperations } from '../../src-shared/contract/products';
import { userOperations } from '../../src-shared/contract/users';
import { companyOperations } from '../../src-shared/contract/company';
import { warehouseOperations } from '../../src-shared/contract/warehouses';
import { inventoryOperations } from '../../src-shared/contract/inventory';
import { adjustStock } from '../engine/inventory/adjust-stock';
import { checkStock } from '../engine/inventory/check-balances';
import { getInventorySettings, updateInventorySettings } from '../engine/inventory/inventory-settings';
import { receiveGoods } from '../engine/inventory/receive-goods';
import { listStock, movementHistory, reservationsOfBatch } from '../engine/inventory/stock-views';
import { listTransfers, receiveTransfer, sendTransfer } from '../engine/inventory/transfers';
import { listAudit } from '../engine/audit';
import { getCompany, updateCompany, companyName } from '../engine/company/company-service';
import { createCustomer, getCustomer, updateCustomer } from '../engine/customers/customer-service';
import { createCustomerType, listCustomerTypes, updateCustomerType } from '../engine/customers/customer-types';
import { listCustomers } from '../engine/customers/list-customers';
import {
  createProduct,
  findByBarcode,
  getProduct,
  productFacets,
  updateProduct,
} from '../engine/catalog/product-service';
import { importCustomers, importOpeningStock, importProducts } from '../engine/imports/start-import';
import { importHandlers } from '../engine/imports/import-operations';
import { listProducts } from '../engine/catalog/list-products';
import { createWarehouse, listWarehouses, updateWarehouse } from '../engine/inventory/warehouse-service';
import { initialize } from '../engine/users/setup';
import { changeOwnPassword, signIn } from '../engine/users/sign-in';
import {
  assignableUsers,
  createUser,
  getUser,
  listUsers,
  logout,
  updateUser,
  userCount,
} from '../engine/users/user-service';
import { orderOperations } from '../../src-shared/contract/orders';
import { pricingOperations } from '../../src-shared/contract/pricing';
import {
  cancelOrder,
  decideApproval,
  listApprovals,
  listNotifications,
  markNotificationsRead,
} from '../engine/orders/order-actions';
import { getOrderDetail, saveOrder } from '../engine/orders/order-store';
import { listOrders } from '../engine/orders/list-orders';
import { placeOrder } from '../engine/orders/place-order';
import { allocateManually, lineBatches } from '../engine/orders/manual-allocation';
import { fillBackorders } from '../engine/orders/fill-backorders';
import { priceOrder } from '../engine/orders/price-order';
import { createPriceList, listPriceLists, setPriceListActive } from '../engine/pricing/price-list-service';
import { createScheme, getScheme, listSchemes, setSchemeActive } from '../engine/schemes/scheme-service';
import { fulfilmentOperations } from '../../src-shared/contract/fulfilment';
import { createPickList, getPickList, listPickLists, ordersReadyToPick } from '../engine/fulfilment/pick-lists';
import { completePickList, scanForPicking, setPicked, shortPick } from '../engine/fulfilment/picking';
import { pickListPdf } from '../documents/pick-list-pdf';
import { deliverable, getDeliveryNote, postDeliveryNote } from '../engine/fulfilment/delivery-notes';
import { billingOperations } from '../../src-shared/contract/billing';
import { postInvoice } from '../engine/billing/post-invoice';
import { getInvoice } from '../engine/billing/invoice-view';
import { approvalsForCaller, invoiceForCaller, orderForCaller, quoteForCaller } from '../engine/margin/hide-cost';
import { invoicePdf } from '../documents/invoice-pdf';
import { deliveryChallanPdf } from '../documents/delivery-challan-pdf';
import { receiptPdf } from '../documents/receipt-pdf';
import { counterSale, counterStart } from '../engine/billing/counter-sale';
import { defaultWarehouse } from '../engine/orders/default-warehouse';
import { postCreditNote } from '../engine/billing/credit-notes';
import { customerLedger, receivablesAgeing } from '../engine/receivables/customer-ledger';
import { confirmDelivery, createDispatch, notesToDispatch, openDispatches } from '../engine/fulfilment/dispatch';
import { deliveryNotePdf, dispatchSheetPdf, statementPdf } from '../documents/delivery-documents-pdf';
import { listInvoices, notesToInvoice, ordersToDeliver } from '../engine/billing/billing-lists';
import { recordPayment } from '../engine/payments/record-payment';
import { listPayments, reversePayment } from '../engine/payments/reverse-payment';
import { cancelInvoice } from '../engine/billing/cancel-invoice';
import { reportOperations } from '../../src-shared/contract/reports';
import { runReport } from '../engine/reports/report-registry';
import { dashboard } from '../engine/dashboard/dashboard';
import { ask } from '../engine/assistant/ask';
import { exportFile } from '../engine/reports/export-report';
import { exportOrders } from '../engine/orders/export-orders';
import { syncOperations } from '../../src-shared/contract/sync';
import {
  enrolWithHq,
  parkedEvents,
  resendParked,
  setSyncEnabled,
  skipParked,
  syncNow,
  syncStatus,
} from '../engine/sync/sync-admin';
import { publishClosingStock } from '../engine/sync/payloads/closing-stock-payload';
import { receiveShipment, shipmentsInTransit } from '../engine/sync/primary-shipments';
import { supplierHandlers } from '../engine/purchasing/supplier-operations';
import { purchaseInvoiceHandlers } from '../engine/purchasing/purchase-invoice-operations';
import { payablesHandlers } from '../engine/payables/payables-operations';
import { purchaseOrderHandlers } from '../engine/purchasing/purchase-order-operations';
import { valuationHandlers } from '../engine/inventory/valuation-operations';
import type { HandlerTable } from './handler-types';

const userHandlers: HandlerTable<keyof typeof userOperations> = {
  'setup.status': (_, ctx) => ({
    needsSetup: userCount(ctx) === 0,
    companyName: companyName(ctx),
    demoUsers: demoSignIns(ctx),
  }),
  'setup.initialize': (input, ctx) => initialize(ctx, input),
  'auth.login': (input, ctx) => signIn(ctx, input),
  'auth.logout': (_, ctx) => logout(ctx, ctx.sessionToken),
  'auth.me': (_, ctx) => (ctx.actor ? getUser(ctx, ctx.actor.id) : null),
  'auth.changePassword': (input, ctx) => changeOwnPassword(ctx, input),
  'users.list': (_, ctx) => listUsers(ctx),
  'users.assignable': (_, ctx) => assignableUsers(ctx),
  'users.create': (input, ctx) => createUser(ctx, input),
  'users.update': (input, ctx) => updateUser(ctx, input),
  'audit.list': (input, ctx) => listAudit(ctx, input),
};

const companyHandlers: HandlerTable<keyof typeof companyOperations> = {
  'company.get': (_, ctx) => getCompany(ctx),
  'company.readiness': (_, ctx) => companyReadiness(ctx),
  'company.update': (input, ctx) => updateCompany(ctx, input),
};

const customerHandlers: HandlerTable<keyof typeof customerOperations> = {
  'customers.list': (input, ctx) => listCustomers(ctx, input),
  'customers.get': (input, ctx) => getCustomer(ctx, input.id),
  'customers.create': (input, ctx) => createCustomer(ctx, input),
  'customers.update': (input, ctx) => updateCustomer(ctx, input),
  'customers.import': (input, ctx) => importCustomers(ctx, input.csv, input.mode),
  'customerTypes.list': (_, ctx) => listCustomerTypes(ctx),
  'customerTypes.create': (input, ctx) => createCustomerType(ctx, input),
  'customerTypes.update': (input, ctx) => updateCustomerType(ctx, input),
};

const productHandlers: HandlerTable<keyof typeof productOperations> = {
  'products.list': (input, ctx) => listProducts(ctx, input),
  'products.get': (input, ctx) => getProduct(ctx, input.id),
  'products.findByBarcode': (input, ctx) => findByBarcode(ctx, input.barcode),
  'products.create': (input, ctx) => createProduct(ctx, input),
  'products.update': (input, ctx) => updateProduct(ctx, input),
  'products.import': (input, ctx) => importProducts(ctx, input.csv, input.mode),
  'products.facets': (_, ctx) => productFacets(ctx),
};

const warehouseHandlers: HandlerTable<keyof typeof warehouseOperations> = {
  'warehouses.list': (input, ctx) => listWarehouses(ctx, input.includeInactive),
  'warehouses.create': (input, ctx) => createWarehouse(ctx, input),
  'warehouses.update': (input, ctx) => updateWarehouse(ctx, input),
};

const inventoryHandlers: HandlerTable<keyof typeof inventoryOperations> = {
  'inventory.stock': (input, ctx) => listStock(ctx, input),
  'inventory.movements': (input, ctx) => movementHistory(ctx, input),
  'inventory.reservations': (input, ctx) => reservationsOfBatch(ctx, input.warehouseId, input.batchId),
  'inventory.receive': (input, ctx) => receiveGoods(ctx, input),
  'inventory.adjust': (input, ctx) => adjustStock(ctx, input),
  'inventory.transfer': (input, ctx) => sendTransfer(ctx, input),
  'inventory.receiveTransfer': (input, ctx) => receiveTransfer(ctx, input.id),
  'inventory.transfers': (input, ctx) => listTransfers(ctx, input.status),
  'documents.deliveryChallan': (input, ctx) => deliveryChallanPdf(ctx, input.id),
  'inventory.importOpening': (input, ctx) => importOpeningStock(ctx, input.csv, input.mode),
  'inventory.check': (_, ctx) => checkStock(ctx),
  'inventory.settings': (_, ctx) => getInventorySettings(ctx),
  'inventory.updateSettings': (input, ctx) => updateInventorySettings(ctx, input),
};

const orderHandlers: HandlerTable<keyof typeof orderOperations> = {
  'orders.defaultWarehouse': (input, ctx) => defaultWarehouse(ctx, input.customerId),
  'orders.quote': (input, ctx) => {
    const { customerRow: _c, lineTaxInclusive: _t, ...quote } = priceOrder(ctx, input);
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
  'approvals.list': (input, ctx) => approvalsForCaller(ctx, listApprovals(ctx, input.status)),
  'approvals.decide': (input, ctx) => decideApproval(ctx, input),
  'notifications.list': (_, ctx) => listNotifications(ctx),
  'notifications.markRead': (input, ctx) => markNotificationsRead(ctx, input.ids),
};

const pricingHandlers: HandlerTable<keyof typeof pricingOperations> = {
  'priceLists.list': (_, ctx) => listPriceLists(ctx),
  'priceLists.create': (input, ctx) => createPriceList(ctx, input),
  'priceLists.setActive': (input, ctx) => setPriceListActive(ctx, input.id, input.active),
  'schemes.list': (_, ctx) => listSchemes(ctx),
  'schemes.create': (input, ctx) => createScheme(ctx, input),
  'schemes.setActive': (input, ctx) => setSchemeActive(ctx, input.id, input.active),
  'schemes.get': (input, ctx) => getScheme(ctx, input.id),
};

const fulfilmentHandlers: HandlerTable<keyof typeof fulfilmentOperations> = {
  'picking.readyOrders': (input, ctx) => ordersReadyToPick(ctx, input.warehouseId),
  'picking.create': (input, ctx) => createPickList(ctx, input),
  'picking.list': (input, ctx) => listPickLists(ctx, input.status),
  'picking.get': (input, ctx) => getPickList(ctx, input.id),
  'picking.scan': (input, ctx) => scanForPicking(ctx, input),
  'picking.setPicked': (input, ctx) => setPicked(ctx, input),
  'picking.short': (input, ctx) => shortPick(ctx, input),
  'picking.complete': (input, ctx) => completePickList(ctx, input.id),
  'deliveryNotes.deliverable': (input, ctx) => deliverable(ctx, input.orderId),
  'deliveryNotes.post': (input, ctx) => postDeliveryNote(ctx, input),
  'deliveryNotes.get': (input, ctx) => getDeliveryNote(ctx, input.id),
  'documents.pickList': (input, ctx) => pickListPdf(ctx, input.id),
};

const billingHandlers: HandlerTable<keyof typeof billingOperations> = {
  'invoices.post': (input, ctx) => postInvoice(ctx, input),
  'invoices.get': (input, ctx) => invoiceForCaller(ctx, getInvoice(ctx, input.id)),
  'billing.toDeliver': (_, ctx) => ordersToDeliver(ctx),
  'billing.toInvoice': (_, ctx) => notesToInvoice(ctx),
  'invoices.list': (input, ctx) => listInvoices(ctx, input),
  'counter.start': (_, ctx) => counterStart(ctx),
  'counter.sale': (input, ctx) => counterSale(ctx, input),
  'documents.receipt': (input, ctx) =>
    receiptPdf(ctx, input.id, input.tendered === null ? null : { tendered: input.tendered }),
  'creditNotes.post': (input, ctx) => postCreditNote(ctx, input),
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

const reportHandlers: HandlerTable<keyof typeof reportOperations> = {
  'assistant.ask': (input, ctx) => ask(ctx, input.question),
  'dashboard.get': (input, ctx) => dashboard(ctx, input),
  'reports.run': (input, ctx) => runReport(ctx, input.report, input.filters, input.sort),
  'reports.export': (input, ctx) =>
    exportFile(
      ctx,
      runReport(ctx, input.report, input.filters, null),
      input.format,
      `${input.report}-${input.filters.from}-${input.filters.to}`,
      `${input.filters.from} to ${input.filters.to}`,
    ),
};

const syncHandlers: HandlerTable<keyof typeof syncOperations> = {
  'sync.status': (_, ctx) => syncStatus(ctx),
  'sync.enrol': (input, ctx) => enrolWithHq(ctx, input),
  'sync.setEnabled': (input, ctx) => setSyncEnabled(ctx, input.enabled),
  'sync.now': (_, ctx) => syncNow(ctx),
  'sync.parked': (_, ctx) => parkedEvents(ctx),
  'sync.resend': (input, ctx) => resendParked(ctx, input.seq),
  'sync.skip': (input, ctx) => skipParked(ctx, input.seq, input.reason),
  'sync.closingStock': (input, ctx) => ({ snapshots: publishClosingStock(ctx, input.businessDate) }),
  'shipments.inTransit': (_, ctx) => shipmentsInTransit(ctx),
  'shipments.receive': (input, ctx) => receiveShipment(ctx, input),
};

/** Every contract operation bound to its engine function; TypeScript refuses a missing one. */
/**
 * These open their own short write transactions: sign-in checks a password off the main thread first; imports
 * check the file in a read worker, then write it a few hundred rows per transaction.
 */
export const ownTransaction: ReadonlySet<string> = new Set([
  'auth.login',
  'auth.changePassword',
  'products.import',
  'customers.import',
  'inventory.importOpening',
  'supplierRates.import',
  'imports.resume',
]);

export const handlers: HandlerTable<OperationName> = {
  ...userHandlers,
  ...companyHandlers,
  ...customerHandlers,
  ...productHandlers,
  ...warehouseHandlers,
  ...inventoryHandlers,
  ...orderHandlers,
  ...pricingHandlers,
  ...fulfilmentHandlers,
  ...billingHandlers,
  ...reportHandlers,
  ...syncHandlers,
  ...supplierHandlers,
  ...purchaseInvoiceHandlers,
  ...payablesHandlers,
  ...purchaseOrderHandlers,
  ...valuationHandlers,
  ...importHandlers,
};
