import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { selfSigned } from '../documents/lazy-libraries';

export interface LanCertificate {
  key: string;
  cert: string;
  /** SHA-256 of the certificate, as browsers show it (AB:CD:…): what a clerk compares. */
  fingerprint: string;
  /** True when this start made it (first use, or the old one no longer covered the address). */
  created: boolean;
  folder: string;
}

const YEARS = 5;
/** A certificate this close to its end is replaced rather than let lapse in the middle of a day's billing. */
const RENEW_BEFORE_MS = 30 * 24 * 3600_000;

/** The certificate lives next to the ledger it serves: `<ledger>.tls/`. */
export function certificateFolder(ledgerFile: string): string {
  return `${ledgerFile}.tls`;
}

export function fingerprintOf(cert: string): string {
  return new crypto.X509Certificate(cert).fingerprint256;
}

/** Whether a stored certificate still serves: not near its end, and names every address and host asked for. */
function stillServes(cert: string, names: { hostnames: string[]; addresses: string[] }, now: Date): boolean {
  const x509 = new crypto.X509Certificate(cert);
  if (new Date(x509.validTo).getTime() - now.getTime() < RENEW_BEFORE_MS) return false;
  return (
    names.addresses.every((ip) => x509.checkIP(ip) !== undefined) &&
    names.hostnames.every((host) => x509.checkHost(host) !== undefined)
  );
}

/**
 * The LAN server's certificate: made on first use (EC P-256, five years, the machine's names and
 * addresses as SANs) and reused after, so its fingerprint stays the one the terminals checked.
 * The key file is readable by this user only. A new address the old certificate does not name
 * (the router gave the PC another one) makes a new certificate, and a new fingerprint to check.
 */
export async function loadOrCreateCertificate(
  ledgerFile: string,
  names: { hostnames: string[]; addresses: string[] },
  now = new Date(),
): Promise<LanCertificate> {
  const folder = certificateFolder(ledgerFile);
  const keyFile = path.join(folder, 'key.pem');
  const certFile = path.join(folder, 'cert.pem');
  if (fs.existsSync(keyFile) && fs.existsSync(certFile)) {
    const key = fs.readFileSync(keyFile, 'utf8');
    const cert = fs.readFileSync(certFile, 'utf8');
    if (stillServes(cert, names, now)) return { key, cert, fingerprint: fingerprintOf(cert), created: false, folder };
  }
  const hostnames = [...new Set(names.hostnames.filter(Boolean))];
  const addresses = [...new Set(names.addresses.filter(Boolean))];
  const pems = await selfSigned().generate(
    [{ name: 'commonName', value: `Stockist on ${hostnames[0] ?? addresses[0]}` }],
    {
      keyType: 'ec',
      curve: 'P-256',
      algorithm: 'sha256',
      notBeforeDate: new Date(now.getTime() - 3600_000),
      notAfterDate: new Date(now.getTime() + YEARS * 365 * 24 * 3600_000),
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [
            ...hostnames.map((value) => ({ type: 2 as const, value })),
            ...addresses.map((ip) => ({ type: 7 as const, ip })),
          ],
        },
      ],
    },
  );
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  // Written to a temporary name then renamed: a crash mid-write never leaves half a key behind.
  fs.writeFileSync(`${keyFile}.tmp`, pems.private, { mode: 0o600 });
  fs.chmodSync(`${keyFile}.tmp`, 0o600);
  fs.renameSync(`${keyFile}.tmp`, keyFile);
  fs.writeFileSync(`${certFile}.tmp`, pems.cert, { mode: 0o644 });
  fs.renameSync(`${certFile}.tmp`, certFile);
  return { key: pems.private, cert: pems.cert, fingerprint: fingerprintOf(pems.cert), created: true, folder };
}
