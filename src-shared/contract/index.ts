import type { z } from 'zod';
import { companyOperations } from './company';
import { customerOperations } from './customers';
import { inventoryOperations } from './inventory';
import { orderOperations } from './orders';
import { fulfilmentOperations } from './fulfilment';
import { billingOperations } from './billing';
import { reportOperations } from './reports';
import { pricingOperations } from './pricing';
import { productOperations } from './products';
import { syncOperations } from './sync';
import { userOperations } from './users';
import { warehouseOperations } from './warehouses';
import { purchasingOperations } from './purchasing';
import { purchaseInvoiceOperations } from './purchase-invoices';
import { payablesOperations } from './payables';
import { purchaseOrderOperations } from './purchase-orders';
import { brandReturnOperations } from './brand-returns';
import { valuationOperations } from './valuation';
import { backupOperations } from './backups';
import { deviceOperations } from './devices';
import { importOperations } from './imports';
import { tallyOperations } from './tally';
import { einvoiceOperations } from './einvoice';
import { gstr1Operations } from './gstr1';
import { ledgerHealthOperations } from './ledger-health';
import { ewayBillOperations } from './eway-bills';
import { approvalTimeOperations } from './approval-time';
import { approvalOperations } from './approvals';
import { channelRebateOperations } from './channel-rebates';
import { claimOperations } from './channel-claims';
import { channelStockOperations } from './channel-stock';
import { forecastOperations } from './channel-forecast';
import { channelShippingOperations } from './channel-shipping';
import { endBuyerOperations } from './channel-end-buyer';

/** The one contract both transports serve. Adding an operation here makes TypeScript demand a handler. */
export const contract = {
  ...userOperations,
  ...companyOperations,
  ...customerOperations,
  ...productOperations,
  ...warehouseOperations,
  ...inventoryOperations,
  ...orderOperations,
  ...pricingOperations,
  ...fulfilmentOperations,
  ...billingOperations,
  ...reportOperations,
  ...syncOperations,
  ...purchasingOperations,
  ...purchaseInvoiceOperations,
  ...payablesOperations,
  ...purchaseOrderOperations,
  ...brandReturnOperations,
  ...valuationOperations,
  ...backupOperations,
  ...deviceOperations,
  ...importOperations,
  ...tallyOperations,
  ...einvoiceOperations,
  ...gstr1Operations,
  ...ledgerHealthOperations,
  ...ewayBillOperations,
  ...approvalTimeOperations,
  ...approvalOperations,
  ...channelRebateOperations,
  ...claimOperations,
  ...channelStockOperations,
  ...forecastOperations,
  ...channelShippingOperations,
  ...endBuyerOperations,
};

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export type InputOf<N extends OperationName> = z.input<Contract[N]['input']>;
export type ParsedInputOf<N extends OperationName> = z.output<Contract[N]['input']>;
export type OutputOf<N extends OperationName> = z.output<Contract[N]['output']>;

export function isOperationName(name: string): name is OperationName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export * from './define';
