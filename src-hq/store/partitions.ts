import type { Sql } from './sql';

/** Tables partitioned by month of business_date. A month's partition is created the first time an event
 * of that month arrives, before the batch's transaction, under an advisory lock so two pushes cannot race. */
const partitioned = ['events', 'secondary_sales'] as const;
const known = new WeakMap<Sql, Set<string>>();

export function monthOf(day: string): string {
  return day.slice(0, 7);
}

function bounds(month: string): { from: string; to: string; suffix: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: `${month}-01`, to: `${next}-01`, suffix: `y${y}m${String(m).padStart(2, '0')}` };
}

export async function ensureMonthPartitions(sql: Sql, days: Iterable<string>): Promise<void> {
  const seen = known.get(sql) ?? new Set<string>();
  known.set(sql, seen);
  const months = [...new Set([...days].map(monthOf))].filter((m) => !seen.has(m));
  if (!months.length) return;
  await sql.transaction(async (tx) => {
    await tx.query("select pg_advisory_xact_lock(hashtext('hq-partitions'))");
    for (const month of months) {
      if (!/^\d{4}-\d{2}$/.test(month)) throw new Error(`bad month ${month}`);
      const { from, to, suffix } = bounds(month);
      for (const table of partitioned) {
        await tx.exec(
          `create table if not exists ${table}_${suffix} partition of ${table} for values from ('${from}') to ('${to}')`,
        );
      }
    }
  });
  for (const m of months) seen.add(m);
}
