import { describe, expect, it } from 'vitest';
import { eventsFrom, recordEvent } from '../../../src-main/engine/sync/outbox';
import { engineContext } from '../../support/engine';

describe('the outbox', () => {
  it('numbers events in sequence with a stable id and the business date of the company', () => {
    const ctx = engineContext(new Date('2027-03-31T20:00:00Z'));
    const a = recordEvent(ctx, 'invoice.posted', 1, { number: 'INV/27-28/000001' });
    const b = recordEvent(ctx, 'payment.received', 1, { number: 'RCPT/27-28/000001' });
    expect(b.seq).toBe(a.seq + 1);
    expect(a.eventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.businessDate).toBe('2027-04-01');
    expect(eventsFrom(ctx, a.seq, 10).map((e) => [e.type, e.payload])).toEqual([
      ['payment.received', { number: 'RCPT/27-28/000001' }],
    ]);
  });

  it('loses the event with the change it belongs to when the transaction fails', () => {
    const ctx = engineContext();
    const before = eventsFrom(ctx, 0, 100).length;
    expect(() =>
      ctx.ledger.sqlite.transaction(() => {
        recordEvent(ctx, 'invoice.posted', 1, {});
        throw new Error('the posting failed after writing its event');
      })(),
    ).toThrow();
    expect(eventsFrom(ctx, 0, 100)).toHaveLength(before);
  });

  it('never reuses a sequence number, even after rows are removed', () => {
    const ctx = engineContext();
    const first = recordEvent(ctx, 'x', 1, {});
    ctx.ledger.sqlite.prepare('DELETE FROM outbox_events WHERE seq = ?').run(first.seq);
    expect(recordEvent(ctx, 'x', 1, {}).seq).toBe(first.seq + 1);
  });
});
