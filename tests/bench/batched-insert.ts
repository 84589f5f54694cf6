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
      this.addRow(values);
    },
    /** One row given as its leading values and the rest (no spread: a summary row is 20-odd values). */
    addRow(values: readonly unknown[], more: readonly unknown[] = []) {
      if (values.length + more.length !== width) throw new Error(`${head}: not ${width} values`);
      for (let i = 0; i < values.length; i++) pending.push(values[i]);
      for (let i = 0; i < more.length; i++) pending.push(more[i]);
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
