/** A document numbered in the period, with whether it was cancelled. */
export interface IssuedDocument {
  number: string;
  cancelled: boolean;
}

export interface DocIssueRow {
  num: number;
  from: string;
  to: string;
  totnum: number;
  cancel: number;
  net_issue: number;
}

/** "INV/25-26/000123" → series "INV/25-26", 123. */
function splitNumber(number: string): { series: string; n: number } {
  const at = number.lastIndexOf('/');
  return { series: number.slice(0, at + 1), n: Number(number.slice(at + 1)) || 0 };
}

/**
 * Table 13 for one nature of document: per number series, the first and last number issued in the period, how
 * many (cancelled included: the numbers were used) and how many were cancelled. Stockist's series are gapless,
 * so the count of numbers is the count of documents.
 */
export function docIssueRows(docs: IssuedDocument[]): DocIssueRow[] {
  const series = new Map<
    string,
    { from: string; fromN: number; to: string; toN: number; total: number; cancel: number }
  >();
  for (const d of docs) {
    const { series: key, n } = splitNumber(d.number);
    const s = series.get(key) ?? { from: d.number, fromN: n, to: d.number, toN: n, total: 0, cancel: 0 };
    if (n < s.fromN) Object.assign(s, { from: d.number, fromN: n });
    if (n > s.toN) Object.assign(s, { to: d.number, toN: n });
    s.total += 1;
    if (d.cancelled) s.cancel += 1;
    series.set(key, s);
  }
  return [...series.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([, s], i) => ({
      num: i + 1,
      from: s.from,
      to: s.to,
      totnum: s.total,
      cancel: s.cancel,
      net_issue: s.total - s.cancel,
    }));
}
