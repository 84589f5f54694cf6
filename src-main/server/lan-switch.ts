import type { Api } from '../api/dispatch';
import type { NetworkPort } from '../api/handler-types';
import type { Ledger } from '../ledger/open-ledger';
import { lanEnabled } from '../engine/users/devices';
import { describeLanServer, networkHolder, startLanServer, type LanServer } from './lan-server';

/** The desktop app's port for terminals: fixed, so a bookmark on each counter PC keeps working. */
export const DESKTOP_LAN_PORT = 5170;

export interface LanSwitch {
  /** Hand this to createApi: it reports how the app is served and hears when the setting changes. */
  network: NetworkPort;
  attach(api: Api): void;
  /** Starts or stops the LAN server to match the ledger's setting; calls queue up, never overlap. */
  apply(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * "Let other computers on this network use Stockist" for the desktop app: the setting lives in the
 * ledger (an admin changes it through the contract); this keeps the LAN server in step with it.
 * No Electron here, so it is tested in plain Node; the shell only creates it and calls apply().
 */
export function createLanSwitch(options: {
  ledger: Ledger;
  rendererDir: string | null;
  port?: number;
  /** Tests bind a loopback alias; the app binds the machine's LAN address. */
  address?: string;
  log?: (line: string) => void;
}): LanSwitch {
  const desktop = { mode: 'desktop' as const, url: null, secure: true, fingerprint: null };
  const holder = networkHolder(desktop);
  const log = options.log ?? ((line: string) => console.log(line));
  let api: Api | null = null;
  let server: LanServer | null = null;
  let queue = Promise.resolve();

  async function reconcile(): Promise<void> {
    const want = lanEnabled({ ledger: options.ledger, now: () => new Date(), actor: null });
    if (want && !server && api) {
      try {
        server = await startLanServer({
          api,
          ledgerFile: options.ledger.file,
          address: options.address,
          port: options.port ?? DESKTOP_LAN_PORT,
          rendererDir: options.rendererDir,
        });
        holder.set(server.status);
        for (const line of describeLanServer(server)) log(line);
      } catch (error) {
        log(`Stockist could not serve the network: ${(error as Error).message}`);
      }
    } else if (!want && server) {
      const closing = server;
      server = null;
      holder.set(desktop);
      await closing.close();
      log('Stockist stopped serving the network');
    }
  }

  const apply = () => (queue = queue.then(reconcile));
  return {
    network: { status: holder.status, settingChanged: () => void apply() },
    attach: (given) => {
      api = given;
    },
    apply,
    stop: async () => {
      await queue;
      const closing = server;
      server = null;
      await closing?.close();
    },
  };
}
