import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { masterTypes, type MasterType } from '../../src-shared/sync';
import { publicationsFromCsv } from '../csv';
import { readBody, readJson } from '../http';
import { createEnrolmentCode, HqRefusal, listDevices, revokeDevice, upsertDistributor } from '../store/devices';
import { publishMasters } from '../store/masters';
import type { Sql } from '../store/sql';
import { eventsPerDay, parkedEvents, secondarySalesPerDay } from '../store/views';

/** The brand's own endpoints: distributors, enrolment codes, devices, publishing, read views. */

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');
const publication = z.object({
  masterType: z.enum(masterTypes),
  data: z.unknown(),
  validFrom: day,
  validTo: day.nullable().optional(),
  distributorCode: z.string().nullable().optional(),
});

type Handler = (sql: Sql, req: IncomingMessage, query: URLSearchParams) => Promise<unknown>;

function range(query: URLSearchParams) {
  const from = query.get('from') ?? '0001-01-01';
  const to = query.get('to') ?? '9999-12-31';
  if (!day.safeParse(from).success || !day.safeParse(to).success)
    throw new HqRefusal('bad_request', 'from and to must be YYYY-MM-DD');
  return { from, to, distributorCode: query.get('distributor') ?? undefined };
}

export const adminRoutes: Record<string, Handler> = {
  'POST /admin/distributors': async (sql, req) => {
    const d = await readJson(req, z.object({ code: z.string().min(1).max(40), name: z.string().min(1).max(200) }));
    await upsertDistributor(sql, d.code, d.name);
    return { ok: true };
  },
  'POST /admin/enrolment-codes': async (sql, req) => {
    const b = await readJson(
      req,
      z.object({
        distributorCode: z.string(),
        validHours: z
          .int()
          .min(1)
          .max(24 * 30)
          .optional(),
      }),
    );
    return createEnrolmentCode(sql, b.distributorCode, b.validHours);
  },
  'GET /admin/devices': (sql, _req, q) => listDevices(sql, q.get('distributor') ?? undefined),
  'POST /admin/devices/revoke': async (sql, req) => {
    await revokeDevice(sql, (await readJson(req, z.object({ deviceId: z.string() }))).deviceId);
    return { ok: true };
  },
  'POST /admin/masters': async (sql, req) => {
    const { items } = await readJson(req, z.object({ items: z.array(publication).min(1).max(10_000) }));
    return { published: await publishMasters(sql, items) };
  },
  'POST /admin/masters/csv': async (sql, req, q) => {
    const type = q.get('type') as MasterType;
    if (!masterTypes.includes(type))
      throw new HqRefusal('bad_request', `type must be one of ${masterTypes.join(', ')}`);
    const items = publicationsFromCsv(type, await readBody(req), {
      validFrom: q.get('validFrom') ?? undefined,
      validTo: q.get('validTo'),
      distributorCode: q.get('distributor'),
    });
    return { published: await publishMasters(sql, items) };
  },
  'GET /admin/views/events': (sql, _req, q) => eventsPerDay(sql, range(q)),
  'GET /admin/views/secondary-sales': (sql, _req, q) => secondarySalesPerDay(sql, range(q)),
  'GET /admin/views/parked': (sql, _req, q) => parkedEvents(sql, q.get('distributor') ?? undefined),
};
