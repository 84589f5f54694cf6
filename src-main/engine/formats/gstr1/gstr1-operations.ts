import type { gstr1Operations } from '../../../../src-shared/contract/gstr1';
import type { HandlerTable } from '../../../api/handler-types';
import { gstr1Export, gstr1Summary } from './gstr1-service';

/** GSTR-1: the return's summary with its reconciliation, and the file. Joined in api/handlers.ts. */
export const gstr1Handlers: HandlerTable<keyof typeof gstr1Operations> = {
  'gstr1.summary': (input, ctx) => gstr1Summary(ctx, input),
  'gstr1.export': (input, ctx) => gstr1Export(ctx, input),
};
