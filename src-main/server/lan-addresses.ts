import os from 'node:os';

export interface MachineNames {
  hostname: string;
  interfaces: NodeJS.Dict<os.NetworkInterfaceInfo[]>;
}

export function thisMachine(): MachineNames {
  return { hostname: os.hostname(), interfaces: os.networkInterfaces() };
}

/** The LAN address to bind when none is given: the first non-internal IPv4 address (what the router handed out). */
export function lanAddress(machine: MachineNames = thisMachine()): string | null {
  for (const list of Object.values(machine.interfaces))
    for (const info of list ?? []) if (info.family === 'IPv4' && !info.internal) return info.address;
  return null;
}

/** The names a terminal may use for this machine: its hostname (and hostname.local, as mDNS offers it). */
export function hostnamesOf(machine: MachineNames): string[] {
  const host = machine.hostname.toLowerCase();
  if (!host) return [];
  const short = host.split('.')[0]!;
  return [...new Set([host, short, `${short}.local`])];
}

/** Every address of this machine, v4 and v6 (without a zone), loopback left out. */
export function addressesOf(machine: MachineNames): string[] {
  const out: string[] = [];
  for (const list of Object.values(machine.interfaces))
    for (const info of list ?? []) if (!info.internal) out.push(info.address.split('%')[0]!);
  return out;
}

const hostPort = (host: string, port: number) => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);

/**
 * The Host headers the server answers (DNS rebinding stops here: a page from evil.example that
 * resolves to this PC still sends Host: evil.example). On loopback: 127.0.0.1 and localhost. On
 * the LAN: the bound address, the machine's names and its addresses, all at the port served.
 */
export function allowedHosts(port: number, bound: string, machine: MachineNames | null): Set<string> {
  const hosts = machine ? [bound, ...hostnamesOf(machine), ...addressesOf(machine)] : ['127.0.0.1', 'localhost'];
  return new Set(hosts.map((h) => hostPort(h.toLowerCase(), port)));
}

export function isLoopback(address: string): boolean {
  return address === 'localhost' || address === '::1' || /^127\./.test(address);
}
