import type Database from 'better-sqlite3';

/**
 * SQLite's automatic checkpoint runs inside whichever commit pushes the WAL past 1,000 pages: about
 * one clerk's confirm in 18 paid for copying everyone's pages into the main file. Instead the
 * checkpoint runs from a timer, between calls: once the ledger has been quiet for `idleMs`, or
 * `maxDelayMs` after the first unflushed write however busy it is. The automatic checkpoint stays
 * only as a far bound (`boundPages`), for a long synchronous job (an import, the bench's generator)
 * that never lets the timer run.
 */
export interface WalCheckpointOptions {
  idleMs?: number;
  maxDelayMs?: number;
  boundPages?: number;
  /** how often the timer looks at the ledger */
  tickMs?: number;
  /**
   * Work deferred from the clerks' commits to the same quiet moment, run just before the checkpoint
   * (which then copies its pages too): folding the pending rollups, a slice at a time. It returns true
   * while work is left, and the timer comes back for it on its next tick.
   */
  beforeCheckpoint?: () => boolean;
}

export interface WalCheckpoints {
  /** checkpoints the timer has run */
  readonly runs: number;
  stop(): void;
}

export function startWalCheckpoints(sqlite: Database.Database, options: WalCheckpointOptions = {}): WalCheckpoints {
  const idleMs = options.idleMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 5000;
  sqlite.pragma(`wal_autocheckpoint = ${options.boundPages ?? 20_000}`);
  // total_changes() counts this connection's writes: cheap to read, and it moves with every commit.
  const statement = sqlite.prepare('SELECT total_changes() AS n');
  const changes = () => (statement.get() as { n: number }).n;
  let seen = changes();
  let lastWrite = 0;
  let firstUnflushed = 0;
  let runs = 0;
  const timer = setInterval(
    () => {
      if (!sqlite.open || sqlite.inTransaction) return;
      const now = Date.now();
      const n = changes();
      if (n !== seen) {
        seen = n;
        lastWrite = now;
        if (firstUnflushed === 0) firstUnflushed = now;
      }
      if (firstUnflushed === 0) return;
      if (now - lastWrite < idleMs && now - firstUnflushed < maxDelayMs) return;
      let more = false;
      try {
        more = options.beforeCheckpoint?.() ?? false;
      } catch {
        // Deferred work is only tidying (its readers see it either way): a busy or read-only ledger keeps
        // it for the next quiet moment rather than losing the timer.
      }
      seen = changes();
      // PASSIVE: never waits for a reader or writer; pages a reader still needs are copied next time.
      sqlite.pragma('wal_checkpoint(PASSIVE)');
      // Work left: due again at the next tick, as if long unflushed.
      firstUnflushed = more ? now - maxDelayMs : 0;
      runs++;
    },
    options.tickMs ?? Math.max(10, Math.min(idleMs, 250)),
  );
  timer.unref();
  return {
    get runs() {
      return runs;
    },
    stop: () => clearInterval(timer),
  };
}
