/** Calendar-day arithmetic on YYYY-MM-DD strings, in UTC so no time zone shifts a day. */
const DAY = 86_400_000;
const at = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((at(to) - at(from)) / DAY);
}

export function addDays(iso: string, days: number): string {
  return new Date(at(iso) + days * DAY).toISOString().slice(0, 10);
}
