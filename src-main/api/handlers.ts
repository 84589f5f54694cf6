import { backupHandlers } from '../engine/backups/backup-operations';
import { billingHandlers } from '../engine/billing/billing-operations';
import { productHandlers } from '../engine/catalog/product-operations';
import { companyHandlers } from '../engine/company/company-operations';
import { customerHandlers } from '../engine/customers/customer-operations';
import { fulfilmentHandlers } from '../engine/fulfilment/fulfilment-operations';
import { inventoryHandlers } from '../engine/inventory/inventory-operations';
import { valuationHandlers } from '../engine/inventory/valuation-operations';
import { warehouseHandlers } from '../engine/inventory/warehouse-operations';
import { orderHandlers } from '../engine/orders/order-operations';
import { payablesHandlers } from '../engine/payables/payables-operations';
import { pricingHandlers } from '../engine/pricing/pricing-operations';
import { purchaseInvoiceHandlers } from '../engine/purchasing/purchase-invoice-operations';
import { purchaseOrderHandlers } from '../engine/purchasing/purchase-order-operations';
import { supplierHandlers } from '../engine/purchasing/supplier-operations';
import { reportHandlers } from '../engine/reports/report-operations';
import { syncHandlers } from '../engine/sync/sync-operations';
import { deviceHandlers } from '../engine/users/device-operations';
import { importHandlers } from '../engine/imports/import-operations';
import { ledgerHealthHandlers } from '../engine/ledger-health/ledger-health-operations';
import { userHandlers } from '../engine/users/user-operations';
import { tallyHandlers } from '../engine/formats/tally/tally-operations';
import { einvoiceHandlers } from '../engine/formats/einvoice/einvoice-operations';
import { gstr1Handlers } from '../engine/formats/gstr1/gstr1-operations';
import { ewayBillHandlers } from '../engine/formats/ewaybill/ewaybill-operations';
import { calendarHandlers } from '../engine/calendar/calendar-operations';
import { delegationHandlers } from '../engine/approvals/delegation-operations';
import { notificationHandlers } from '../engine/notifications/notification-operations';
import { joinParts } from './join-parts';
import { claimHandlers } from '../engine/channel/claims/claims-operations';
import { approvalHandlers } from '../engine/approvals/approval-operations';
import { rebateHandlers } from '../engine/channel/rebates/rebate-operations';
import { channelStockHandlers } from '../engine/channel/channel-stock/channel-stock-operations';
import { forecastHandlers } from '../engine/channel/forecast/forecast-operations';
import { shippingHandlers } from '../engine/channel/shipping/shipping-operations';
import { endBuyerHandlers } from '../engine/channel/end-buyer/end-buyer-operations';

export { ownTransaction } from '../engine/users/user-operations';

/**
 * Every contract operation bound to its engine function: each part binds its own in `<part>-operations.ts` and is
 * listed here once. TypeScript refuses a missing operation; one bound twice stops the app at start-up.
 */
export const handlers = joinParts({
  userHandlers,
  companyHandlers,
  customerHandlers,
  productHandlers,
  warehouseHandlers,
  inventoryHandlers,
  orderHandlers,
  pricingHandlers,
  fulfilmentHandlers,
  billingHandlers,
  reportHandlers,
  syncHandlers,
  supplierHandlers,
  purchaseInvoiceHandlers,
  payablesHandlers,
  purchaseOrderHandlers,
  valuationHandlers,
  backupHandlers,
  deviceHandlers,
  importHandlers,
  tallyHandlers,
  einvoiceHandlers,
  gstr1Handlers,
  ledgerHealthHandlers,
  ewayBillHandlers,
  calendarHandlers,
  delegationHandlers,
  notificationHandlers,
  approvalHandlers,
  rebateHandlers,
  claimHandlers,
  channelStockHandlers,
  forecastHandlers,
  shippingHandlers,
  endBuyerHandlers,
});
