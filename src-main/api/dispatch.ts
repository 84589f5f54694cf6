import { z } from 'zod';
import { contract, errorStatus, isOperationName, type ApiErrorBody, type ErrorCode } from '../../src-shared/contract';
import { roleCan } from '../../src-shared/permissions';
import type { Ledger } from '../ledger/open-ledger';
import type { Actor } from '../engine/context';
import { DomainError } from '../engine/errors';
import { actorForToken } from '../engine/users/sessions';
import type { CallContext, Handler, NetworkPort } from './handler-types';
import { touchSession } from '../engine/users/devices';
import { handlers, ownTransaction } from './handlers';
import { RetryLater } from '../engine/users/login-throttle';
import { storageFailure } from './storage-errors';
import { keyProblem, lookUpKey, rememberKey, requestHash } from './idempotency';
import type { ReadPool } from './read-pool';
import type { HeapRelease } from './heap-release';
import { answeredAsJson } from './answered-as-json';
import type { LedgerHost } from '../engine/backups/restore-backup';

export interface ApiResult {
  status: number;
  body: unknown;
  /**
   * The body already as UTF-8 JSON (a read worker's answer): a transport that sends JSON writes
   * these bytes; `body` parses them only if someone reads it (the desktop window, tests).
   */
  json?: Uint8Array;
  /** Set when a call starts (token) or ends (null) a session; the transport stores it, never the renderer. */
  session?: string | null;
  /** True when an Idempotency-Key matched an earlier call and this is that call's answer again. */
  replayed?: boolean;
  /** Extra response headers, e.g. Retry-After on 429 and 503. */
  headers?: Record<string, string>;
}

/** What a transport passes besides the input: today only the caller's Idempotency-Key. */
export interface CallOptions {
  idempotencyKey?: string;
  /** The caller's address, for sign-in throttling and the failed-login audit. */
  remoteAddress?: string;
  userAgent?: string;
  /** The terminal's device cookie (HTTP); absent for the desktop window. */
  deviceId?: string;
}

export interface Api {
  call(name: string, input: unknown, sessionToken?: string, options?: CallOptions): Promise<ApiResult>;
  /** The refusal a call would get before its input is even read (unknown name, no session, no permission). */
  admission(name: string, sessionToken?: string): ApiResult | null;
  ledger: Ledger;
}

function failure(
  code: ErrorCode,
  message: string,
  field?: string,
  issues?: { field: string; message: string }[],
): ApiResult {
  const body: ApiErrorBody = {
    error: { code, message, ...(field !== undefined ? { field } : {}), ...(issues ? { issues } : {}) },
  };
  return { status: errorStatus[code], body };
}

/** A handler's unexpected error inside a worker, carried back as its stack for the log. */
class WorkerFailure extends Error {
  constructor(stack: string) {
    super(stack.split('\n')[0]);
    this.stack = stack;
  }
}

function describeIssues(error: z.ZodError): { field: string; message: string }[] {
  return error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message }));
}

/** Signing in and out still work on a damaged ledger (sessions only), so the owner can read and export. */
const allowedWhileDamaged = new Set(['auth.login', 'auth.logout']);

/** The background check's finding (integrity-check.ts): a damaged ledger takes no more writes. */
function refusedWhileDamaged(ledger: Ledger, name: string, kind: 'read' | 'write'): string | null {
  if (kind !== 'write' || ledger.health?.state !== 'damaged' || allowedWhileDamaged.has(name)) return null;
  return ledger.health.message;
}

/**
 * The one place every call passes through, whichever transport brought it: look up the
 * operation, identify the caller, check permission, validate input, run it (writes in one
 * transaction), and turn any refusal into the stable error shape. Never a stack trace.
 */
