import { applyBasisPoints } from '../../../../src-shared/money';
import { businessToday } from '../../business-date';
import type { EngineContext } from '../../context';
import { reportCsv, reportXlsx } from '../../reports/export-report';
import { col, sumColumns, type ReportResult } from '../../reports/report-types';
import { ageLiabilities, type LiabilityMovement } from './liability-ageing';

/** Per agreement and customer: what was achieved, accrued (booked, and still open) and settled. */
export function accruedVsSettled(ctx: EngineContext): ReportResult {
  const rows = ctx.ledger.sqlite
    .prepare(
      `SELECT a.code AS agreement, a.name AS agreementName, c.name AS customer, a.period_from AS periodFrom,
              a.period_to AS periodTo, sum(e.value) AS achieved, sum(e.units) AS units,
              sum(CASE WHEN e.kind <> 'release' THEN e.amount ELSE 0 END) AS accrued, sum(e.amount) AS open,
              s.earned AS settled, s.earned - s.accrued AS difference, s.settled_on AS settledOn
       FROM rebate_entries e JOIN rebate_agreements a ON a.id = e.agreement_id JOIN customers c ON c.id = e.customer_id
       LEFT JOIN rebate_settlements s ON s.agreement_id = e.agreement_id AND s.customer_id = e.customer_id
       GROUP BY e.agreement_id, e.customer_id ORDER BY a.period_from DESC, a.code, c.name`,
    )
    .all() as ReportResult['rows'];
  const columns = [
    col('agreement', 'Agreement'),
    col('agreementName', 'Name'),
    col('customer', 'Customer'),
    col('periodFrom', 'From', 'date'),
    col('periodTo', 'To', 'date'),
    col('achieved', 'Achieved', 'money'),
    col('units', 'Units', 'int'),
    col('accrued', 'Accrued', 'money'),
    col('open', 'Still accrued', 'money'),
    col('settled', 'Settled', 'money'),
    col('difference', 'Settled − accrued', 'money'),
    col('settledOn', 'Settled on', 'date'),
  ];
  return {
    title: 'Rebates accrued vs settled',
    columns,
    rows,
    totals: sumColumns(columns, rows),
    drill: null,
    notes: [
      'Accrued: every accrual, reversal and true-up booked; still accrued: what is open until settlement releases it.',
      'Settled: the rebate earned at the actual tier, credited with GST by credit notes on the period’s invoices.',
    ],
  };
}

function rebateMovements(ctx: EngineContext, byBrand: boolean): LiabilityMovement[] {
  return ctx.ledger.sqlite
    .prepare(
      `SELECT ${byBrand ? "coalesce(s.name, nullif(a.brand, ''), 'Distributor-funded')" : 'c.name'} AS "group",
              'Rebate accrued' AS kind, e.entry_date AS date, e.amount
       FROM rebate_entries e JOIN rebate_agreements a ON a.id = e.agreement_id JOIN customers c ON c.id = e.customer_id
       LEFT JOIN suppliers s ON s.id = a.funded_by
       WHERE NOT EXISTS (SELECT 1 FROM rebate_settlements r WHERE r.agreement_id = e.agreement_id
                         AND r.customer_id = e.customer_id)`,
    )
    .all() as LiabilityMovement[];
}

/** The allowance each customer is covered by today (its own before its type's). */
const COVER = `WITH cover AS (
  SELECT c.id AS customerId, c.name, (SELECT a.id FROM return_allowances a
     WHERE @today BETWEEN a.period_from AND a.period_to AND (a.customer_id = c.id OR a.customer_type = c.type)
     ORDER BY a.customer_id IS NULL, a.id DESC LIMIT 1) AS allowanceId
  FROM customers c)`;

/** Stock rotation allowances still open: earned per invoice line (allowance % of its taxable), less returns taken. */
function allowanceMovements(ctx: EngineContext, byBrand: boolean, today: string): LiabilityMovement[] {
  const group = byBrand ? "coalesce(nullif(p.brand, ''), 'No brand')" : 'cv.name';
  const earned = ctx.ledger.sqlite
    .prepare(
      `${COVER} SELECT ${group} AS "group", i.invoice_date AS date, il.taxable, a.allowance_bps AS bps
       FROM cover cv JOIN return_allowances a ON a.id = cv.allowanceId
       JOIN invoices i ON i.customer_id = cv.customerId AND i.status = 'posted'
         AND i.invoice_date BETWEEN a.period_from AND a.period_to
       JOIN invoice_lines il ON il.invoice_id = i.id JOIN products p ON p.id = il.product_id`,
    )
    .all({ today }) as { group: string; date: string; taxable: number; bps: number }[];
  const used = ctx.ledger.sqlite
    .prepare(
      `${COVER} SELECT ${group} AS "group", r.return_date AS date, -cl.taxable AS amount
       FROM rotation_returns r JOIN cover cv ON cv.allowanceId = r.allowance_id AND cv.customerId = r.customer_id
       JOIN credit_note_lines cl ON cl.credit_note_id = r.credit_note_id JOIN products p ON p.id = cl.product_id`,
    )
    .all({ today }) as { group: string; date: string; amount: number }[];
  const kind = 'Rotation allowance';
  return [
    ...earned.map((e) => ({ group: e.group, kind, date: e.date, amount: applyBasisPoints(e.taxable, e.bps) })),
    ...used.map((u) => ({ ...u, kind })),
  ];
}

/** Rebate accruals and rotation allowances owed to customers, per customer or brand, aged by accrual date. */
export function channelLiabilities(ctx: EngineContext, groupBy: 'customer' | 'brand'): ReportResult {
  const today = businessToday(ctx);
  const byBrand = groupBy === 'brand';
  const aged = ageLiabilities([...rebateMovements(ctx, byBrand), ...allowanceMovements(ctx, byBrand, today)], today);
  const rows = aged.map((a) => ({ group: a.group, kind: a.kind, ...a.buckets, total: a.total }));
  const columns = [
    col('group', byBrand ? 'Brand' : 'Customer'),
    col('kind', 'Liability'),
    col('d0_30', '0–30 days', 'money'),
    col('d31_60', '31–60 days', 'money'),
    col('d61_90', '61–90 days', 'money'),
    col('d90', 'Over 90 days', 'money'),
    col('total', 'Total', 'money'),
  ];
  return {
    title: `Channel liabilities by ${groupBy}`,
    columns,
    rows,
    totals: sumColumns(columns, rows),
    drill: null,
    notes: [
      `As on ${today}. Aged by the date each amount accrued; reductions use up the oldest first.`,
      'Rebate accrued: open accruals of agreements not yet settled. Rotation allowance: the allowance % of purchases ' +
        'in a running allowance period, less rotation returns taken.',
    ],
  };
}

export function rebateReport(ctx: EngineContext, input: { report: string; groupBy: 'customer' | 'brand' }) {
  return input.report === 'liabilities' ? channelLiabilities(ctx, input.groupBy) : accruedVsSettled(ctx);
}

export async function exportRebateReport(
  ctx: EngineContext,
  input: { report: string; groupBy: 'customer' | 'brand'; format: 'csv' | 'xlsx' },
) {
  const result = rebateReport(ctx, input);
  const name = `${input.report.replace(/_/g, '-')}-${businessToday(ctx)}`;
  if (input.format === 'csv')
    return {
      filename: `${name}.csv`,
      mime: 'text/csv',
      base64: Buffer.from(reportCsv(result), 'utf8').toString('base64'),
    };
  const xlsx = await reportXlsx(result, `As on ${businessToday(ctx)}`);
  return {
    filename: `${name}.xlsx`,
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: xlsx.toString('base64'),
  };
}
