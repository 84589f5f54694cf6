import fs from 'node:fs';
import path from 'node:path';
import type { Sql } from './sql';

const folder = path.join(__dirname, '..', 'migrations');

/** Apply the SQL files in src-hq/migrations in name order, each once, each in its own transaction.
 * Fails loudly when the database holds a migration this program does not ship (a newer HQ ran on it). */
export async function migrate(sql: Sql): Promise<string[]> {
  await sql.exec(
    'create table if not exists hq_migrations (name text primary key, applied_at timestamptz not null default now())',
  );
  const shipped = fs
    .readdirSync(folder)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const applied = (await sql.query<{ name: string }>('select name from hq_migrations order by name')).map(
    (r) => r.name,
  );
  const unknown = applied.filter((n) => !shipped.includes(n));
  if (unknown.length) throw new Error(`This database has migrations this HQ does not know: ${unknown.join(', ')}`);
  const pending = shipped.filter((n) => !applied.includes(n));
  for (const name of pending) {
    const text = fs.readFileSync(path.join(folder, name), 'utf8');
    await sql.transaction(async (tx) => {
      await tx.exec(text);
      await tx.query('insert into hq_migrations (name) values ($1)', [name]);
    });
  }
  return pending;
}
