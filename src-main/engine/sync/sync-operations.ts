import type { syncOperations } from '../../../src-shared/contract/sync';
import type { HandlerTable } from '../../api/handler-types';
import { publishClosingStock } from './payloads/closing-stock-payload';
import { receiveShipment, shipmentsInTransit } from './primary-shipments';
import { enrolWithHq, parkedEvents, resendParked, setSyncEnabled, skipParked, syncNow, syncStatus } from './sync-admin';

/** Sync with head office and primary shipments. Joined with the other parts in api/handlers.ts. */
export const syncHandlers: HandlerTable<keyof typeof syncOperations> = {
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
