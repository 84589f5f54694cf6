import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLedger } from '../../../src-main/ledger/open-ledger';
import { staticFile } from '../../../src-main/server/static-files';
import { tempDbPath } from '../../support/test-server';

describe('opening a ledger', () => {
  it('refuses a 0-byte file unless a new ledger was asked for', () => {
    const file = tempDbPath();
    fs.writeFileSync(file, '');
    expect(() => openLedger(file, { backup: false })).toThrow(/is empty \(0 bytes\)/);
    const fresh = openLedger(file, { backup: false, create: true });
    fresh.close();
  });

  it('refuses a ledger whose schema is damaged with a clear message', () => {
    const file = tempDbPath();
    const ledger = openLedger(file, { backup: false });
    ledger.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    ledger.close();
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    // Scribble over the schema page past the 100-byte file header. Damage deeper in the file is
    // found by the check after start-up (tests/api/start-up-checks.test.ts).
    bytes.fill(0x5a, 108, pageSize);
    fs.writeFileSync(file, bytes);
    expect(() => openLedger(file, { backup: false })).toThrow(
      /is damaged[\s\S]*will not open it[\s\S]*restore the latest backup/,
    );
  });
});

describe('static files', () => {
  it('keeps containment with the trailing separator: a sibling root-evil is not inside root', () => {
    const dir = path.dirname(tempDbPath());
    const root = path.join(dir, 'root');
    fs.mkdirSync(root);
    fs.mkdirSync(path.join(dir, 'root-evil'));
    fs.writeFileSync(path.join(dir, 'root-evil', 'secret.txt'), 'secret');
    fs.writeFileSync(path.join(root, 'index.html'), '<html></html>');
    expect(staticFile(root, '/../root-evil/secret.txt')).toBeNull();
    expect(staticFile(root, '/%2e%2e/root-evil/secret.txt')).toBeNull();
    expect(staticFile(root, '/index.html')?.file).toBe(path.join(root, 'index.html'));
  });
});
