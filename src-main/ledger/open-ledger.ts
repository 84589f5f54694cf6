import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { DEFAULT_TIME_ZONE, zoneOffsetMs } from '../../src-shared/dates';
import { resourcesDir } from '../paths/resources-path';
import { findNetworkMount, networkFilesystemMessage, type NetworkMount } from './network-filesystem';
import { applyMigrations, backupBeforeMigrating, pendingMigrations } from './migrate';
import { fillOrderMilestonesIfEmpty } from '../engine/summaries/order-milestones';
import { refreshPlannerStatistics } from './query-planner';
import * as schema from './schema';
import { fillDailySalesIfEmpty } from '../engine/summaries/daily-sales';
import { fillSalesRollupsIfEmpty } from '../engine/summaries/sales-rollups';
import { FOLD_SLICE, foldPendingRollups } from '../engine/summaries/pending-rollups';
import { fillOrderStatusCountsIfEmpty } from '../engine/summaries/order-status-counts';
import { fillReceivablesByDueDateIfEmpty } from '../engine/summaries/receivables-by-due-date';
import { fillOrderSummariesIfEmpty } from '../engine/summaries/order-summaries';
import { startWalCheckpoints, type WalCheckpointOptions, type WalCheckpoints } from './wal-checkpoints';
import { damagedMessage, healthAtOpen, type LedgerHealth } from './integrity-check';

export type Db = BetterSQLite3Database<typeof schema>;

export interface Ledger {
  file: string;
  sqlite: Database.Database;
  db: Db;
  /** Where the pre-migration copy went, when this start-up migrated an existing file. */
  backup: string | null;
  /** Call after the company's time zone changes, so SQL's business_date() follows it. */
  refreshTimeZone(): void;
  /** The company's time zone as last read (at open and when the company changes it); absent on hand-built ledgers. */
  timeZone?(): string;
  /** The WAL is checkpointed from an idle timer, not inside a commit (wal-checkpoints.ts). */
  checkpoints: WalCheckpoints;
  /** Set by the full check that runs after start-up (integrity-check.ts); writes are refused once damaged. */
  health?: LedgerHealth;
  /** What opening took, step by step, in milliseconds (the bench and the log read it). */
  openTimings?: Record<string, number>;
  close(): void;
}

export interface OpenOptions {
  /** Skip the pre-migration copy (tests on throwaway files). */
  backup?: boolean;
  walCheckpoints?: WalCheckpointOptions;
  /**
   * The user asked for a new ledger at this path. Without it an existing 0-byte file is refused:
   * a truncated ledger must not quietly become an empty one that the first visitor sets up.
   */
  create?: boolean;
  /** Which network mount the file is on, if any (tests pass a fake; the default reads the mount table). */
  networkMount?: (file: string) => NetworkMount | null;
}

/** Why a file cannot be opened as a ledger, in words for whoever has to fix it. */
export class LedgerRefused extends Error {
  override name = 'LedgerRefused';
}

