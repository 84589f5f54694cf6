import type Database from 'better-sqlite3';

/** The history tables the generator fills with millions of rows; their indexes are built after the rows. */
const HISTORY_TABLES = [
  'orders',
  'order_lines',
  'order_events',
  'audit_log',
  'approvals',
  'notifications',
  'reservations',
  'delivery_notes',
  'delivery_note_lines',
  'invoices',
  'invoice_lines',
  'payments',
  'payment_allocations',
  'stock_movements',
  'goods_receipts',
  'purchase_invoices',
  'purchase_invoice_lines',
  'supplier_ledger',
  // the summaries, written by the generator as it goes (generate-summaries.ts)
  'daily_sales',
  'sales_rollups',
  'order_milestones',
];

const BUILD_THREADS = Number(process.env.BULK_THREADS ?? 2);

export interface SchemaRow {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

/** The schema as text, in a stable order: what must be the same whether indexes were built before or after. */
export function schemaOf(db: Database.Database): SchemaRow[] {
  return db
    .prepare(
      "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name",
    )
    .all() as SchemaRow[];
}

/**
 * Generation only: a migrated, empty ledger is switched to bulk loading. Inserting 10M rows into a dozen indexes
 * means random B-tree writes per row; building each index once from the finished table is a sort, several times
 * faster. No journal and no fsync either: a half-written bench file is simply generated again. `finish()` puts
 * back the very CREATE INDEX statements the migrations wrote (so `sqlite_master` is unchanged, which it asserts),
 * WAL, FULL sync and foreign keys, exactly as the app opens a ledger.
 */
export function beginBulkLoad(db: Database.Database): {
  /**
   * Puts the indexes and triggers back; returns each index build's time (ms), slowest first. The summaries the
   * dropped triggers keep are empty then: the caller rebuilds them.
   */
  finish(options?: { checkForeignKeys?: boolean }): { index: string; ms: number }[];
} {
  const before = schemaOf(db);
  const placeholders = HISTORY_TABLES.map(() => '?').join(', ');
  const indexes = db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${placeholders})
       ORDER BY rowid`,
    )
    .all(...HISTORY_TABLES) as { name: string; sql: string }[];
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.pragma('temp_store = MEMORY');
  // Index pages of 10M lines stay in memory while they are built (the app's own cache is the default).
  db.pragma('cache_size = -1000000');
  // CREATE INDEX sorts with helper threads (PRAGMA threads, off by default) while the main thread reads the table.
  db.pragma(`threads = ${BUILD_THREADS}`);
  for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`);
  // A search trigger writes its FTS row per insert, ~1 ms each in one big transaction; one INSERT … SELECT
  // at the end fills the same index some 40× faster.
  const searchTriggers = db
    .prepare(
      "SELECT name, tbl_name AS tableName, sql FROM sqlite_master WHERE type = 'trigger' AND name GLOB '*_search_ai'",
    )
    .all() as { name: string; tableName: string; sql: string }[];
  for (const trigger of searchTriggers) db.exec(`DROP TRIGGER "${trigger.name}"`);
  // The triggers that keep summaries (order status counts, order summaries, receivables by due date) look rows up
  // through indexes dropped above: per row they would scan a growing table. They are put back at the end and the
  // caller rebuilds what they keep, by the app's own rebuilds.
  const summaryTriggers = db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name NOT GLOB '*_search_*'
       AND tbl_name IN (${placeholders}) ORDER BY rowid`,
    )
    .all(...HISTORY_TABLES) as { name: string; sql: string }[];
  for (const trigger of summaryTriggers) db.exec(`DROP TRIGGER "${trigger.name}"`);
  return {
    finish({ checkForeignKeys = true } = {}) {
      const timings = indexes.map((index) => {
        const started = Date.now();
        db.exec(index.sql);
        return { index: index.name, ms: Date.now() - started };
      });
      for (const trigger of searchTriggers) {
        db.exec(fillFromInsertTrigger(trigger.sql, trigger.tableName));
        db.exec(trigger.sql);
      }
      for (const trigger of summaryTriggers) db.exec(trigger.sql);
      const after = schemaOf(db);
      if (JSON.stringify(after) !== JSON.stringify(before))
        throw new Error('Bulk loading changed the schema: the generated ledger would not be the app’s ledger');
      const violations = checkForeignKeys ? (db.pragma('foreign_key_check') as unknown[]) : [];
      if (violations.length > 0) throw new Error(`Generated rows break ${violations.length} foreign keys`);
      db.pragma('foreign_keys = ON');
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('cache_size = -2000');
      db.pragma('threads = 0');
      return timings.sort((a, b) => b.ms - a.ms);
    },
  };
}

/**
 * `CREATE TRIGGER … AFTER INSERT ON t BEGIN INSERT INTO fts(rowid, a, b) VALUES (new.id, new.x, new.y); END` →
 * `INSERT INTO fts(rowid, a, b) SELECT id, x, y FROM t`: what the trigger would have written for every row.
 */
export function fillFromInsertTrigger(triggerSql: string, table: string): string {
  const m = /BEGIN\s*(INSERT INTO [^(]+\([^)]*\))\s*VALUES\s*\(([^)]*)\);\s*END$/i.exec(triggerSql.trim());
  if (!m) throw new Error(`Cannot bulk-fill from trigger: ${triggerSql}`);
  return `${m[1]} SELECT ${m[2]!.replace(/\bnew\./g, '')} FROM \`${table}\``;
}
