import type { Sql } from '../../src-hq/store/sql';

/** Where HQ's time goes: wraps an Sql so every statement's time is added up under its first words
 * (e.g. "insert into events"), and each transaction's commit separately. Times of concurrent pushes
 * overlap, so these are shares of work, not of wall time. */
export function timedSql(sql: Sql): { sql: Sql; phases: Map<string, number> } {
  const phases = new Map<string, number>();
  const add = (key: string, ms: number) => phases.set(key, (phases.get(key) ?? 0) + ms);
  const label = (text: string) => text.trim().replace(/\s+/g, ' ').split(' ').slice(0, 3).join(' ').toLowerCase();
  const wrap = (inner: Sql): Sql => ({
    engine: inner.engine,
    async query<T>(text: string, params?: unknown[]) {
      const t = performance.now();
      try {
        return await inner.query<T>(text, params);
      } finally {
        add(label(text), performance.now() - t);
      }
    },
    async transaction<T>(fn: (tx: Sql) => Promise<T>) {
      const t = performance.now();
      let inside = 0;
      try {
        return await inner.transaction(async (tx) => {
          const r = await fn(wrap(tx));
          inside = performance.now() - t;
          return r;
        });
      } finally {
        if (inside) add('(begin + commit)', performance.now() - t - inside);
      }
    },
    exec: (text) => inner.exec(text),
    close: () => inner.close(),
  });
  return { sql: wrap(sql), phases };
}
