import type { EngineContext } from '../context';
import { exportFile } from '../reports/export-report';
import { col, sumColumns, type ReportResult } from '../reports/report-types';
import { listPurchaseInvoices } from './purchase-invoice-view';

interface Filters {
  from: string;
  to: string;
  supplierId: number | null;
}

/**
 * The purchase register: every invoice booked from the brands in the period with the supplier's GSTIN and the
 * input GST split, as the accountant files it. Cancelled invoices are left out (they claim no input tax).
 */
export function purchaseRegister(ctx: EngineContext, f: Filters): ReportResult {
  const rows = listPurchaseInvoices(ctx, f)
    .filter((r) => r.status === 'posted')
    .reverse()
    .map((r) => ({
      invoiceDate: r.invoiceDate,
      number: r.number,
      supplierInvoiceNo: r.supplierInvoiceNo,
      supplierName: r.supplierName,
      supplierGstin: r.supplierGstin,
      taxable: r.taxable,
      cgst: r.cgst,
      sgst: r.sgst,
      igst: r.igst,
      total: r.total,
    }));
  const columns = [
    col('invoiceDate', 'Date', 'date'),
    col('number', 'Our number'),
    col('supplierInvoiceNo', 'Supplier invoice'),
    col('supplierName', 'Supplier'),
    col('supplierGstin', 'GSTIN'),
    col('taxable', 'Taxable', 'money'),
    col('cgst', 'CGST', 'money'),
    col('sgst', 'SGST', 'money'),
    col('igst', 'IGST', 'money'),
    col('total', 'Total', 'money'),
  ];
  return {
    title: 'Purchase register',
    columns,
    rows,
    totals: sumColumns(columns, rows),
    drill: null,
    notes: ['By the supplier’s invoice date. Taxable value includes freight and other charges on the invoice.'],
  };
}

export function exportPurchaseRegister(ctx: EngineContext, input: { filters: Filters; format: 'csv' | 'xlsx' }) {
  const f = input.filters;
  return exportFile(
    ctx,
    purchaseRegister(ctx, f),
    input.format,
    `purchase-register-${f.from}-${f.to}`,
    `${f.from} to ${f.to}`,
  );
}
