/**
 * Reads what a keyboard-wedge scanner types for a GS1 barcode: a plain EAN/GTIN, or GS1-128 /
 * GS1 DataMatrix element strings, either human-readable "(01)…(17)…(10)…" or raw with a
 * symbology prefix (]C1, ]d2, ]Q3) and GS (ASCII 29) ending variable-length fields.
 * Application identifiers read: 01 GTIN, 10 batch, 17 expiry, 30 and 37 quantity.
 */
export interface Gs1Scan {
  gtin: string | null;
  batch: string | null;
  /** yyyy-mm-dd; a "00" day means the last day of that month, as GS1 says */
  expiry: string | null;
  quantity: number | null;
  raw: string;
}

const GS = '\u001d';
const fixed: Record<string, number> = { '01': 14, '02': 14, '11': 6, '13': 6, '15': 6, '16': 6, '17': 6, '00': 18 };
const variable: Record<string, number> = { '10': 20, '21': 20, '30': 8, '37': 8, '22': 20, '240': 30 };

/** GS1's sliding century window: a two-digit year lands within −49…+50 years of this one. */
function gs1Year(yy: number, thisYear: number): number {
  const century = Math.floor(thisYear / 100) * 100;
  const diff = yy - (thisYear % 100);
  if (diff > 50) return century - 100 + yy;
  if (diff < -49) return century + 100 + yy;
  return century + yy;
}

function gs1Date(yymmdd: string, thisYear: number): string | null {
  if (!/^\d{6}$/.test(yymmdd)) return null;
  const yy = Number(yymmdd.slice(0, 2));
  const mm = Number(yymmdd.slice(2, 4));
  let dd = Number(yymmdd.slice(4, 6));
  if (mm < 1 || mm > 12) return null;
  const year = gs1Year(yy, thisYear);
  if (dd === 0) dd = new Date(Date.UTC(year, mm, 0)).getUTCDate();
  return `${year}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

export function parseGs1(input: string, thisYear = new Date().getUTCFullYear()): Gs1Scan | { error: string } {
  const raw = input.trim();
  const result: Gs1Scan = { gtin: null, batch: null, expiry: null, quantity: null, raw };
  if (/^\d{8}$|^\d{12,14}$/.test(raw)) return { ...result, gtin: raw.padStart(14, '0') };
  const fields: [string, string][] = [];
  if (raw.startsWith('(')) {
    for (const m of raw.matchAll(/\((\d{2,4})\)([^(]*)/g)) fields.push([m[1]!, m[2]!]);
    if (fields.length === 0) return { error: `Cannot read "${raw}" as a GS1 code` };
  } else {
    let s = raw.replace(/^\](C1|d2|Q3|e0)/, '');
    while (s.length) {
      if (s.startsWith(GS)) {
        s = s.slice(1);
        continue;
      }
      const ai =
        Object.keys(fixed).find((a) => s.startsWith(a)) ??
        Object.keys(variable)
          .sort((a, b) => b.length - a.length)
          .find((a) => s.startsWith(a));
      if (!ai) return { error: `Unknown GS1 field at "${s.slice(0, 6)}…"` };
      s = s.slice(ai.length);
      if (fixed[ai]) {
        fields.push([ai, s.slice(0, fixed[ai])]);
        s = s.slice(fixed[ai]);
      } else {
        const end = s.indexOf(GS);
        const value = end === -1 ? s : s.slice(0, end);
        fields.push([ai, value.slice(0, variable[ai])]);
        s = end === -1 ? '' : s.slice(end);
      }
    }
  }
  for (const [ai, value] of fields) {
    if (ai === '01' || ai === '02') result.gtin = value;
    else if (ai === '10') result.batch = value.toUpperCase();
    else if (ai === '17') {
      result.expiry = gs1Date(value, thisYear);
      if (!result.expiry) return { error: `Expiry "${value}" in the scan is not a date (YYMMDD)` };
    } else if (ai === '30' || ai === '37') {
      if (!/^\d{1,8}$/.test(value)) return { error: `Quantity "${value}" in the scan is not a number` };
      result.quantity = Number(value);
    }
  }
  if (!result.gtin) return { error: 'The scan has no GTIN (01); scan the product barcode' };
  return result;
}
