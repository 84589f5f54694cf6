import type Database from 'better-sqlite3';

/**
 * The planner picks indexes from the statistics in sqlite_stat1. Left alone they go stale (or never
 * exist), and a list can end up driven from the wrong table as the ledger grows. PRAGMA optimize
 * refreshes the statistics of tables that changed enough; analysis_limit keeps each table's pass to
 * a bounded sample, so it costs milliseconds even at ten million lines.
 */
export function refreshPlannerStatistics(sqlite: Database.Database): void {
  sqlite.pragma('analysis_limit = 1000');
  // 0x10002: look at every table, not only those this connection's queries used (SQLite ≥ 3.46).
  sqlite.pragma('optimize = 0x10002');
}

/**
 * Every `everyMs` while the app is open, from a timer: never inside a clerk's request. The first
 * refresh waits `firstAfterMs` rather than running at open, where it would cost start-up time (the
 * statistics from the last session are in the file already; migrations refresh them themselves).
 */
export function keepPlannerStatisticsFresh(
  ledger: { sqlite: Database.Database },
  everyMs = 60 * 60_000,
  firstAfterMs = 30_000,
): () => void {
  // Read at each tick: a restore puts a new connection in the same Ledger object.
  const refresh = () => {
    const sqlite = ledger.sqlite;
    if (sqlite.open && !sqlite.inTransaction) refreshPlannerStatistics(sqlite);
  };
  const first = setTimeout(refresh, firstAfterMs);
  first.unref();
  const timer = setInterval(refresh, everyMs);
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
