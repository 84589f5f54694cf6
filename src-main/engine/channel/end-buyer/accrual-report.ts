import type { z } from 'zod';
import type { accrualReportRow } from '../../../../src-shared/contract/channel-end-buyer';
import type { EngineContext } from '../../context';
import { invalid } from '../../errors';
import { exportFile, type ExportFile } from '../../reports/export-report';
import { col, sumColumns, type ReportResult, type ReportRow } from '../../reports/report-types';

type Row = z.output<typeof accrualReportRow>;
export interface AccrualQuery {
  supplierId: number | null;
  from: string;
  to: string;
}

/**
 * Ship-and-debit support by agreement, end buyer and product for accruals dated in the period: accrued (sales less
 * returns and cancellations), claimed (on a claim, whatever its state), settled (on a claim the brand has settled)
 * and still unclaimed.
 */
export function accrualReport(ctx: EngineContext, query: AccrualQuery): Row[] {
  if (query.to < query.from) throw invalid('The period must end on or after it starts', 'to');
  return ctx.ledger.sqlite
    .prepare(
      `SELECT a.id AS agreementId, a.number, s.name AS supplierName, c.name AS endBuyerName, p.sku,
              p.name AS productName, sum(x.quantity) AS quantity, sum(x.amount) AS accrued,
              coalesce(sum(x.amount) FILTER (WHERE x.claim_id IS NOT NULL), 0) AS claimed,
              coalesce(sum(x.amount) FILTER (WHERE k.status = 'settled'), 0) AS settled,
              coalesce(sum(x.amount) FILTER (WHERE x.claim_id IS NULL), 0) AS unclaimed
       FROM ship_and_debit_accruals x JOIN end_buyer_agreement_lines l ON l.id = x.agreement_line_id
         JOIN end_buyer_agreements a ON a.id = l.agreement_id JOIN suppliers s ON s.id = a.supplier_id
         JOIN customers c ON c.id = a.end_buyer_id JOIN products p ON p.id = l.product_id
         LEFT JOIN claims k ON k.id = x.claim_id
       WHERE x.accrued_on BETWEEN @from AND @to AND (@supplierId IS NULL OR a.supplier_id = @supplierId)
       GROUP BY l.id ORDER BY s.name, a.number, c.name, p.sku`,
    )
    .all(query) as Row[];
}

const columns = [
  col('number', 'Agreement'),
  col('supplierName', 'Brand'),
  col('endBuyerName', 'End buyer'),
  col('sku', 'SKU'),
  col('productName', 'Product'),
  col('quantity', 'Quantity', 'int'),
  col('accrued', 'Accrued', 'money'),
  col('claimed', 'Claimed', 'money'),
  col('settled', 'Settled', 'money'),
  col('unclaimed', 'Unclaimed', 'money'),
];

export function accrualReportResult(ctx: EngineContext, query: AccrualQuery): ReportResult {
  const rows = accrualReport(ctx, query) as unknown as ReportRow[];
  return {
    title: 'Ship-and-debit accruals',
    columns,
    rows,
    totals: sumColumns(columns, rows),
    drill: null,
    notes: [
      'Accrued: support per unit (brand rate less agreed cost) on invoiced quantity, less returns and cancellations.',
    ],
  };
}

export function exportAccruals(
  ctx: EngineContext,
  query: AccrualQuery & { format: 'csv' | 'xlsx' },
): Promise<ExportFile> {
  const name = `ship-and-debit-${query.from}-to-${query.to}`;
  return exportFile(ctx, accrualReportResult(ctx, query), query.format, name, `${query.from} to ${query.to}`);
}
