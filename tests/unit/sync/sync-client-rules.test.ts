import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from '../../../src-main/engine/sync/backoff';
import { takeBatch } from '../../../src-main/engine/sync/batching';
import { hqBaseUrl, HqAddressError } from '../../../src-main/engine/sync/hq-address';

describe('backoff with full jitter', () => {
  it('waits between nothing and base·2^attempt, never beyond the cap', () => {
    const policy = { baseMs: 500, capMs: 60_000 };
    expect(backoffDelayMs(0, policy, () => 0.999_999)).toBe(499);
    expect(backoffDelayMs(3, policy, () => 0.5)).toBe(2_000);
    expect(backoffDelayMs(40, policy, () => 0.999_999)).toBe(59_999);
    expect(backoffDelayMs(5, policy, () => 0)).toBe(0);
    fc.assert(
      fc.property(fc.nat(100), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, r) => {
        const ms = backoffDelayMs(attempt, policy, () => r);
        return Number.isInteger(ms) && ms >= 0 && ms < Math.min(policy.capMs, policy.baseMs * 2 ** attempt);
      }),
    );
  });
});

describe('HQ address', () => {
  it('takes https anywhere and plain http only to this computer', () => {
    expect(hqBaseUrl('https://hq.brand.example/').href).toBe('https://hq.brand.example/');
    expect(hqBaseUrl(' https://brand.example/stockist/ ').href).toBe('https://brand.example/stockist');
    for (const local of ['http://127.0.0.1:8787', 'http://localhost:8787', 'http://[::1]:8787', 'http://127.8.9.10']) {
      expect(hqBaseUrl(local).protocol).toBe('http:');
    }
  });

  it('refuses http to another machine, saying why and what to do', () => {
    for (const remote of [
      'http://hq.brand.example',
      'http://192.168.1.20:8787',
      'http://128.0.0.1',
      'http://localhost.brand.example',
    ]) {
      expect(() => hqBaseUrl(remote)).toThrow(HqAddressError);
    }
    expect(() => hqBaseUrl('http://hq.brand.example')).toThrow(/unencrypted; use https:\/\//);
    expect(() => hqBaseUrl('ftp://hq.brand.example')).toThrow(/must start with https/);
    expect(() => hqBaseUrl('hq.brand.example')).toThrow(/not a web address/);
    expect(() => hqBaseUrl('https://user:pw@hq.brand.example')).toThrow(/user name or password/);
  });
});

describe('push batches', () => {
  const events = Array.from({ length: 10 }, (_, i) => ({ seq: i + 1, pad: 'x'.repeat(90) }));

  it('stops at the count limit or the byte limit, whichever comes first', () => {
    expect(takeBatch(events, { maxEvents: 4, maxBytes: 1e6 }).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(takeBatch(events, { maxEvents: 100, maxBytes: 350 }).map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('sends an oversized event alone rather than never', () => {
    expect(takeBatch(events, { maxEvents: 100, maxBytes: 10 })).toEqual([events[0]]);
    expect(takeBatch([], { maxEvents: 5, maxBytes: 10 })).toEqual([]);
  });
});
