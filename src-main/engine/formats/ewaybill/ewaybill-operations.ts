import type { ewayBillOperations } from '../../../../src-shared/contract/eway-bills';
import type { HandlerTable } from '../../../api/handler-types';
import {
  customerDistance,
  listTransporters,
  saveTransporter,
  setCustomerDistance,
} from '../../fulfilment/transporters';
import { exportEwayBills } from './ewaybill-export';
import { importEwayBills } from './ewaybill-import';

/** E-way bills out and back, and the transport masters they need. Joined with the other parts in api/handlers.ts. */
export const ewayBillHandlers: HandlerTable<keyof typeof ewayBillOperations> = {
  'transporters.list': (_input, ctx) => listTransporters(ctx),
  'transporters.save': (input, ctx) => saveTransporter(ctx, input),
  'customers.distance': (input, ctx) => customerDistance(ctx, input.customerId),
  'customers.setDistance': (input, ctx) => setCustomerDistance(ctx, input),
  'ewayBills.export': (input, ctx) => exportEwayBills(ctx, input),
  'ewayBills.import': (input, ctx) => importEwayBills(ctx, input),
};
