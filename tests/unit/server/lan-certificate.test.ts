import crypto from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { certificateFolder, loadOrCreateCertificate } from '../../../src-main/server/lan-certificate';
import { allowedHosts, lanAddress, type MachineNames } from '../../../src-main/server/lan-addresses';
import { lanArguments } from '../../../src-main/server/lan-server';
import { tempDbPath } from '../../support/test-server';

const machine: MachineNames = {
  hostname: 'Billing-PC',
  interfaces: {
    lo: [{ address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '', internal: true, cidr: null }],
    eth0: [
      { address: 'fe80::1', netmask: 'ffff::', family: 'IPv6', mac: '', internal: false, cidr: null, scopeid: 2 },
      { address: '192.168.1.20', netmask: '255.255.255.0', family: 'IPv4', mac: '', internal: false, cidr: null },
    ],
  },
};

describe('the LAN certificate', () => {
  const names = { hostnames: ['billing-pc', 'billing-pc.local'], addresses: ['127.0.0.2', '192.168.1.20'] };

  it('is made on first use next to the ledger, key readable by its owner only, naming hosts and addresses', async () => {
    const ledger = tempDbPath();
    const made = await loadOrCreateCertificate(ledger, names);
    expect(made.created).toBe(true);
    expect(made.folder).toBe(certificateFolder(ledger));
    expect(fs.statSync(`${made.folder}/key.pem`).mode & 0o777).toBe(0o600);
    const x509 = new crypto.X509Certificate(fs.readFileSync(`${made.folder}/cert.pem`));
    expect(x509.subjectAltName).toContain('DNS:billing-pc.local');
    expect(x509.checkIP('127.0.0.2')).toBe('127.0.0.2');
    expect(x509.checkIP('192.168.1.20')).toBe('192.168.1.20');
    const years = (new Date(x509.validTo).getTime() - Date.now()) / (365 * 24 * 3600_000);
    expect(years).toBeGreaterThan(4.9);
    expect(x509.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    // The fingerprint is the SHA-256 of the DER certificate, as a browser shows it.
    const der = crypto.createHash('sha256').update(x509.raw).digest('hex').toUpperCase();
    expect(made.fingerprint.replaceAll(':', '')).toBe(der);
    expect(made.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it('is reused after, so the fingerprint the terminals checked stays the same', async () => {
    const ledger = tempDbPath();
    const first = await loadOrCreateCertificate(ledger, names);
    const again = await loadOrCreateCertificate(ledger, { hostnames: ['billing-pc'], addresses: ['127.0.0.2'] });
    expect(again.created).toBe(false);
    expect(again.fingerprint).toBe(first.fingerprint);
    expect(again.key).toBe(first.key);
  });

  it('is made anew when the address it must serve is not in it, or it is a month from its end', async () => {
    const ledger = tempDbPath();
    const first = await loadOrCreateCertificate(ledger, names);
    const moved = await loadOrCreateCertificate(ledger, { hostnames: ['billing-pc'], addresses: ['192.168.1.31'] });
    expect(moved.created).toBe(true);
    expect(moved.fingerprint).not.toBe(first.fingerprint);
    const late = new Date(Date.now() + (5 * 365 - 20) * 24 * 3600_000);
    expect((await loadOrCreateCertificate(ledger, { hostnames: [], addresses: ['192.168.1.31'] }, late)).created).toBe(
      true,
    );
  });
});

describe('the Host allow-list', () => {
  it('on loopback: 127.0.0.1 and localhost at the port, nothing else', () => {
    expect([...allowedHosts(5170, '127.0.0.1', null)]).toEqual(['127.0.0.1:5170', 'localhost:5170']);
  });

  it("on the LAN: the bound address, the machine's names and addresses, never a stranger", () => {
    const hosts = allowedHosts(5170, '127.0.0.2', machine);
    for (const host of ['127.0.0.2:5170', 'billing-pc:5170', 'billing-pc.local:5170', '192.168.1.20:5170'])
      expect(hosts.has(host)).toBe(true);
    expect(hosts.has('[fe80::1]:5170')).toBe(true);
    expect(hosts.has('192.168.1.20:5171')).toBe(false);
    expect(hosts.has('evil.example:5170')).toBe(false);
    expect(hosts.has('127.0.0.1:5170')).toBe(false);
  });

  it("binds the machine's first non-internal IPv4 address when none is given", () => {
    expect(lanAddress(machine)).toBe('192.168.1.20');
    expect(lanAddress({ hostname: 'x', interfaces: { lo: machine.interfaces.lo } })).toBeNull();
  });

  it('--lan takes an optional address', () => {
    expect(lanArguments(['--lan', '127.0.0.2', '--port', '5'])).toEqual([
      '--lan',
      '--lan-address',
      '127.0.0.2',
      '--port',
      '5',
    ]);
    expect(lanArguments(['--lan', '--port', '5'])).toEqual(['--lan', '--port', '5']);
    expect(lanArguments(['--port', '5', '--lan'])).toEqual(['--port', '5', '--lan']);
    expect(lanArguments(['--lan=10.0.0.9'])).toEqual(['--lan', '--lan-address', '10.0.0.9']);
  });
});
