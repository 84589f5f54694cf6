import crypto from 'node:crypto';
import { randomToken, sha256 } from './hash';
import type { Sql } from './sql';

/** Distributors, one-time enrolment codes, and the devices enrolled with them. HQ keeps only hashes of
 * codes and secrets, so a copy of its database cannot be used to impersonate a device. */

export class HqRefusal extends Error {
  constructor(
    readonly code: 'bad_request' | 'unauthorized' | 'revoked' | 'not_found' | 'enrolment_refused',
    message: string,
  ) {
    super(message);
  }
}

export interface Device {
  deviceId: string;
  distributorCode: string;
  name: string;
  revokedAt: string | null;
}

export async function upsertDistributor(sql: Sql, code: string, name: string): Promise<void> {
  await sql.query(
    'insert into distributors (code, name) values ($1, $2) on conflict (code) do update set name = excluded.name',
    [code, name],
  );
}

/** A code the brand hands the distributor (by phone, mail); good once, until it expires. */
export async function createEnrolmentCode(
  sql: Sql,
  distributorCode: string,
  validHours = 72,
): Promise<{ code: string; expiresAt: string }> {
  const found = await sql.query('select 1 from distributors where code = $1', [distributorCode]);
  if (!found.length) throw new HqRefusal('not_found', `No distributor ${distributorCode}; create it first`);
  // Groups of four from an alphabet without 0/O/1/I, easy to read out on the phone.
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const raw = Array.from(crypto.randomBytes(12), (b) => alphabet[b % alphabet.length]).join('');
  const code = raw.match(/.{4}/g)!.join('-');
  const rows = await sql.query<{ expires_at: string }>(
    `insert into enrolment_codes (code_hash, distributor_code, expires_at)
     values ($1, $2, now() + make_interval(hours => $3)) returning expires_at`,
    [sha256(normalizeCode(code)), distributorCode, validHours],
  );
  return { code, expiresAt: rows[0]!.expires_at };
}

function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export async function enrolDevice(
  sql: Sql,
  input: { enrolmentCode: string; deviceName: string; appVersion: string },
): Promise<{ deviceId: string; secret: string; distributorCode: string; distributorName: string }> {
  return sql.transaction(async (tx) => {
    const rows = await tx.query<{ distributor_code: string; name: string; usable: boolean; used: boolean }>(
      `select c.distributor_code, d.name, c.used_at is null and c.expires_at > now() as usable, c.used_at is not null as used
       from enrolment_codes c join distributors d on d.code = c.distributor_code where c.code_hash = $1 for update of c`,
      [sha256(normalizeCode(input.enrolmentCode))],
    );
    const code = rows[0];
    if (!code)
      throw new HqRefusal('enrolment_refused', 'This enrolment code is not known to HQ; check it with the brand');
    if (!code.usable) {
      throw new HqRefusal(
        'enrolment_refused',
        code.used ? 'This enrolment code has already been used' : 'This enrolment code has expired',
      );
    }
    const deviceId = `dev_${randomToken(12)}`;
    const secret = randomToken(32);
    await tx.query(
      `insert into devices (device_id, distributor_code, name, app_version, secret_hash) values ($1, $2, $3, $4, $5)`,
      [deviceId, code.distributor_code, input.deviceName, input.appVersion, sha256(secret)],
    );
    await tx.query('update enrolment_codes set used_at = now(), device_id = $2 where code_hash = $1', [
      sha256(normalizeCode(input.enrolmentCode)),
      deviceId,
    ]);
    return { deviceId, secret, distributorCode: code.distributor_code, distributorName: code.name };
  });
}

/** The device a request's credentials name, or a refusal saying why not. */
export async function authenticateDevice(sql: Sql, deviceId: string, secret: string): Promise<Device> {
  const rows = await sql.query<{
    device_id: string;
    distributor_code: string;
    name: string;
    revoked_at: string | null;
    secret_hash: string;
  }>('select device_id, distributor_code, name, revoked_at, secret_hash from devices where device_id = $1', [deviceId]);
  const row = rows[0];
  const given = Buffer.from(sha256(secret));
  if (!row || !crypto.timingSafeEqual(given, Buffer.from(row.secret_hash))) {
    throw new HqRefusal('unauthorized', 'Unknown device or wrong secret');
  }
  if (row.revoked_at)
    throw new HqRefusal('revoked', `HQ revoked this device on ${row.revoked_at}; enrol again with a new code`);
  return { deviceId: row.device_id, distributorCode: row.distributor_code, name: row.name, revokedAt: null };
}

export async function revokeDevice(sql: Sql, deviceId: string): Promise<void> {
  const rows = await sql.query(
    'update devices set revoked_at = coalesce(revoked_at, now()) where device_id = $1 returning 1',
    [deviceId],
  );
  if (!rows.length) throw new HqRefusal('not_found', `No device ${deviceId}`);
}

export async function listDevices(sql: Sql, distributorCode?: string) {
  return sql.query(
    `select device_id as "deviceId", distributor_code as "distributorCode", name, app_version as "appVersion",
            enrolled_at as "enrolledAt", revoked_at as "revokedAt", high_water_mark as "highWaterMark"
     from devices where $1::text is null or distributor_code = $1 order by enrolled_at`,
    [distributorCode ?? null],
  );
}
