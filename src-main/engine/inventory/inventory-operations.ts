import type { inventoryOperations } from '../../../src-shared/contract/inventory';
import type { HandlerTable } from '../../api/handler-types';
import { deliveryChallanPdf } from '../../documents/delivery-challan-pdf';
import { adjustStock } from './adjust-stock';
import { checkStock } from './check-balances';
import { importOpeningStock } from '../imports/start-import';
import { getInventorySettings, updateInventorySettings } from './inventory-settings';
import { receiveGoods } from './receive-goods';
import { listStock, movementHistory, reservationsOfBatch } from './stock-views';
import { listTransfers, receiveTransfer, sendTransfer } from './transfers';

/** Stock: receipts, adjustments, transfers, opening stock, checks. Joined with the other parts in api/handlers.ts. */
export const inventoryHandlers: HandlerTable<keyof typeof inventoryOperations> = {
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
