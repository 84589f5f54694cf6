import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openLedger, type Ledger } from '../../../src-main/ledger/open-ledger';
import type { WalCheckpointOptions } from '../../../src-main/ledger/wal-checkpoints';
import { tempDbPath } from '../../support/test-server';

let ledger: Ledger | null = null;
afterEach(() => ledger?.close());

function open(options: WalCheckpointOptions): Ledger {
  ledger = openLedger(tempDbPath(), { backup: false, walCheckpoints: options });
  ledger.sqlite.exec('CREATE TABLE filler (x BLOB)');
  return ledger;
}

/** `count` commits of about 25 pages each, as a busy morning of confirms would add to the WAL. */
function commits(l: Ledger, count: number): void {
  const insert = l.sqlite.prepare('INSERT INTO filler (x) VALUES (randomblob(100000))');
  for (let i = 0; i < count; i++) l.sqlite.transaction(() => insert.run()).immediate();
}

/** Frames in the WAL since it last restarted (a checkpoint that completes lets the next write restart it). */
const walFrames = (l: Ledger) => (l.sqlite.pragma('wal_checkpoint(PASSIVE)') as { log: number }[])[0]!.log;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('WAL checkpoints', () => {
  it('keeps synchronous=FULL, so a committed invoice number survives a power cut', () => {
    const l = open({});
    expect(l.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(l.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('does not checkpoint inside a commit, even past the 1,000 pages that would trigger SQLite’s own', () => {
    const l = open({ idleMs: 60_000, maxDelayMs: 60_000 });
    commits(l, 60);
    expect(walFrames(l)).toBeGreaterThan(1200);
    expect(l.checkpoints.runs).toBe(0);
  });

  it('checkpoints from the timer once the ledger is idle, so the WAL starts again', async () => {
    const l = open({ idleMs: 30, maxDelayMs: 60_000, tickMs: 10 });
    commits(l, 60);
    for (let i = 0; i < 100 && l.checkpoints.runs === 0; i++) await sleep(20);
    expect(l.checkpoints.runs).toBeGreaterThanOrEqual(1);
    commits(l, 1);
    expect(walFrames(l)).toBeLessThan(100);
  });

  it('checkpoints a busy ledger after maxDelayMs, even if it is never idle that long', async () => {
    const l = open({ idleMs: 60_000, maxDelayMs: 50, tickMs: 10 });
    for (let i = 0; i < 20 && l.checkpoints.runs === 0; i++) {
      commits(l, 1);
      await sleep(10);
    }
    expect(l.checkpoints.runs).toBeGreaterThanOrEqual(1);
  });

  it('runs the deferred work before each checkpoint, and comes back on the next ticks while work is left', async () => {
    let left = 3;
    const l = open({ idleMs: 30, maxDelayMs: 60_000, tickMs: 10, beforeCheckpoint: () => --left > 0 });
    commits(l, 1);
    for (let i = 0; i < 100 && left > 0; i++) await sleep(10);
    expect(left).toBe(0);
    // Three slices, three checkpoints, with no write in between; then nothing until the next write.
    expect(l.checkpoints.runs).toBe(3);
    await sleep(100);
    expect(l.checkpoints.runs).toBe(3);
  });

  it('bounds the WAL for a long job that never lets the timer run', () => {
    const l = open({ idleMs: 60_000, maxDelayMs: 60_000, boundPages: 300 });
    commits(l, 200); // about 5,000 pages in all
    const pageSize = l.sqlite.pragma('page_size', { simple: true }) as number;
    expect(fs.statSync(`${l.file}-wal`).size).toBeLessThan((300 + 100) * (pageSize + 24));
  });
});
