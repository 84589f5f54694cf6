import { parseArgs } from 'node:util';
import { randomToken } from './store/hash';
import { openHqStore } from './store/open';
import { startHq } from './server';

/** npm run hq -- [--pg URL | --data DIR] [--port N] [--host H] [--admin-token T]
 * The admin token may also come from HQ_ADMIN_TOKEN; without either a fresh one is printed. */
const { values } = parseArgs({
  options: {
    pg: { type: 'string' },
    data: { type: 'string' },
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    'admin-token': { type: 'string' },
  },
});

async function main() {
  if (values.pg && values.data) throw new Error('Give either --pg or --data, not both');
  const dataDir = values.pg ? undefined : (values.data ?? './hq-data');
  const sql = await openHqStore({ pg: values.pg, dataDir });
  const adminToken = values['admin-token'] ?? process.env.HQ_ADMIN_TOKEN ?? randomToken(24);
  const hq = await startHq({ sql, adminToken, host: values.host, port: Number(values.port) });
  console.log(`Stockist reference HQ on ${hq.url} (${values.pg ? 'PostgreSQL' : `PGlite in ${dataDir}`})`);
  if (!values['admin-token'] && !process.env.HQ_ADMIN_TOKEN) console.log(`Admin token for this run: ${adminToken}`);
  const stop = async () => {
    await hq.close();
    await sql.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
