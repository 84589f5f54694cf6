const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const iso = (d: Date) => d.toISOString().slice(0, 10);
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d));

function monthIndex(word: string): number {
  return MONTHS.findIndex((m) => m === word || (word.length >= 3 && m.startsWith(word)));
}

/**
 * Date phrases in a question → a date range and the words that said it: today, yesterday,
 * this/last week (Monday first), this/last month, this/last year (financial, April–March),
 * last N days, since 1 April, in March, from 1 Nov to 15 Nov.
 */
export function parseDates(
  text: string,
  today: string,
  fyStartMonth = 4,
): { from: string; to: string; phrase: string } | null {
  const t = text.toLowerCase();
  const now = new Date(`${today}T00:00:00Z`);
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const weekday = (now.getUTCDay() + 6) % 7;
  const dayOf = (dd: string, mon: string, yy?: string) => {
    const mi = monthIndex(mon);
    if (mi < 0) return null;
    let year = yy ? Number(yy.length === 2 ? `20${yy}` : yy) : y;
    if (!yy && utc(year, mi, Number(dd)) > now) year -= 1;
    return iso(utc(year, mi, Number(dd)));
  };
  let r: RegExpExecArray | null;
  if ((r = /from (\d{1,2}) ([a-z]+)(?: (\d{2,4}))? (?:to|till|until) (\d{1,2}) ([a-z]+)(?: (\d{2,4}))?/.exec(t))) {
    const from = dayOf(r[1]!, r[2]!, r[3]);
    const to = dayOf(r[4]!, r[5]!, r[6]);
    if (from && to) return { from, to, phrase: r[0] };
  }
  if ((r = /since (\d{1,2}) ([a-z]+)(?: (\d{4}))?/.exec(t))) {
    const from = dayOf(r[1]!, r[2]!, r[3]);
    if (from) return { from, to: today, phrase: r[0] };
  }
  if ((r = /(?:last|past) (\d{1,3}) days/.exec(t)))
    return { from: iso(utc(y, m, now.getUTCDate() - Number(r[1]) + 1)), to: today, phrase: r[0] };
  if (/\btoday\b/.test(t)) return { from: today, to: today, phrase: 'today' };
  if (/\byesterday\b/.test(t)) {
    const d = iso(utc(y, m, now.getUTCDate() - 1));
    return { from: d, to: d, phrase: 'yesterday' };
  }
  if (/\bthis week\b/.test(t))
    return { from: iso(utc(y, m, now.getUTCDate() - weekday)), to: today, phrase: 'this week' };
  if (/\blast week\b/.test(t))
    return {
      from: iso(utc(y, m, now.getUTCDate() - weekday - 7)),
      to: iso(utc(y, m, now.getUTCDate() - weekday - 1)),
      phrase: 'last week',
    };
  if (/\bthis month\b/.test(t)) return { from: iso(utc(y, m, 1)), to: today, phrase: 'this month' };
  if (/\blast month\b/.test(t)) return { from: iso(utc(y, m - 1, 1)), to: iso(utc(y, m, 0)), phrase: 'last month' };
  const fyStart = m + 1 >= fyStartMonth ? y : y - 1;
  if (/\bthis (?:financial )?year\b/.test(t))
    return { from: iso(utc(fyStart, fyStartMonth - 1, 1)), to: today, phrase: 'this year' };
  if (/\blast (?:financial )?year\b/.test(t))
    return {
      from: iso(utc(fyStart - 1, fyStartMonth - 1, 1)),
      to: iso(utc(fyStart, fyStartMonth - 1, 0)),
      phrase: 'last year',
    };
  if ((r = /\bin ([a-z]+)\b/.exec(t)) && monthIndex(r[1]!) >= 0) {
    const mi = monthIndex(r[1]!);
    const year = mi > m ? y - 1 : y;
    return { from: iso(utc(year, mi, 1)), to: iso(utc(year, mi + 1, 0)), phrase: r[0] };
  }
  return null;
}
