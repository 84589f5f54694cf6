import { createHash } from 'node:crypto';
import type { Ledger } from '../ledger/open-ledger';

/**
 * The Idempotency-Key ledger (IETF httpapi idempotency-key draft): a document-creating call sent
 * with a key is answered once; every retry with the same key and the same body gets that first
 * answer back and creates nothing. The row is written in the document's own transaction, so a
 * crash never leaves a document without its key nor a key without its document. Only successes
 * are kept: a refused call wrote nothing, so retrying it under the same key simply tries again.
 */

/** How long a key is remembered. A day covers any retry a clerk or a flaky network makes. */
export const KEY_LIFETIME_HOURS = 24;
const MAX_KEY_LENGTH = 255;

/** What the dispatcher does with a key: replay the stored answer, refuse a changed body, or run. */
export type KeyLookup =
  { kind: 'new' } | { kind: 'replay'; status: number; body: unknown } | { kind: 'mismatch'; operation: string };

/** A key is 1–255 visible ASCII characters (a UUID in practice); anything else is refused. */
export function keyProblem(key: string): string | null {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH)
    return `The Idempotency-Key must be 1 to ${MAX_KEY_LENGTH} characters`;
  if (!/^[\x20-\x7e]+$/.test(key)) return 'The Idempotency-Key may hold only visible ASCII characters';
  return null;
}

/** JSON with object keys sorted, so { a, b } and { b, a } are one request. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function requestHash(operation: string, input: unknown): string {
  return createHash('sha256')
    .update(`${operation}\n${canonicalJson(input)}`)
    .digest('hex');
}

function cutoff(now: Date): string {
  return new Date(now.getTime() - KEY_LIFETIME_HOURS * 3_600_000).toISOString();
}

/** Inside the write transaction: forgets expired keys, then looks this one up. */
export function lookUpKey(ledger: Ledger, now: Date, userId: number, key: string, hash: string): KeyLookup {
  ledger.sqlite.prepare('DELETE FROM idempotency_keys WHERE created_at < ?').run(cutoff(now));
  const row = ledger.sqlite
    .prepare(
      'SELECT operation, request_hash AS hash, status, response FROM idempotency_keys WHERE user_id = ? AND key = ?',
    )
    .get(userId, key) as { operation: string; hash: string; status: number; response: string } | undefined;
  if (!row) return { kind: 'new' };
  if (row.hash !== hash) return { kind: 'mismatch', operation: row.operation };
  return { kind: 'replay', status: row.status, body: JSON.parse(row.response) };
}

/** Inside the same write transaction as the document the call created. */
export function rememberKey(
  ledger: Ledger,
  now: Date,
  entry: { userId: number; key: string; operation: string; hash: string; status: number; body: unknown },
): void {
  ledger.sqlite
    .prepare(
      `INSERT INTO idempotency_keys (user_id, key, operation, request_hash, status, response, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      entry.userId,
      entry.key,
      entry.operation,
      entry.hash,
      entry.status,
      JSON.stringify(entry.body),
      now.toISOString(),
    );
}
