import type { IncomingMessage, ServerResponse } from 'node:http';
import { SYNC_LIMITS } from '../src-shared/sync';
import type { z } from 'zod';
import { HqRefusal } from './store/devices';

/** Small helpers for the plain node:http server: bounded bodies, JSON answers, one error shape. */

export class TooLarge extends Error {}

export async function readBody(req: IncomingMessage, limit = SYNC_LIMITS.maxRequestBytes): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new TooLarge(`Request body is larger than ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function readJson<S extends z.ZodType>(req: IncomingMessage, schema: S): Promise<z.output<S>> {
  const text = await readBody(req);
  let value: unknown;
  try {
    value = JSON.parse(text || '{}');
  } catch {
    throw new HqRefusal('bad_request', 'Body is not valid JSON');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new HqRefusal('bad_request', `${issue.path.join('.') || 'body'}: ${issue.message}`);
  }
  return parsed.data;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

const statusOf = { bad_request: 400, unauthorized: 401, revoked: 403, not_found: 404, enrolment_refused: 403 } as const;

export function sendError(res: ServerResponse, error: unknown): void {
  if (error instanceof HqRefusal)
    return sendJson(res, statusOf[error.code], { error: { code: error.code, message: error.message } });
  if (error instanceof TooLarge) return sendJson(res, 413, { error: { code: 'too_large', message: error.message } });
  console.error('[hq]', error);
  sendJson(res, 500, { error: { code: 'internal', message: 'HQ could not process the request; retry later' } });
}
