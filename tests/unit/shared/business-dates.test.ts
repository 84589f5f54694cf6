import { describe, expect, it } from 'vitest';
import { dateInTimeZone, isTimeZone, startOfDayInstant } from '../../../src-shared/dates';
import { financialYearLabel } from '../../../src-main/engine/numbering';

// The financial year turns at midnight in Kolkata, which is 18:30 UTC on 31 March.
describe('business dates in the company time zone', () => {
  it('23:30 IST on 31 March is still 31 March and the old financial year', () => {
    const instant = new Date('2027-03-31T18:00:00Z');
    expect(dateInTimeZone(instant, 'Asia/Kolkata')).toBe('2027-03-31');
    expect(financialYearLabel(dateInTimeZone(instant, 'Asia/Kolkata'), 4)).toBe('26-27');
  });

  it('01:30 IST on 1 April is 1 April and the new financial year, although UTC still says 31 March', () => {
    const instant = new Date('2027-03-31T20:00:00Z');
    expect(instant.toISOString().slice(0, 10)).toBe('2027-03-31');
    expect(dateInTimeZone(instant, 'Asia/Kolkata')).toBe('2027-04-01');
    expect(financialYearLabel(dateInTimeZone(instant, 'Asia/Kolkata'), 4)).toBe('27-28');
  });

  it('another zone keeps its own calendar', () => {
    expect(dateInTimeZone(new Date('2027-03-31T20:00:00Z'), 'Asia/Dubai')).toBe('2027-04-01');
    expect(dateInTimeZone(new Date('2027-03-31T20:00:00Z'), 'America/New_York')).toBe('2027-03-31');
  });

  it('a calendar-year company labels by the year alone', () => {
    expect(financialYearLabel('2027-01-01', 1)).toBe('2027');
    expect(financialYearLabel('2026-12-31', 1)).toBe('2026');
  });

  it('knows a zone from a typo', () => {
    expect(isTimeZone('Asia/Kolkata')).toBe(true);
    expect(isTimeZone('Asia/Kolkatta')).toBe(false);
  });

  it('knows the instant a business day begins, in a zone with and without daylight saving', () => {
    expect(startOfDayInstant('2027-04-01', 'Asia/Kolkata').toISOString()).toBe('2027-03-31T18:30:00.000Z');
    expect(startOfDayInstant('2027-04-01', 'UTC').toISOString()).toBe('2027-04-01T00:00:00.000Z');
    // New York: EST (−5) in January, EDT (−4) in July, and the day the clocks move.
    expect(startOfDayInstant('2027-01-15', 'America/New_York').toISOString()).toBe('2027-01-15T05:00:00.000Z');
    expect(startOfDayInstant('2027-07-15', 'America/New_York').toISOString()).toBe('2027-07-15T04:00:00.000Z');
    expect(startOfDayInstant('2027-03-14', 'America/New_York').toISOString()).toBe('2027-03-14T05:00:00.000Z');
  });
});
