import { SyncClient, type DeviceCredentials } from '../../src-main/engine/sync/sync-client';
import { startHq, type RunningHq } from '../../src-hq/server';
import { migrate } from '../../src-hq/store/migrate';
import { openPglite, type Sql } from '../../src-hq/store/sql';

/** A reference HQ on a loopback port for tests, on whichever database engine the backend gives. */

export interface HqBackend {
  name: string;
  open(): Promise<Sql>;
}
export const pgliteBackend: HqBackend = { name: 'PGlite', open: () => openPglite() };

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export interface TestHq extends RunningHq {
  sql: Sql;
  admin<T = unknown>(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    contentType?: string,
  ): Promise<{ status: number; body: T }>;
  /** A distributor with an enrolled device, and a client for it (fast retries for tests). */
  enrolledClient(
    distributorCode: string,
  ): Promise<{ client: SyncClient; deviceId: string; credentials: DeviceCredentials }>;
  stop(): Promise<void>;
}

export async function startTestHq(backend: HqBackend): Promise<TestHq> {
  const sql = await backend.open();
  await migrate(sql);
  const hq = await startHq({ sql, adminToken: ADMIN_TOKEN });
  const admin: TestHq['admin'] = async (method, path, body, contentType = 'application/json') => {
    const res = await fetch(`${hq.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': contentType },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as never };
  };
  return {
    ...hq,
    sql,
    admin,
    async enrolledClient(distributorCode) {
      await admin('POST', '/admin/distributors', { code: distributorCode, name: `Distributor ${distributorCode}` });
      const code = await admin<{ code: string }>('POST', '/admin/enrolment-codes', { distributorCode });
      const client = new SyncClient({ hqAddress: hq.url, timeoutMs: 2_000, backoff: { baseMs: 5, capMs: 50 } });
      const { deviceId, secret } = await client.enrol({
        enrolmentCode: code.body.code,
        deviceName: 'Counter PC',
        appVersion: '0.1.0',
      });
      return { client, deviceId, credentials: { deviceId, secret } };
    },
    async stop() {
      await hq.close();
      await sql.close();
    },
  };
}
