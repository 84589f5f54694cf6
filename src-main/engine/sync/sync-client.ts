import type { z } from 'zod';
import {
  controlTotalsResponse,
  enrolResponse,
  pullResponse,
  pushResponse,
  type ControlTotals,
  type EventEnvelope,
} from '../../../src-shared/sync';
import { backoffDelayMs, defaultBackoff, type BackoffPolicy } from './backoff';
import { hqBaseUrl } from './hq-address';
import { isRetryableStatus, SyncError } from './sync-errors';

/** The device's side of the wire: one typed call per endpoint, each attempt with a timeout, retried with
 * backoff while the failure is one that waiting can cure. It knows nothing of the ledger or the outbox;
 * the sync worker decides what to send and what to do with the answers. */

export interface DeviceCredentials {
  deviceId: string;
  secret: string;
}

export interface SyncClientOptions {
  hqAddress: string;
  credentials?: DeviceCredentials;
  /** Per attempt. */
  timeoutMs?: number;
  /** Attempts per call, including the first; the worker itself retries forever on its timer. */
  maxAttempts?: number;
  backoff?: BackoffPolicy;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  userAgent?: string;
}

export class SyncClient {
  readonly base: URL;
  private credentials?: DeviceCredentials;

  constructor(private readonly options: SyncClientOptions) {
    this.base = hqBaseUrl(options.hqAddress);
    this.credentials = options.credentials;
  }

  /** Not retried: an enrolment code is good once, so a retry after a lost answer would be refused anyway.
   * If the answer is lost the distributor asks the brand for a new code (and the brand revokes the orphan). */
  async enrol(input: {
    enrolmentCode: string;
    deviceName: string;
    appVersion: string;
  }): Promise<z.output<typeof enrolResponse>> {
    const answer = await this.attempt('enrol', input, enrolResponse, false);
    this.credentials = { deviceId: answer.deviceId, secret: answer.secret };
    return answer;
  }

  /** Idempotent: HQ answers duplicate for events it already holds, so any failure may be retried. */
  push(events: EventEnvelope[]): Promise<z.output<typeof pushResponse>> {
    return this.withRetries(() => this.attempt('push', { events }, pushResponse, true));
  }

  pull(cursor: string | null, limit?: number): Promise<z.output<typeof pullResponse>> {
    return this.withRetries(() => this.attempt('pull', { cursor, limit }, pullResponse, true));
  }

  controlTotals(businessDate: string, totals: ControlTotals): Promise<z.output<typeof controlTotalsResponse>> {
    return this.withRetries(() =>
      this.attempt('control-totals', { businessDate, totals }, controlTotalsResponse, true),
    );
  }

  private async withRetries<T>(call: () => Promise<T>): Promise<T> {
    const attempts = this.options.maxAttempts ?? 5;
    const sleep = this.options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    for (let attempt = 0; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        if (!(error instanceof SyncError) || !error.retryable || attempt + 1 >= attempts) throw error;
        await sleep(backoffDelayMs(attempt, this.options.backoff ?? defaultBackoff, this.options.random));
      }
    }
  }

  private async attempt<S extends z.ZodType>(
    endpoint: string,
    body: unknown,
    schema: S,
    authed: boolean,
  ): Promise<z.output<S>> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': this.options.userAgent ?? 'Stockist',
    };
    if (authed) {
      if (!this.credentials) throw new SyncError('This installation is not enrolled with HQ', 0, 'not_enrolled', false);
      headers['x-stockist-device'] = this.credentials.deviceId;
      headers.authorization = `Bearer ${this.credentials.secret}`;
    }
    const url = `${this.base.href.replace(/\/$/, '')}/sync/v1/${endpoint}`;
    const timeoutMs = this.options.timeoutMs ?? 30_000;
    let response: Response;
    let text: string;
    try {
      response = await (this.options.fetch ?? fetch)(url, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
      text = await response.text();
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      const why = timedOut ? `no answer within ${timeoutMs} ms` : `could not reach HQ (${describe(error)})`;
      throw new SyncError(`${endpoint}: ${why}`, 0, timedOut ? 'timeout' : 'offline', true);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new SyncError(
        `${endpoint}: HQ answered ${response.status} without JSON`,
        response.status,
        'bad_answer',
        isRetryableStatus(response.status),
      );
    }
    if (!response.ok) {
      const err = (json as { error?: { code?: string; message?: string } }).error;
      throw new SyncError(
        `${endpoint}: ${err?.message ?? `HQ answered ${response.status}`}`,
        response.status,
        err?.code ?? 'http',
        isRetryableStatus(response.status),
      );
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success)
      throw new SyncError(
        `${endpoint}: HQ's answer does not follow the protocol`,
        response.status,
        'bad_answer',
        false,
      );
    return parsed.data;
  }
}

function describe(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  return cause?.code ?? (error instanceof Error ? error.message : String(error));
}