export function openLedger(file: string, options: OpenOptions = {}): Ledger {
  const isMemory = file === ':memory:';
  const network = isMemory ? null : (options.networkMount ?? findNetworkMount)(file);
  if (network) throw new LedgerRefused(networkFilesystemMessage(file, network));
  if (!isMemory) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const size = !isMemory && fs.existsSync(file) ? fs.statSync(file).size : null;
  if (size === 0 && !options.create)
    throw new LedgerRefused(
      `${file} is empty (0 bytes), so it is not a Stockist ledger. If a ledger was there, restore it from a backup; to start a new ledger in this file, ask for a new one (npm run serve -- --new).`,
    );
  const existed = size !== null && size > 0;
  const timings: Record<string, number> = {};
  let lap = performance.now();
  const step = (name: string) => {
    const at = performance.now();
    timings[name] = Math.round((at - lap) * 10) / 10;
    lap = at;
  };
  const sqlite = new Database(file);
  if (existed) refuseIfUnreadable(sqlite, file);
  step('header and schema');
  sqlite.pragma('journal_mode = WAL');
  // FULL: a posted invoice survives a power cut; the cost is one fsync per commit.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  // Short: SQLite's wait blocks the event loop. The dispatcher waits longer between retries, off-loop.
  sqlite.pragma('busy_timeout = 100');
  const db = drizzle(sqlite, { schema });
  const folder = path.join(resourcesDir(), 'migrations');
  let backup: string | null = null;
  try {
    const pending = pendingMigrations(sqlite, folder);
    step('migrations check');
    if (pending.length > 0) {
      if (existed && options.backup !== false) backup = backupBeforeMigrating(sqlite, file, pending);
      applyMigrations(db as unknown as BetterSQLite3Database<Record<string, unknown>>, folder);
      // New tables and indexes need statistics before the first query; otherwise the periodic
      // refresh (the scheduler's planner-statistics job) does it when the app is idle, not at open.
      refreshPlannerStatistics(sqlite);
      step('migrations and statistics');
    }
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const { refresh: refreshTimeZone, zone: timeZone } = prepareConnection(sqlite);
  // Summaries need business_date() (registered just above), so a ledger from before them is filled
  // here, once, not in SQL migrations. A ledger that has them answers two EXISTS probes and moves on.
  fillOrderMilestonesIfEmpty(sqlite);
  fillDailySalesIfEmpty(sqlite);
  fillSalesRollupsIfEmpty(sqlite);
  fillOrderStatusCountsIfEmpty(sqlite);
  fillReceivablesByDueDateIfEmpty(sqlite);
  fillOrderSummariesIfEmpty(sqlite);
  foldPendingRollups(sqlite);
  step('summaries');
  const health = healthAtOpen(existed);
  const checkpoints = startWalCheckpoints(sqlite, {
    // A ledger found damaged takes no writes, the fold's included (its readers add the pending rows anyway).
    beforeCheckpoint: () => health.state !== 'damaged' && foldPendingRollups(sqlite, FOLD_SLICE).more,
    ...options.walCheckpoints,
  });
  const close = () => {
    checkpoints.stop();
    sqlite.close();
  };
  return { file, sqlite, db, backup, refreshTimeZone, timeZone, checkpoints, health, openTimings: timings, close };
}

/**
 * A second connection to the same file for a worker thread: read-only (a worker never writes),
 * never migrating, with the same SQL functions as the main one. WAL lets it read while the main
 * connection commits; each statement sees the last commit made before it started.
 */
export function openReadOnlyLedger(file: string): Ledger {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  const { refresh: refreshTimeZone, zone: timeZone } = prepareConnection(sqlite);
  const db = drizzle(sqlite, { schema });
  // A reader never checkpoints: the main connection's idle timer does.
  const checkpoints: WalCheckpoints = { runs: 0, stop: () => undefined };
  return { file, sqlite, db, backup: null, refreshTimeZone, timeZone, checkpoints, close: () => sqlite.close() };
}

/** What every connection to a ledger needs, main or worker: cached statements and business_date(). */
function prepareConnection(sqlite: Database.Database): { refresh: () => void; zone: () => string } {
  cachePreparedStatements(sqlite);
  return registerBusinessDate(sqlite);
}

/**
 * What can be checked in milliseconds at open: the file is an SQLite database (header) and its
 * schema and every table's first page read cleanly. The full quick_check reads every page (about a
 * second per GB), so it runs in a thread after start-up (integrity-check.ts), which stops writes
 * if it finds damage.
 */
function refuseIfUnreadable(sqlite: Database.Database, file: string): void {
  let problem: string | null = null;
  try {
    const tables = sqlite
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all() as { name: string }[];
    for (const { name } of tables) sqlite.prepare(`SELECT 1 FROM "${name.replace(/"/g, '""')}" LIMIT 1`).get();
  } catch (error) {
    problem = (error as Error).message;
  }
  if (problem === null) return;
  sqlite.close();
  throw new LedgerRefused(damagedMessage(file, [problem], 'will not open it'));
}

/**
 * SQL's date() slices UTC, so a delivery note posted at 01:30 IST on 1 April would count in
 * March. business_date(timestamp) gives the company's calendar date instead; reports group by it.
 * The zone is read once and refreshed when the company changes it (a function running inside a
 * query cannot query the same connection).
 */
function registerBusinessDate(sqlite: Database.Database): { refresh: () => void; zone: () => string } {
  let zone = DEFAULT_TIME_ZONE;
  const refresh = () => {
    // A file opened by an older release's migrations may not have the column yet.
    const hasZone = sqlite.prepare("SELECT 1 FROM pragma_table_info('company') WHERE name = 'time_zone'").get();
    const row = hasZone
      ? (sqlite.prepare('SELECT time_zone AS tz FROM company WHERE id = 1').get() as { tz: string } | undefined)
      : undefined;
    zone = row?.tz ?? DEFAULT_TIME_ZONE;
  };
  refresh();
  // Reports call this once per row (a million rows at M): the zone's offset is looked up once per
  // half hour of UTC (zone changes happen on such boundaries) and the day is plain arithmetic.
  let offsets = new Map<string, number>();
  let offsetsZone = zone;
  sqlite.function('business_date', { deterministic: true }, (timestamp: unknown) => {
    if (typeof timestamp !== 'string' || timestamp.length <= 10) return (timestamp as string | null) ?? null;
    const ms = Date.parse(timestamp);
    if (Number.isNaN(ms)) return null;
    if (offsetsZone !== zone || offsets.size > 200_000) [offsets, offsetsZone] = [new Map(), zone];
    const key = `${timestamp.slice(0, 13)}${Number(timestamp.slice(14, 16)) >= 30 ? 'b' : 'a'}`;
    let offset = offsets.get(key);
    if (offset === undefined) {
      offset = zoneOffsetMs(ms, zone);
      offsets.set(key, offset);
    }
    return new Date(ms + offset).toISOString().slice(0, 10);
  });
  return { refresh, zone: () => zone };
}

/**
 * Services write SQL where it reads best, next to the rule that needs it, and call prepare()
 * each time; compiling the same SQL again costs more than running it. So prepare() keeps the
 * compiled statements of this connection by their text. None of our statements is used in
 * iterate() or switched to pluck/raw mode, which is what would make sharing one unsafe.
 */
function cachePreparedStatements(sqlite: Database.Database): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    let statement = cache.get(source);
    if (!statement) {
      // SQL built from filters varies; a bound keeps a long session from growing without end.
      if (cache.size >= 2000) cache.clear();
      statement = prepare(source);
      cache.set(source, statement);
    }
    return statement;
  }) as typeof sqlite.prepare;
}
