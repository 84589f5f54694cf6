import type { EngineContext } from '../../context';
import type { Gstr1Return, SectionKey } from './build-gstr1';
import type { ReturnPeriod } from './return-period';

/** One source's net outward supplies for the period, in paise (heads null where the source keeps only total tax). */
export interface ReconciliationRow {
  source: 'gstr1' | 'register' | 'invoices';
  label: string;
  taxable: number;
  cgst: number | null;
  sgst: number | null;
  igst: number | null;
  tax: number;
  value: number;
}

/** A document (or a register day and customer) whose figures differ between two sources. */
export interface ReconciliationDifference {
  document: string;
  between: string;
  figure: 'taxable' | 'cgst' | 'sgst' | 'igst' | 'tax' | 'value';
  expected: number;
  found: number;
}

export interface Reconciliation {
  rows: ReconciliationRow[];
  differences: ReconciliationDifference[];
  /** every row equal to the paisa and no document differs */
  agrees: boolean;
}

type Sums = { taxable: number; cgst: number; sgst: number; igst: number; total: number };
const heads = ['taxable', 'cgst', 'sgst', 'igst'] as const;
const sectionSign: Record<SectionKey, number> = {
  b2b: 1,
  b2cl: 1,
  b2cs: 1,
  cdnr: -1,
  cdnur: -1,
  hsn_b2b: 0,
  hsn_b2c: 0,
};

/** GSTR-1's net figure: invoices in b2b, b2cl and b2cs (already net of small notes) less cdnr and cdnur. */
function returnRow(ret: Gstr1Return): ReconciliationRow {
  const row: ReconciliationRow = {
    source: 'gstr1',
    label: 'GSTR-1 (net of credit notes)',
    taxable: 0,
    cgst: 0,
    sgst: 0,
    igst: 0,
    tax: 0,
    value: 0,
  };
  for (const s of ret.sections) {
    const sign = sectionSign[s.section];
    for (const h of heads) row[h]! += sign * s[h];
    row.value += sign * s.value;
  }
  row.tax = row.cgst! + row.sgst! + row.igst!;
  return row;
}

/**
 * "GSTR-1 totals = the sales register = the invoices, to the paisa." Three independent readings of the period's
 * net outward supplies: the return built from invoice and note lines; the sales register (the daily sales summary
 * the sales reports read, billed on the invoice date) less credit notes; and the posted invoice headers less credit
 * note headers. Differences are listed by document (a document's lines against its header), and by register day and
 * customer with the invoices in it (the register's grain).
 */
export function reconcileGstr1(ctx: EngineContext, period: ReturnPeriod, ret: Gstr1Return): Reconciliation {
  const { sqlite } = ctx.ledger;
  const notes = sqlite
    .prepare(
      `SELECT coalesce(sum(taxable), 0) AS taxable, coalesce(sum(cgst), 0) AS cgst, coalesce(sum(sgst), 0) AS sgst,
              coalesce(sum(igst), 0) AS igst, coalesce(sum(total), 0) AS total
       FROM credit_notes WHERE business_date(posted_at) BETWEEN ? AND ?`,
    )
    .get(period.from, period.to) as Sums;
  const byDayCustomer = sqlite
    .prepare(
      `SELECT invoice_date AS day, customer_id AS customerId, sum(taxable) AS taxable, sum(cgst) AS cgst, sum(sgst) AS sgst,
              sum(igst) AS igst, sum(total) AS total, group_concat(number, ', ') AS numbers
       FROM invoices WHERE status = 'posted' AND invoice_date BETWEEN ? AND ? GROUP BY invoice_date, customer_id`,
    )
    .all(period.from, period.to) as (Sums & { day: string; customerId: number; numbers: string })[];
  const register = sqlite
    .prepare(
      `SELECT s.day, s.customer_id AS customerId, c.name, sum(s.billed_taxable) AS taxable, sum(s.billed_tax) AS tax,
              sum(s.billed_value) AS total
       FROM daily_sales s JOIN customers c ON c.id = s.customer_id WHERE s.day BETWEEN ? AND ?
       GROUP BY s.day, s.customer_id HAVING sum(s.billed_taxable) <> 0 OR sum(s.billed_tax) <> 0 OR sum(s.billed_value) <> 0`,
    )
    .all(period.from, period.to) as {
    day: string;
    customerId: number;
    name: string;
    taxable: number;
    tax: number;
    total: number;
  }[];

  const invoiceSums = byDayCustomer.reduce(
    (s, r) => {
      for (const h of heads) s[h] += r[h];
      s.total += r.total;
      return s;
    },
    { taxable: 0, cgst: 0, sgst: 0, igst: 0, total: 0 },
  );
  const invoicesRow: ReconciliationRow = {
    source: 'invoices',
    label: 'Posted invoices less credit notes',
    taxable: invoiceSums.taxable - notes.taxable,
    cgst: invoiceSums.cgst - notes.cgst,
    sgst: invoiceSums.sgst - notes.sgst,
    igst: invoiceSums.igst - notes.igst,
    tax: 0,
    value: invoiceSums.total - notes.total,
  };
  invoicesRow.tax = invoicesRow.cgst! + invoicesRow.sgst! + invoicesRow.igst!;
  const noteTax = notes.cgst + notes.sgst + notes.igst;
  const registerRow: ReconciliationRow = {
    source: 'register',
    label: 'Sales register less credit notes',
    taxable: register.reduce((s, r) => s + r.taxable, 0) - notes.taxable,
    cgst: null,
    sgst: null,
    igst: null,
    tax: register.reduce((s, r) => s + r.tax, 0) - noteTax,
    value: register.reduce((s, r) => s + r.total, 0) - notes.total,
  };
  const gstr1Row = returnRow(ret);
  const rows = [gstr1Row, registerRow, invoicesRow];

  const differences: ReconciliationDifference[] = [];
  const differ = (
    document: string,
    between: string,
    figure: ReconciliationDifference['figure'],
    expected: number,
    found: number,
  ) => {
    if (expected !== found) differences.push({ document, between, figure, expected, found });
  };
  for (const d of ret.documents) {
    const what = d.kind === 'invoice' ? 'invoice' : 'credit note';
    for (const h of heads) differ(d.number, `GSTR-1 lines vs ${what} header`, h, d.header[h], d[h]);
  }
  const invoicesAt = new Map(byDayCustomer.map((r) => [`${r.day}|${r.customerId}`, r]));
  const registerAt = new Map(register.map((r) => [`${r.day}|${r.customerId}`, r]));
  for (const key of new Set([...invoicesAt.keys(), ...registerAt.keys()])) {
    const inv = invoicesAt.get(key);
    const reg = registerAt.get(key);
    const [day] = key.split('|');
    const document = `${day} ${reg?.name ?? ''}: ${inv?.numbers ?? 'no posted invoice'}`.replace(' :', ':');
    const between = 'sales register vs invoices';
    differ(document, between, 'taxable', inv?.taxable ?? 0, reg?.taxable ?? 0);
    differ(document, between, 'tax', inv ? inv.cgst + inv.sgst + inv.igst : 0, reg?.tax ?? 0);
    differ(document, between, 'value', inv?.total ?? 0, reg?.total ?? 0);
  }
  const same = (a: ReconciliationRow, b: ReconciliationRow) =>
    a.taxable === b.taxable &&
    a.tax === b.tax &&
    a.value === b.value &&
    heads.every((h) => a[h] === null || b[h] === null || a[h] === b[h]);
  const agrees = differences.length === 0 && same(gstr1Row, registerRow) && same(gstr1Row, invoicesRow);
  return { rows, differences: differences.slice(0, 500), agrees };
}
