// placeholder: the approval-time branch replaces this file
import type { EngineContext } from '../context';

export interface BusinessCalendar {
  timeZone: string;
  /** ISO 1=Mon … 7=Sun */
  workingDays: number[];
  /** 'HH:MM' */
  opensAt: string;
  closesAt: string;
  /** 'YYYY-MM-DD' */
  holidays: string[];
}

const HOUR = 3_600_000;

export function companyCalendar(_ctx: EngineContext): BusinessCalendar {
  return {
    timeZone: 'Asia/Kolkata',
    workingDays: [1, 2, 3, 4, 5, 6, 7],
    opensAt: '00:00',
    closesAt: '24:00',
    holidays: [],
  };
}

export function addBusinessHours(_calendar: BusinessCalendar, from: Date, hours: number): Date {
  return new Date(from.getTime() + hours * HOUR);
}

export function businessHoursBetween(_calendar: BusinessCalendar, from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / HOUR;
}
