import { addDays, dateInTimeZone, startOfDayInstant, zoneOffsetMs } from '../../../../src-shared/dates';

export type VehicleType = 'R' | 'O';

/** Km the law lets a consignment cover in a day (Rule 138(10)): 200 by road, 20 for over-dimensional cargo. */
export const kmPerDay = (vehicleType: VehicleType) => (vehicleType === 'O' ? 20 : 200);

/** Days an e-way bill is valid: 1 day up to 200 km (20 for ODC), 1 more for every 200 (20) km or part thereof. */
export function validityDays(km: number, vehicleType: VehicleType): number {
  return Math.max(1, Math.ceil(km / kmPerDay(vehicleType)));
}

/**
 * When an e-way bill generated at an instant runs out: the day ends at midnight, so it is the generation date plus
 * the validity days, at 23:59:59 on the company's clock (the portal's sandbox: 16 Sep 19:29 + 13 days → 29 Sep 23:59).
 */
export function validUpto(generatedAt: Date, km: number, vehicleType: VehicleType, timeZone: string): Date {
  const lastDay = addDays(dateInTimeZone(generatedAt, timeZone), validityDays(km, vehicleType));
  return new Date(startOfDayInstant(addDays(lastDay, 1), timeZone).getTime() - 1000);
}

/** An instant on the company's clock, "2025-11-16 23:59", as the portal prints it. */
export function localStamp(instant: Date, timeZone: string): string {
  const t = instant.getTime();
  return new Date(t + zoneOffsetMs(t, timeZone)).toISOString().slice(0, 16).replace('T', ' ');
}

export interface TransitCheck {
  status: 'ok' | 'expires_in_transit' | 'expired';
  /** when the goods should arrive: leaving now and covering the day's km the law assumes */
  expectedArrival: Date;
  explanation: string;
}

/**
 * Whether an e-way bill still covers a consignment leaving now: refused once it has run out, and a warning when the
 * goods, at the law's pace (200 km a day, 20 for ODC), would still be on the road after it runs out.
 */
export function checkTransit(input: {
  ewayBill: string;
  validUpto: Date;
  now: Date;
  km: number;
  vehicleType: VehicleType;
  timeZone: string;
}): TransitCheck {
  const hours = (input.km / kmPerDay(input.vehicleType)) * 24;
  const expectedArrival = new Date(input.now.getTime() + Math.round(hours * 3600_000));
  const until = localStamp(input.validUpto, input.timeZone);
  if (input.validUpto.getTime() <= input.now.getTime())
    return {
      status: 'expired',
      expectedArrival,
      explanation: `E-way bill ${input.ewayBill} expired at ${until}: extend it on the portal or generate a new one`,
    };
  if (expectedArrival.getTime() > input.validUpto.getTime())
    return {
      status: 'expires_in_transit',
      expectedArrival,
      explanation: `E-way bill ${input.ewayBill} runs out at ${until}, before the goods arrive (${input.km} km)`,
    };
  return { status: 'ok', expectedArrival, explanation: `E-way bill ${input.ewayBill} is valid until ${until}` };
}
