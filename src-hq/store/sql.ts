import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** The one SQL dialect (PostgreSQL) the HQ speaks, on either engine. Rows come back with bigint and numeric
 * as JS numbers (paise and quantities stay far below 2^53) and dates/timestamps as the strings PostgreSQL
 * prints, so both engines give identical rows. */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Run fn in one transaction; everything it writes commits together or not at all. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /** Several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
  close(): Promise<void>;
  readonly engine: 'pglite' | 'postgresql';
}

const INT8 = 20,
  NUMERIC = 1700,
  DATE = 1082,
  TIMESTAMPTZ = 1184,
  TIMESTAMP = 1114;
const parsers: Record<number, (v: string) => unknown> = {
  [INT8]: Number,
  [NUMERIC]: Number,
  [DATE]: (v) => v,
  [TIMESTAMPTZ]: (v) => v,
  [TIMESTAMP]: (v) => v,
};

/** Embedded PostgreSQL in WebAssembly: a data folder, or memory when dataDir is undefined. */
export async function openPglite(dataDir?: string): Promise<Sql> {
  const db = await PGlite.create(dataDir, { parsers });
  const wrap = (q: Pick<PGlite, 'query'>, inTx: boolean): Sql => ({
    engine: 'pglite',
    async query<T>(text: string, params?: unknown[]) {
      return (await q.query<T>(text, params)).rows;
    },
    transaction: (fn) => (inTx ? fn(wrap(q, true)) : db.transaction((tx) => fn(wrap(tx, true)))),
    async exec(text) {
      await (q as PGlite).exec(text);
    },
    close: () => db.close(),
  });
  return wrap(db, false);
}

/** A real PostgreSQL server through a pg pool. */
export async function openPostgres(connectionString: string, max = 8): Promise<Sql> {
  const pool = new pg.Pool({
    connectionString,
    max,
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        parsers[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as never,
    },
  });
  await pool.query('select 1');
  const onClient = (client: pg.PoolClient): Sql => ({
    engine: 'postgresql',
    async query<T>(text: string, params?: unknown[]) {
      return (await client.query(text, params)).rows as T[];
    },
    transaction: (fn) => fn(onClient(client)),
    async exec(text) {
      await client.query(text);
    },
    close: async () => undefined,
  });
  return {
    engine: 'postgresql',
    async query<T>(text: string, params?: unknown[]) {
      return (await pool.query(text, params)).rows as T[];
    },
    async transaction<T>(fn: (tx: Sql) => Promise<T>) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await fn(onClient(client));
        await client.query('commit');
        return result;
      } catch (e) {
        await client.query('rollback').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    async exec(text) {
      await pool.query(text);
    },
    close: () => pool.end(),
  };
}
