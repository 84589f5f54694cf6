import Papa from 'papaparse';
import type { MasterType } from '../src-shared/sync';
import { HqRefusal } from './store/devices';
import type { Publication } from './store/masters';

/** Masters and primary shipments from CSV, one row per record or per line. Columns are the JSON field
 * names; price lists and shipments have one row per line, grouped by their code / brand invoice number.
 * Every row may carry validFrom and validTo; otherwise the defaults given with the upload apply.
 * Schemes have nested rules and are published as JSON only. */

const numeric = new Set(['gstRateBps', 'unitsPerCase', 'mrpPaise', 'shelfLifeDays', 'ratePaise', 'qty']);
const header = new Set(['validFrom', 'validTo', 'distributorCode']);
const lineFields: Partial<Record<MasterType, { group: string; head: string[] }>> = {
  'price-list': { group: 'code', head: ['code', 'name'] },
  'primary-shipment': { group: 'brandInvoiceNumber', head: ['brandInvoiceNumber', 'invoiceDate', 'distributorCode'] },
};

type Row = Record<string, string | number | null>;

export function publicationsFromCsv(
  type: MasterType,
  csv: string,
  defaults: { validFrom?: string; validTo?: string | null; distributorCode?: string | null },
): Publication[] {
  if (type === 'scheme') throw new HqRefusal('bad_request', 'Schemes have nested rules: publish them as JSON');
  const parsed = Papa.parse<Record<string, string>>(csv.trim(), {
    header: true,
    skipEmptyLines: true,
    transformHeader: (h) => h.trim(),
  });
  if (parsed.errors.length)
    throw new HqRefusal('bad_request', `CSV row ${parsed.errors[0]!.row! + 2}: ${parsed.errors[0]!.message}`);
  const rows: Row[] = parsed.data.map((raw, i) => {
    const row: Row = {};
    for (const [k, v] of Object.entries(raw)) {
      const value = (v ?? '').trim();
      if (value === '') row[k] = null;
      else if (numeric.has(k)) {
        if (!/^-?\d+$/.test(value))
          throw new HqRefusal('bad_request', `CSV row ${i + 2}: ${k} must be a whole number, got ${value}`);
        row[k] = Number(value);
      } else row[k] = value;
    }
    return row;
  });
  const pub = (first: Row, data: unknown): Publication => ({
    masterType: type,
    data,
    validFrom: String(first.validFrom ?? defaults.validFrom ?? (type === 'primary-shipment' ? first.invoiceDate : '')),
    validTo: (first.validTo as string | null) ?? defaults.validTo ?? null,
    distributorCode: (first.distributorCode as string | null) ?? defaults.distributorCode ?? null,
  });
  const grouping = lineFields[type];
  if (!grouping) {
    return rows.map((r) => pub(r, Object.fromEntries(Object.entries(r).filter(([k]) => !header.has(k)))));
  }
  const groups = new Map<string, Row[]>();
  for (const r of rows) groups.set(String(r[grouping.group]), [...(groups.get(String(r[grouping.group])) ?? []), r]);
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    const head = Object.fromEntries(grouping.head.map((k) => [k, first[k]]));
    const lineKeys = (r: Row) => Object.entries(r).filter(([k]) => !grouping.head.includes(k) && !header.has(k));
    const itemsKey = type === 'price-list' ? 'items' : 'lines';
    return pub(first, { ...head, [itemsKey]: group.map((r) => Object.fromEntries(lineKeys(r))) });
  });
}
