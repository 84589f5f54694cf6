import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessHours,
  businessHoursBetween,
  type BusinessCalendar,
} from '../../../src-main/engine/calendar/business-hours';

// Monday to Friday, 09:30 to 18:30 India time (04:00 to 13:00 UTC); 2026-11-27 is a Friday.
const office: BusinessCalendar = {
  timeZone: 'Asia/Kolkata',
  workingDays: [1, 2, 3, 4, 5],
  opensAt: '09:30',
  closesAt: '18:30',
  holidays: ['2026-12-25'],
};
const ist = (wall: string) => new Date(`${wall}+05:30`);

describe('addBusinessHours', () => {
  it('Friday evening plus 4 hours lands on Monday morning', () => {
    expect(addBusinessHours(office, ist('2026-11-27T17:30'), 4)).toEqual(ist('2026-11-30T12:30'));
  });

  it('before opening counts from the opening; after closing from the next working morning', () => {
    expect(addBusinessHours(office, ist('2026-11-24T07:00'), 2)).toEqual(ist('2026-11-24T11:30'));
    expect(addBusinessHours(office, ist('2026-11-24T20:00'), 2)).toEqual(ist('2026-11-25T11:30'));
    // Started on a Sunday: the week begins on Monday at opening.
    expect(addBusinessHours(office, ist('2026-11-29T12:00'), 1)).toEqual(ist('2026-11-30T10:30'));
  });

  it('skips a holiday, and runs over several days', () => {
    // Thursday 24 Dec 17:30 + 2 h: one hour that evening, Christmas shut, the weekend, Monday 10:30.
    expect(addBusinessHours(office, ist('2026-12-24T17:30'), 2)).toEqual(ist('2026-12-28T10:30'));
    // 20 working hours from Monday opening: Monday 9, Tuesday 9, then 2 on Wednesday.
    expect(addBusinessHours(office, ist('2026-11-23T09:30'), 20)).toEqual(ist('2026-11-25T11:30'));
  });

  it('a sum that uses up the day ends at the closing time, not the next opening', () => {
    expect(addBusinessHours(office, ist('2026-11-27T14:30'), 4)).toEqual(ist('2026-11-27T18:30'));
  });

  it('follows the zone: the same calendar in Dubai closes at 18:30 Dubai time', () => {
    const dubai = { ...office, timeZone: 'Asia/Dubai' };
    expect(addBusinessHours(dubai, new Date('2026-11-27T13:30:00+04:00'), 6)).toEqual(
      new Date('2026-11-30T10:30:00+04:00'),
    );
  });

  it('refuses a calendar without a working hour instead of looping', () => {
    expect(() => addBusinessHours({ ...office, workingDays: [] }, ist('2026-11-27T12:00'), 1)).toThrow(
      /no working hours/,
    );
  });
});

describe('businessHoursBetween', () => {
  it('counts only open hours across a weekend and a holiday', () => {
    expect(businessHoursBetween(office, ist('2026-11-27T17:30'), ist('2026-11-30T12:30'))).toBe(4);
    expect(businessHoursBetween(office, ist('2026-12-24T00:00'), ist('2026-12-29T00:00'))).toBe(18);
    expect(businessHoursBetween(office, ist('2026-11-28T08:00'), ist('2026-11-29T20:00'))).toBe(0);
    expect(businessHoursBetween(office, ist('2026-11-30T12:00'), ist('2026-11-27T12:00'))).toBe(0);
  });

  it('round-trips with addBusinessHours for any start and any whole-minute duration', () => {
    const week = Date.parse('2026-11-23T00:00:00+05:30');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 21 * 24 * 60 }),
        fc.integer({ min: 1, max: 200 * 60 }),
        fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }),
        (startMinute, minutes, workingDays) => {
          const calendar = { ...office, workingDays };
          const from = new Date(week + startMinute * 60_000);
          const hours = minutes / 60;
          const end = addBusinessHours(calendar, from, hours);
          expect(end.getTime()).toBeGreaterThanOrEqual(from.getTime());
          expect(businessHoursBetween(calendar, from, end)).toBeCloseTo(hours, 9);
        },
      ),
      { numRuns: 200 },
    );
  });
});
