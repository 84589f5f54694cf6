import { beforeAll, describe, expect, it } from 'vitest';
import { SyncClient } from '../../../src-main/engine/sync/sync-client';
import { SyncError } from '../../../src-main/engine/sync/sync-errors';
import type { TestHq } from '../../support/hq';
import { invoices } from '../../support/sync-events';

export function enrolmentSuite(backend: string, theHq: () => TestHq) {
  describe(`enrolment and revocation (${backend})`, () => {
    let hq: TestHq;
    beforeAll(() => {
      hq = theHq();
    });

    const newClient = () => new SyncClient({ hqAddress: hq.url, maxAttempts: 1 });

    it('gives a device id and secret for a one-time code, and refuses the code a second time', async () => {
      await hq.admin('POST', '/admin/distributors', { code: 'D-ENROL', name: 'Shree Traders' });
      const { body } = await hq.admin<{ code: string }>('POST', '/admin/enrolment-codes', {
        distributorCode: 'D-ENROL',
      });
      expect(body.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      const enrolled = await newClient().enrol({
        enrolmentCode: body.code.toLowerCase(),
        deviceName: 'Office PC',
        appVersion: '0.1.0',
      });
      expect(enrolled).toMatchObject({ distributorCode: 'D-ENROL', distributorName: 'Shree Traders' });
      expect(enrolled.secret.length).toBeGreaterThanOrEqual(40);
      const again = newClient().enrol({ enrolmentCode: body.code, deviceName: 'Other PC', appVersion: '0.1.0' });
      await expect(again).rejects.toMatchObject({
        status: 403,
        code: 'enrolment_refused',
        message: expect.stringContaining('already been used'),
      });
      const [stored] = await hq.sql.query<{ secret_hash: string }>(
        'select secret_hash from devices where device_id = $1',
        [enrolled.deviceId],
      );
      expect(stored!.secret_hash).not.toContain(enrolled.secret);
    });

    it('refuses unknown and expired codes', async () => {
      const unknown = newClient().enrol({ enrolmentCode: 'AAAA-BBBB-CCCC', deviceName: 'PC', appVersion: '0.1.0' });
      await expect(unknown).rejects.toMatchObject({
        code: 'enrolment_refused',
        message: expect.stringContaining('not known'),
      });
      const { body } = await hq.admin<{ code: string }>('POST', '/admin/enrolment-codes', {
        distributorCode: 'D-ENROL',
      });
      await hq.sql.query(
        "update enrolment_codes set expires_at = now() - interval '1 hour' where used_at is null and distributor_code = 'D-ENROL'",
      );
      const expired = newClient().enrol({ enrolmentCode: body.code, deviceName: 'PC', appVersion: '0.1.0' });
      await expect(expired).rejects.toMatchObject({
        code: 'enrolment_refused',
        message: expect.stringContaining('expired'),
      });
    });

    it('refuses requests without credentials or with a wrong secret', async () => {
      const bare = await fetch(`${hq.url}/sync/v1/push`, { method: 'POST', body: '{"events":[]}' });
      expect(bare.status).toBe(401);
      const { deviceId } = await hq.enrolledClient('D-AUTH');
      const forged = new SyncClient({
        hqAddress: hq.url,
        credentials: { deviceId, secret: 'guessed' },
        maxAttempts: 1,
      });
      await expect(forged.push([])).rejects.toMatchObject({ status: 401, code: 'unauthorized', retryable: false });
    });

    it('stops a revoked device, which is told so and does not retry', async () => {
      const { client, deviceId } = await hq.enrolledClient('D-REVOKE');
      expect((await client.push(invoices(1, 2))).highWaterMark).toBe(2);
      expect((await hq.admin('POST', '/admin/devices/revoke', { deviceId })).status).toBe(200);
      const error = await client.push(invoices(3, 1)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SyncError);
      expect(error).toMatchObject({ status: 403, code: 'revoked', retryable: false });
      const [held] = await hq.sql.query<{ n: number }>('select count(*)::int as n from inbox where device_id = $1', [
        deviceId,
      ]);
      expect(held!.n).toBe(2);
      const listed = await hq.admin<Array<{ deviceId: string; revokedAt: string | null }>>(
        'GET',
        '/admin/devices?distributor=D-REVOKE',
      );
      expect(listed.body[0]!.revokedAt).not.toBeNull();
    });

    it('keeps admin endpoints behind the admin token', async () => {
      const res = await fetch(`${hq.url}/admin/devices`, {
        headers: { authorization: 'Bearer wrong-token-of-some-length' },
      });
      expect(res.status).toBe(401);
    });
  });
}
