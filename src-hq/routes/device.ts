import type { IncomingMessage } from 'node:http';
import {
  controlTotalsRequest,
  enrolRequest,
  pullRequest,
  pushRequest,
  SYNC_LIMITS,
  type controlTotalsResponse,
  type enrolResponse,
  type pullResponse,
  type pushResponse,
} from '../../src-shared/sync';
import type { z } from 'zod';
import { readJson } from '../http';
import { compareTotals, hqControlTotals } from '../store/control-totals';
import { authenticateDevice, enrolDevice, HqRefusal, type Device } from '../store/devices';
import { advanceHighWaterMark } from '../store/high-water-mark';
import { ingestBatch } from '../store/ingest';
import { pullMasters } from '../store/masters';
import type { Sql } from '../store/sql';

/** The endpoints a device calls. Each answers a JSON body or throws an HqRefusal. */

export async function deviceFrom(sql: Sql, req: IncomingMessage): Promise<Device> {
  const deviceId = req.headers['x-stockist-device'];
  const auth = req.headers.authorization ?? '';
  const secret = /^Bearer (\S+)$/.exec(auth)?.[1];
  if (typeof deviceId !== 'string' || !secret) {
    throw new HqRefusal('unauthorized', 'Send X-Stockist-Device: <deviceId> and Authorization: Bearer <secret>');
  }
  return authenticateDevice(sql, deviceId, secret);
}

export async function enrol(sql: Sql, req: IncomingMessage): Promise<z.input<typeof enrolResponse>> {
  return enrolDevice(sql, await readJson(req, enrolRequest));
}

export async function push(sql: Sql, req: IncomingMessage): Promise<z.input<typeof pushResponse>> {
  const device = await deviceFrom(sql, req);
  const { events } = await readJson(req, pushRequest);
  if (!events.length)
    return { results: [], highWaterMark: await sql.transaction((tx) => advanceHighWaterMark(tx, device.deviceId)) };
  return ingestBatch(sql, device, events);
}

export async function pull(sql: Sql, req: IncomingMessage): Promise<z.input<typeof pullResponse>> {
  const device = await deviceFrom(sql, req);
  const { cursor, limit } = await readJson(req, pullRequest);
  return pullMasters(sql, device.distributorCode, cursor, limit ?? SYNC_LIMITS.maxPullItems);
}

export async function controlTotals(sql: Sql, req: IncomingMessage): Promise<z.input<typeof controlTotalsResponse>> {
  const device = await deviceFrom(sql, req);
  const { businessDate, totals } = await readJson(req, controlTotalsRequest);
  const hq = await hqControlTotals(sql, device.deviceId, businessDate);
  const highWaterMark = await sql.transaction((tx) => advanceHighWaterMark(tx, device.deviceId));
  const differences = compareTotals(totals, hq);
  return { businessDate, hq, highWaterMark, matches: differences.length === 0, differences };
}
