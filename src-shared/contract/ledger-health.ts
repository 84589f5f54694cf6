import { z } from 'zod';
import { operation } from './define';

/** The ledger file's soundness, from the check that runs after start-up (every screen shows a damaged one). */
export const ledgerHealthOperations = {
  'ledger.health': operation({
    summary:
      'Whether the full check of the ledger file after start-up has run and what it found; a damaged ledger refuses writes (storage_unavailable) with this message.',
    access: 'public',
    kind: 'read',
    input: z.object({}),
    output: z.object({
      state: z.enum(['unchecked', 'checking', 'ok', 'damaged']),
      /** what is wrong and what to do, when damaged */
      message: z.string().nullable(),
    }),
  }),
};
