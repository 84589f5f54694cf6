import fs from 'node:fs';
import { openLedger, type Ledger } from './open-ledger';

function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function moveWithJournal(from: string, to: string): void {
  fs.renameSync(from, to);
  for (const suffix of ['-wal', '-shm']) if (fs.existsSync(from + suffix)) fs.renameSync(from + suffix, to + suffix);
}

/**
 * Puts `source` in the ledger's place and reopens it (migrating an older file), keeping the file it
 * replaces as `<ledger>.replaced-<stamp>.db`. The caller has stopped every other connection to
 * the file first (the read workers). The copy is made before the ledger is touched, so a copy
 * that fails (a full disk) leaves the ledger as it was; a copy that will not open is set aside
 * and the old ledger reopened. The Ledger object is updated in place: whoever holds it sees the new file.
 */
export function replaceLedgerFile(ledger: Ledger, source: string, stamp: string): string {
  const file = ledger.file;
  const incoming = `${file}.restoring`;
  fs.rmSync(incoming, { force: true });
  fs.copyFileSync(source, incoming);
  syncFile(incoming);
  // Everything committed goes into the main file, so the kept copy is whole without its WAL.
  ledger.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  ledger.close();
  const replaced = `${file}.replaced-${stamp}.db`;
  moveWithJournal(file, replaced);
  fs.renameSync(incoming, file);
  try {
    Object.assign(ledger, openLedger(file));
  } catch (error) {
    moveWithJournal(file, `${file}.refused-${stamp}.db`);
    moveWithJournal(replaced, file);
    Object.assign(ledger, openLedger(file, { backup: false }));
    throw error;
  }
  return replaced;
}
