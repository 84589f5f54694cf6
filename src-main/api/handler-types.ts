import type { OperationName, OutputOf, ParsedInputOf } from '../../src-shared/contract';
import type { EngineContext } from '../engine/context';
import type { LedgerHost } from '../engine/backups/restore-backup';

/** What a handler sees besides its input: the engine context and the caller's session token. */
export interface CallContext extends EngineContext {
  sessionToken?: string;
  /** The caller's network address (HTTP) or 'local' (IPC): sign-in throttling counts by it. */
  remoteAddress?: string;
  /** The process holding the ledger (absent in a read worker): a restore swaps the file through it. */
  host?: LedgerHost;
}

export type Handler<N extends OperationName> = (
  input: ParsedInputOf<N>,
  ctx: CallContext,
) => OutputOf<N> | Promise<OutputOf<N>>;
export type HandlerTable<N extends OperationName> = { [K in N]: Handler<K> };
