import type Database from 'better-sqlite3';

export type Statistic = { tbl: string; idx: string; stat: string };

/**
 * Gives a small test ledger a big one's planner statistics (sqlite_stat1 rows written by PRAGMA
 * optimize on a generated ledger): the plans are then the ones the big ledger gets, without its rows.
 */
export function loadStatistics(sqlite: Database.Database, rows: Statistic[]): void {
  sqlite.exec('ANALYZE sqlite_schema');
  sqlite.exec('DELETE FROM sqlite_stat1');
  const insert = sqlite.prepare('INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)');
  for (const r of rows) insert.run(r.tbl, r.idx, r.stat);
  sqlite.exec('ANALYZE sqlite_schema'); // makes the connection reload the statistics
}

/**
 * Records the query plan of every statement matching `matches`, for the values it is read with, into
 * the returned list (empty it before each read). Only `.all()` reads are watched: the lists and reports use it.
 */
export function recordPlans(sqlite: Database.Database, matches: RegExp): string[] {
  const plans: string[] = [];
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((sql: string) => {
    const statement = prepare(sql);
    if (!matches.test(sql)) return statement;
    const record = (args: unknown[]) => {
      const rows = prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[];
      plans.push(rows.map((r) => r.detail).join('; '));
    };
    return {
      all: (...args: unknown[]) => (record(args), statement.all(...args)),
      get: (...args: unknown[]) => (record(args), statement.get(...args)),
    };
  }) as unknown as typeof sqlite.prepare;
  return plans;
}

/** Every statement `run` prepares on this connection, in order (the connection is left as it was). */
export function preparedDuring(sqlite: Database.Database, run: () => void): string[] {
  const seen: string[] = [];
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    seen.push(source);
    return prepare(source);
  }) as typeof sqlite.prepare;
  try {
    run();
  } finally {
    sqlite.prepare = prepare;
  }
  return seen;
}
