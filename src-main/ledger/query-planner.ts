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
