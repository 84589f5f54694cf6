import { migrate } from './migrate';
import { openPglite, openPostgres, type Sql } from './sql';

/** Open the HQ's database (PostgreSQL when a URL is given, else PGlite in dataDir or in memory) and bring
 * its tables up to date. */
export async function openHqStore(where: { pg?: string; dataDir?: string }): Promise<Sql> {
  const sql = where.pg ? await openPostgres(where.pg) : await openPglite(where.dataDir);
  await migrate(sql);
  return sql;
}
