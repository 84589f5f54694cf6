import type { ledgerHealthOperations } from '../../../src-shared/contract/ledger-health';
import type { HandlerTable } from '../../api/handler-types';

/** The background check's finding, read from the ledger the dispatcher also consults before each write. */
export const ledgerHealthHandlers: HandlerTable<keyof typeof ledgerHealthOperations> = {
  'ledger.health': (_, ctx) => {
    const health = ctx.ledger.health ?? { state: 'ok' as const, message: null };
    return { state: health.state, message: health.message };
  },
};
