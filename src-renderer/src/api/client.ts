import type { ApiErrorBody, InputOf, OperationName, OutputOf } from '../../../src-shared/contract';

interface Envelope {
  status: number;
  body: unknown;
}

declare global {
  interface Window {
    /** Present in the desktop app (preload); absent in browser mode. */
    stockist?: {
      call(name: string, input: unknown, options?: CallOptions): Promise<Envelope>;
      print(
        base64: string,
        options?: { silent?: boolean; deviceName?: string },
      ): Promise<{ ok: boolean; error?: string }>;
      printers(): Promise<string[]>;
    };
  }
}

/** Sent beside the input: the Idempotency-Key of the document being saved (see document-key.ts). */
export interface CallOptions {
  idempotencyKey?: string;
}

/** A refusal from the main process: code, message and the field to point at. */
export class ApiError extends Error {
  readonly code: string;
  readonly field?: string;
  readonly issues: { field: string; message: string }[];
  constructor(body: ApiErrorBody['error']) {
    super(body.message);
    this.code = body.code;
    this.field = body.field;
    this.issues = body.issues ?? (body.field !== undefined ? [{ field: body.field, message: body.message }] : []);
  }
}

async function overHttp(name: string, input: unknown, options: CallOptions): Promise<Envelope> {
  const key: Record<string, string> = options.idempotencyKey
    ? { 'idempotency-key': `"${options.idempotencyKey}"` }
    : {};
  const res = await fetch(`/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...key },
    credentials: 'same-origin',
    body: JSON.stringify(input ?? {}),
  });
  return {
    status: res.status,
    body: await res.json().catch(() => ({ error: { code: 'internal', message: `Stockist answered ${res.status}` } })),
  };
}

let onSignedOut: (() => void) | null = null;
export function whenSignedOut(handler: () => void): void {
  onSignedOut = handler;
}

/** The one way screens talk to the main process; they never know which transport carried it. */
export async function call<N extends OperationName>(
  name: N,
  input: InputOf<N>,
  options: CallOptions = {},
): Promise<OutputOf<N>> {
  const envelope = window.stockist
    ? await window.stockist.call(name, input, options)
    : await overHttp(name, input, options);
  if (envelope.status === 200) return envelope.body as OutputOf<N>;
  const error = new ApiError((envelope.body as ApiErrorBody).error);
  if (error.code === 'unauthenticated' && name !== 'auth.login') onSignedOut?.();
  throw error;
}
