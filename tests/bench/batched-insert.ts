import type Database from 'better-sqlite3';

/**
 * Rows for one table, written as multi-row INSERTs of `perBatch` rows: one call into SQLite per batch instead of
 * per row, which is most of a single-row insert's cost. `row` is the VALUES tuple, e.g. `(?, ?, 'bank', ?)`.
 * Ids are not returned: the generator counts them itself (an empty table numbers its rows 1, 2, 3… in order).
 * Call `flush()` before anything reads the table.
 */
export function batchedInsert(db: Database.Database, head: string, row: string, perBatch = 200) {
  const width = row.split('?').length - 1;
  const statements = new Map<number, Database.Statement>();
  const statement = (rows: number) => {
    let s = statements.get(rows);
    if (!s) {
      s = db.prepare(`${head} VALUES ${Array(rows).fill(row).join(', ')}`);
      statements.set(rows, s);
    }
    return s;
  };
  let pending: unknown[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    statement(pending.length / width).run(pending);
    pending = [];
  };
  return {
    add(...values: unknown[]) {
      if (values.length !== width) throw new Error(`${head}: ${values.length} values for ${width} columns`);
      for (const v of values) pending.push(v);
      if (pending.length >= width * perBatch) flush();
    },
    flush,
  };
}
export type BatchedInsert = ReturnType<typeof batchedInsert>;

/** The id the next row inserted into `table` gets (its ids run on from the largest). */
export function nextId(db: Database.Database, table: string): number {
  return (db.prepare(`SELECT coalesce(max(id), 0) + 1 AS id FROM "${table}"`).get() as { id: number }).id;
}
