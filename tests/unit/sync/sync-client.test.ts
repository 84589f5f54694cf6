import { describe, expect, it } from 'vitest';
import { SyncClient } from '../../../src-main/engine/sync/sync-client';
import { SyncError } from '../../../src-main/engine/sync/sync-errors';

/** The client against a scripted fetch: which failures it retries, how long it waits, what it refuses. */
function scripted(answers: Array<{ status: number; body: unknown } | 'timeout' | 'offline'>) {
  const calls: Array<{ url: string; headers: Record<string, string> }> = [];
  const fetchFn = (async (url: string, init: RequestInit) => {
    calls.push({ url, headers: init.headers as Record<string, string> });
    const next = answers.shift()!;
    if (next === 'timeout') throw Object.assign(new Error('timed out'), { name: 'TimeoutError' });
    if (next === 'offline') throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    return new Response(JSON.stringify(next.body), { status: next.status });
  }) as unknown as typeof fetch;
  const sleeps: number[] = [];
  const client = new SyncClient({
    hqAddress: 'https://hq.brand.example',
    credentials: { deviceId: 'dev_1', secret: 's3cret' },
    fetch: fetchFn,
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
    backoff: { baseMs: 100, capMs: 1_000 },
  });
  return { client, calls, sleeps };
}

const ok = { status: 200, body: { results: [], highWaterMark: 7 } };
const down = { status: 503, body: { error: { code: 'internal', message: 'HQ is restarting' } } };

describe('sync client', () => {
  it('retries timeouts, lost connections and 5xx with growing jittered waits, then succeeds', async () => {
    const { client, calls, sleeps } = scripted(['timeout', 'offline', down, ok]);
    expect(await client.push([])).toEqual({ results: [], highWaterMark: 7 });
    expect(sleeps).toEqual([50, 100, 200]);
    expect(calls[0]).toMatchObject({
      url: 'https://hq.brand.example/sync/v1/push',
      headers: { 'x-stockist-device': 'dev_1', authorization: 'Bearer s3cret' },
    });
  });

  it('gives up after its attempts with a retryable error the worker can wait out', async () => {
    const { client } = scripted([down, down, down, down, down]);
    await expect(client.push([])).rejects.toMatchObject({
      status: 503,
      retryable: true,
      message: 'push: HQ is restarting',
    });
  });

  it('does not retry what waiting cannot fix', async () => {
    const { client, calls } = scripted([
      { status: 403, body: { error: { code: 'revoked', message: 'HQ revoked this device' } } },
    ]);
    const error = await client.pull(null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncError);
    expect(error).toMatchObject({ code: 'revoked', retryable: false });
    expect(calls).toHaveLength(1);
  });

  it('refuses an answer that does not follow the protocol', async () => {
    const { client } = scripted([{ status: 200, body: { results: 'all good' } }]);
    await expect(client.push([])).rejects.toMatchObject({ code: 'bad_answer', retryable: false });
  });

  it('will not talk to HQ before enrolment, nor to a plain-http HQ elsewhere', async () => {
    const unenrolled = new SyncClient({ hqAddress: 'https://hq.brand.example' });
    await expect(unenrolled.push([])).rejects.toMatchObject({ code: 'not_enrolled' });
    expect(() => new SyncClient({ hqAddress: 'http://hq.brand.example' })).toThrow(/unencrypted/);
  });
});
