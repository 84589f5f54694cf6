import type { Api } from '../api/dispatch';
import type { NetworkPort } from '../api/handler-types';
import type { LanStatus } from '../../src-shared/contract/devices';
import { startHttpServer } from './http-server';
import { addressesOf, hostnamesOf, lanAddress, thisMachine, type MachineNames } from './lan-addresses';
import { loadOrCreateCertificate } from './lan-certificate';

/** The API's view of how it is served; whoever starts or stops a server updates it. */
export function networkHolder(initial: LanStatus): NetworkPort & { set(status: LanStatus): void } {
  let current = initial;
  return {
    status: () => current,
    set: (status) => {
      current = status;
    },
  };
}

export interface LanServerOptions {
  api: Api;
  ledgerFile: string;
  /** The address to bind; absent: this machine's LAN address. */
  address?: string;
  port: number;
  rendererDir: string | null;
  /** Plain HTTP on the network: only when asked for by name (--insecure-http). */
  insecureHttp?: boolean;
  machine?: MachineNames;
}

export interface LanServer {
  url: string;
  status: LanStatus;
  /** True when this start made a new certificate: the terminals must check the new fingerprint. */
  newCertificate: boolean;
  certificateFolder: string | null;
  close(): Promise<void>;
}

/**
 * Serves the other PCs on the network: binds the LAN address (or the one given), HTTPS with this
 * ledger's own certificate (made on first use), and a Host allow-list of this machine's names
 * and addresses. Every terminal signs in; nothing here signs anyone in by itself.
 */
export async function startLanServer(options: LanServerOptions): Promise<LanServer> {
  const machine = options.machine ?? thisMachine();
  const address = options.address ?? lanAddress(machine);
  if (!address)
    throw new Error('This computer has no network address to serve on; connect it to the network or name one');
  const certificate = options.insecureHttp
    ? null
    : await loadOrCreateCertificate(options.ledgerFile, {
        hostnames: hostnamesOf(machine),
        addresses: [...new Set([address, ...addressesOf(machine)])],
      });
  const http = await startHttpServer({
    api: options.api,
    port: options.port,
    rendererDir: options.rendererDir,
    host: address,
    tls: certificate ? { key: certificate.key, cert: certificate.cert } : null,
    machine,
  });
  return {
    url: http.url,
    status: { mode: 'lan', url: http.url, secure: certificate !== null, fingerprint: certificate?.fingerprint ?? null },
    newCertificate: certificate?.created ?? false,
    certificateFolder: certificate?.folder ?? null,
    close: http.close,
  };
}

/** What `npm run serve -- --lan` prints, and the desktop logs: the address and the fingerprint to compare. */
export function describeLanServer(server: LanServer): string[] {
  if (!server.status.secure)
    return [
      `Stockist is serving ${server.url} to the network WITHOUT ENCRYPTION (--insecure-http).`,
      'WARNING: anyone on this network can read passwords, session cookies and every bill sent to the terminals.',
      'Use this only on a network you control, for a test; leave out --insecure-http to serve HTTPS.',
    ];
  return [
    `Stockist is serving the network on ${server.url}`,
    `Certificate fingerprint (SHA-256): ${server.status.fingerprint}`,
    server.newCertificate
      ? `A new certificate was made in ${server.certificateFolder}: check this fingerprint on each terminal once.`
      : `Certificate: ${server.certificateFolder}`,
    'On each terminal open that address, compare the fingerprint the browser shows with this one, and sign in.',
  ];
}

/** `--lan` takes an optional address: `--lan 192.168.1.20` becomes `--lan-address 192.168.1.20`. */
export function lanArguments(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--lan=')) out.push('--lan', '--lan-address', arg.slice(6));
    else if (arg === '--lan' && argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('-'))
      out.push('--lan', '--lan-address', argv[++i]!);
    else out.push(arg);
  }
  return out;
}