export function createApi(
  ledger: Ledger,
  options: {
    now?: () => Date;
    log?: (message: string) => void;
    readPool?: ReadPool | null;
    busyPatienceMs?: number;
    /** How this API is served (desktop, loopback, LAN) and who to tell when the LAN setting changes. */
    network?: NetworkPort;
    /** The app's processes (not tests): give a grown heap back after a call (heap-release.ts). */
    heap?: HeapRelease;
  } = {},
): Api {
  const network: NetworkPort = options.network ?? {
    status: () => ({ mode: 'desktop', url: null, secure: true, fingerprint: null }),
  };
  /** When each session was last marked seen: at most one write a minute per session, none per call. */
  const lastTouched = new Map<string, number>();
  const now = options.now ?? (() => new Date());
  const busyPatienceMs = options.busyPatienceMs ?? 3000;

  /**
   * Another process (a second window, a backup tool) may hold the write lock. SQLite waits for it
   * only busy_timeout (100 ms, blocking); after that we wait here, between attempts, without
   * blocking the event loop, and retry the whole call (its transaction rolled back). Past the
   * patience the caller gets a retryable 503.
   */
  async function patientlyWhenBusy(execute: () => Promise<ApiResult>, name: string): Promise<ApiResult> {
    const started = Date.now();
    for (;;) {
      try {
        return await execute();
      } catch (error) {
        const busy = storageFailure(error, name)?.code === 'busy';
        if (!busy || ownTransaction.has(name) || Date.now() - started >= busyPatienceMs) throw error;
        await new Promise((wake) => setTimeout(wake, 20 + Math.random() * 80));
      }
    }
  }
  const log = options.log ?? ((message: string) => console.error(message));
  const readPool = options.readPool ?? null;
  const heap = options.heap;
  /** Calls being answered now; the heap is given back only when none is. */
  let inFlight = 0;

  /** Set while a restore swaps the ledger file: every call arriving meanwhile waits for the new one. */
  let swapping: Promise<void> | null = null;
  const host: LedgerHost = {
    async replaceLedger(swap) {
      const done = (async () => {
        if (readPool) await readPool.pause(swap);
        else swap();
      })();
      swapping = done.catch(() => undefined);
      try {
        await done;
      } finally {
        swapping = null;
      }
    },
  };
  /** A read-only task of a write (an import's check) in a read worker; refusals come back as they were thrown. */
  async function inWorker(task: string, input: unknown, actor: Actor | null, sessionToken?: string): Promise<unknown> {
    const outcome = await readPool!.run({ name: task, input, actor, sessionToken, now: now().toISOString() });
    if (outcome.kind === 'done') return outcome.output;
    if (outcome.kind === 'answered') return answeredAsJson(outcome.json).body;
    if (outcome.kind === 'refused') throw new DomainError(outcome.code, outcome.message, outcome.field);
    if (outcome.kind === 'failed') throw new WorkerFailure(outcome.stack);
    log(`[stockist] ${task} lost its worker: ${outcome.reason}`);
    throw new DomainError(
      'unavailable',
      'Stockist stopped while checking this file; nothing was saved. Please try again.',
    );
  }

  function admission(name: string, sessionToken?: string): ApiResult | null {
    if (!isOperationName(name)) return failure('unknown_operation', `There is no operation called ${name}`);
    const op = contract[name];
    if (op.access === 'public') return null;
    const actor = actorForToken({ ledger, now, actor: null }, sessionToken);
    if (!actor) return failure('unauthenticated', 'Please sign in first');
    if (op.access !== 'signed-in' && !roleCan(actor.role, op.access))
      return failure('forbidden', `Your role (${actor.role}) does not allow ${op.access}`);
    return null;
  }

  function seen(token: string): void {
    const at = now().getTime();
    if (at - (lastTouched.get(token) ?? 0) < 60_000) return;
    lastTouched.set(token, at);
    if (lastTouched.size > 10_000) lastTouched.clear();
    touchSession({ ledger, now, actor: null }, token);
  }

  async function call(
    name: string,
    rawInput: unknown,
    sessionToken?: string,
    options: CallOptions = {},
  ): Promise<ApiResult> {
    inFlight += 1;
    try {
      return await answer(name, rawInput, sessionToken, options);
    } finally {
      inFlight -= 1;
      // When the last call in flight is answered (the transport writes it in this microtask turn):
      // a collection in the middle of an import would keep the import's rows and block its writes.
      if (heap && inFlight === 0) setImmediate(() => inFlight === 0 && heap.releaseIfGrown());
    }
  }

  async function answer(
    name: string,
    rawInput: unknown,
    sessionToken: string | undefined,
    options: CallOptions,
  ): Promise<ApiResult> {
    while (swapping) await swapping;
    const refused = admission(name, sessionToken);
    if (refused || !isOperationName(name)) return refused!;
    const op = contract[name];
    const damaged = refusedWhileDamaged(ledger, name, op.kind);
    if (damaged) return failure('storage_unavailable', damaged);
    const base = {
      ledger,
      now,
      actor: null as Actor | null,
      sessionToken,
      remoteAddress: options.remoteAddress,
      userAgent: options.userAgent,
      deviceId: options.deviceId,
      network,
    };
    const actor = actorForToken(base, sessionToken);
    if (actor && sessionToken) seen(sessionToken);
    const parsed = (op.input as z.ZodType).safeParse(rawInput ?? {});
    if (!parsed.success) {
      const issues = describeIssues(parsed.error);
      return failure('invalid_input', issues[0]!.message, issues[0]!.field, issues);
    }
    const key = options.idempotencyKey;
    const problem = key === undefined ? null : keyProblem(key);
    if (problem) return failure('invalid_input', problem, 'Idempotency-Key');
    const ctx: CallContext = { ...base, actor, host };
    if (readPool?.usable()) ctx.runInWorker = (task, input) => inWorker(task, input, actor, sessionToken);
    const handler = handlers[name] as Handler<typeof name>;
    const execute = async (): Promise<ApiResult> => {
      const run = () => handler(parsed.data as never, ctx);
      // A key on a call that creates or changes a document: look it up and remember the answer in
      // the document's own transaction. IMMEDIATE takes the write lock first, so a concurrent
      // call with the same key (another window, another process) waits and then finds the row.
      if (key !== undefined && op.idempotent && op.kind === 'write' && actor) {
        const hash = requestHash(name, parsed.data);
        const outcome = ledger.sqlite
          .transaction(() => {
            const seen = lookUpKey(ledger, now(), actor.id, key, hash);
            if (seen.kind !== 'new') return seen;
            const body = (op.output as z.ZodType).parse(run());
            rememberKey(ledger, now(), { userId: actor.id, key, operation: name, hash, status: 200, body });
            return { kind: 'done' as const, body };
          })
          .immediate();
        if (outcome.kind === 'mismatch') {
          return failure(
            'key_reused',
            `Already saved: this Idempotency-Key was used for a different ${outcome.operation} request, so nothing was saved now. Start a new document to save these details.`,
            'Idempotency-Key',
          );
        }
        if (outcome.kind === 'replay') return { status: outcome.status, body: outcome.body, replayed: true };
        return { status: 200, body: outcome.body };
      }
      // Writes are synchronous inside one transaction (never an await inside it); reads may be
      // asynchronous, e.g. a PDF streaming out of pdfkit. Heavy reads go to a worker thread.
      let output: unknown;
      let checked = false;
      if (op.kind === 'read' && op.runs === 'worker' && readPool?.usable()) {
        const outcome = await readPool.run({ name, input: parsed.data, actor, sessionToken, now: now().toISOString() });
        if (outcome.kind === 'refused') return failure(outcome.code, outcome.message, outcome.field);
        if (outcome.kind === 'failed') throw new WorkerFailure(outcome.stack);
        if (outcome.kind === 'lost') {
          log(`[stockist] ${name} lost its worker: ${outcome.reason}`);
          return failure('unavailable', 'Stockist stopped while preparing this; nothing was saved. Please try again.');
        }
        if (outcome.kind === 'answered') return answeredAsJson(outcome.json);
        output = outcome.output;
        checked = true;
      } else {
        const inTransaction = op.kind === 'write' && !ownTransaction.has(name);
        output = inTransaction ? ledger.sqlite.transaction(run).immediate() : await run();
      }
      const body = (checked ? output : (op.output as z.ZodType).parse(output)) as Record<string, unknown> | null;
      if (body && typeof body === 'object' && 'token' in body) {
        const { token, ...rest } = body as { token: string };
        return { status: 200, body: rest, session: token };
      }
      // A restore ended every session, the caller's too: the transport forgets its token.
      if (name === 'auth.logout' || name === 'backups.restore') return { status: 200, body, session: null };
      return { status: 200, body };
    };
    try {
      return await patientlyWhenBusy(execute, name);
    } catch (error) {
      return refusal(error, name);
    }
  }

  function refusal(error: unknown, name: string): ApiResult {
    if (error instanceof RetryLater)
      return { ...failure(error.code, error.message), headers: { 'retry-after': String(error.retryAfterSeconds) } };
    if (error instanceof DomainError) return failure(error.code, error.message, error.field);
    const storage = storageFailure(error, name);
    if (storage) {
      log(`[stockist] ${name} refused by storage: ${(error as Error)?.message ?? String(error)}`);
      const retry = storage.retryAfterSeconds;
      return {
        ...failure(storage.code, storage.message),
        ...(retry ? { headers: { 'retry-after': String(retry) } } : {}),
      };
    }
    log(`[stockist] ${name} failed: ${(error as Error)?.stack ?? String(error)}`);
    return failure('internal', 'Something went wrong inside Stockist; nothing was saved. The details are in the log.');
  }

  return { call, admission, ledger };
}
