import { describe, expect, it } from 'vitest';
import { engineContext } from '../../support/engine';

// Reports group timestamps by SQL's business_date(): it must agree with the company's calendar.
describe('business_date() in SQL', () => {
  const ctx = engineContext();
  const day = (timestamp: string | null) =>
    (ctx.ledger.sqlite.prepare('SELECT business_date(?) AS d').get(timestamp) as { d: string | null }).d;
  const useZone = (zone: string) => {
    ctx.ledger.sqlite.prepare('UPDATE company SET time_zone = ? WHERE id = 1').run(zone);
    ctx.ledger.refreshTimeZone();
  };

  it('dates instants in Kolkata: 23:30 IST stays, 00:30 IST moves on', () => {
    useZone('Asia/Kolkata');
    expect(day('2027-03-31T18:00:00.000Z')).toBe('2027-03-31');
    expect(day('2027-03-31T18:59:59.000Z')).toBe('2027-04-01');
    expect(day('2027-03-31T19:00:00.000Z')).toBe('2027-04-01');
  });

  it('follows daylight saving in a zone that has it, on both sides of the change', () => {
    useZone('America/New_York');
    expect(day('2027-03-14T04:30:00.000Z')).toBe('2027-03-13'); // 23:30 EST
    expect(day('2027-03-14T05:30:00.000Z')).toBe('2027-03-14'); // 00:30 EST
    expect(day('2027-07-15T03:30:00.000Z')).toBe('2027-07-14'); // 23:30 EDT
    expect(day('2027-07-15T04:30:00.000Z')).toBe('2027-07-15'); // 00:30 EDT
    useZone('Asia/Kolkata');
  });

  it('passes dates and nulls through untouched', () => {
    expect(day('2027-04-01')).toBe('2027-04-01');
    expect(day(null)).toBeNull();
  });
});
