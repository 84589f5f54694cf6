import type { z } from 'zod';
import type { Permission } from '../permissions';

/** Who may call an operation: anyone (login, first-run), any signed-in user, or a permission. */
export type Access = 'public' | 'signed-in' | Permission;

export interface Operation<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  summary: string;
  input: I;
  output: O;
  access: Access;
  /** Writes run inside one SQLite transaction; reads do not need one. */
  kind: 'read' | 'write';
  /**
   * A heavy read (a year's report, an export, a PDF): runs in a worker thread on its own read-only
   * connection, so the calls behind it (a clerk's confirm, a notification poll) are not held up.
   */
  runs?: 'worker';
  /**
   * Creates a numbered document or moves one to a new state: honours an Idempotency-Key, so a
   * retry or a second key press returns the first answer instead of a second document.
   */
  idempotent?: boolean;
}

export function operation<I extends z.ZodType, O extends z.ZodType>(op: Operation<I, O>): Operation<I, O> {
  return op;
}

/** The stable error body every transport returns. */
export interface ApiErrorBody {
  error: { code: ErrorCode; message: string; field?: string; issues?: { field: string; message: string }[] };
}

export const errorStatus = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  unknown_operation: 404,
  conflict: 409,
  rule_violated: 409,
  /** An Idempotency-Key already used for a different request (IETF httpapi idempotency-key draft). */
  key_reused: 422,
  /** Too many failed sign-ins for this username or address; Retry-After says when to try again. */
  too_many_requests: 429,
  /** The request body is larger than this operation accepts. */
  too_large: 413,
  /** Another write holds the ledger; retryable (Retry-After). */
  busy: 503,
  /** The ledger file cannot be written (read-only file or folder, no permission); reads still work. */
  storage_unavailable: 503,
  /** The disk holding the ledger is full; reads still work. */
  storage_full: 507,
  internal: 500,
  /** A worker thread running a heavy read stopped; nothing was written and the call may be retried. */
  unavailable: 503,
} as const;
export type ErrorCode = keyof typeof errorStatus;
