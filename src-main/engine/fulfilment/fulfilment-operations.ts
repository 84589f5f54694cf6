import type { fulfilmentOperations } from '../../../src-shared/contract/fulfilment';
import type { HandlerTable } from '../../api/handler-types';
import { pickListPdf } from '../../documents/pick-list-pdf';
import { deliverable, getDeliveryNote, postDeliveryNote } from './delivery-notes';
import { createPickList, getPickList, listPickLists, ordersReadyToPick } from './pick-lists';
import { completePickList, scanForPicking, setPicked, shortPick } from './picking';

/** Picking and delivery notes. Joined with the other parts in api/handlers.ts. */
export const fulfilmentHandlers: HandlerTable<keyof typeof fulfilmentOperations> = {
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
