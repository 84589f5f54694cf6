import type { OperationName, OutputOf, ParsedInputOf } from '../../src-shared/contract';
import type { EngineContext } from '../engine/context';
import type { LedgerHost } from '../engine/backups/restore-backup';
import type { LanStatus } from '../../src-shared/contract/devices';

/** What the transport side tells the API about how it is served, and hears when the LAN setting changes. */
export interface NetworkPort {
  status(): LanStatus;
  /** Called after a change of the LAN setting has committed; the desktop starts or stops its LAN server. */
  settingChanged?(): void;
}

/** What a handler sees besides its input: the engine context and the caller's session token. */
export interface CallContext extends EngineContext {
  sessionToken?: string;
  /** The caller's network address (HTTP) or 'local' (IPC): sign-in throttling counts by it. */
  remoteAddress?: string;
  /** The process holding the ledger (absent in a read worker): a restore swaps the file through it. */
  host?: LedgerHost;
  /** The browser's User-Agent and device cookie, recorded with a new session for the devices list. */
  userAgent?: string;
  deviceId?: string;
  network?: NetworkPort;
}

export type Handler<N extends OperationName> = (
  input: ParsedInputOf<N>,
  ctx: CallContext,
) => OutputOf<N> | Promise<OutputOf<N>>;
export type HandlerTable<N extends OperationName> = { [K in N]: Handler<K> };
