import type { tallyOperations } from '../../../../src-shared/contract/tally';
import type { HandlerTable } from '../../../api/handler-types';
import { exportMasters, exportVouchers } from './tally-export';
import { listPartyNames, ratesBilled, readMapping, saveMapping, setPartyName } from './tally-mapping';

/** The accountant's Tally: the ledger mapping and the import files, bound next to the builders. */
export const tallyHandlers: HandlerTable<keyof typeof tallyOperations> = {
  'tally.mapping': (_, ctx) => ({ ...readMapping(ctx), ratesBilled: ratesBilled(ctx), parties: listPartyNames(ctx) }),
  'tally.saveMapping': (input, ctx) => saveMapping(ctx, input),
  'tally.setPartyName': (input, ctx) => setPartyName(ctx, input),
  'tally.exportVouchers': (input, ctx) => exportVouchers(ctx, input),
  'tally.exportMasters': (_, ctx) => exportMasters(ctx),
};
