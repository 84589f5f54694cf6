import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { formatMoney } from '../../../src-shared/money';
import { documentHeader, drawTable, newPdf, pageFooters, pdfBuffer } from '../../documents/pdf-kit';
import { companyBlock } from '../../documents/company-block';
import type { EngineContext } from '../context';
import type { ReportColumn, ReportResult } from './report-types';

/** A cell as a person reads it: rupees with two decimals, percentages from basis points. */
export function cellValue(c: ReportColumn, v: string | number | null): string | number | null {
  if (v === null || v === undefined) return null;
  if (c.type === 'money') return Number(v) / 100;
  if (c.type === 'pct') return Number(v) / 100;
  return v;
}

function cellText(c: ReportColumn, v: string | number | null): string {
  if (v === null || v === undefined) return '';
  if (c.type === 'money') return formatMoney(Number(v), { symbol: false });
  if (c.type === 'pct') return `${(Number(v) / 100).toFixed(2)}%`;
  return String(v);
}

export function reportCsv(result: ReportResult): string {
  const fields = result.columns.map((c) => c.label);
  const data = result.rows.map((r) => result.columns.map((c) => { const v = cellValue(c, r[c.key] ?? null); return typeof v === 'number' && c.type === 'money' ? v.toFixed(2) : v; }));
  return Papa.unparse({ fields, data });
}

export async function reportXlsx(result: ReportResult): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Stockist';
  const sheet = book.addWorksheet(result.title.slice(0, 31));
  sheet.columns = result.columns.map((c) => ({ header: c.label, key: c.key, width: Math.max(12, c.label.length + 4), style: c.type === 'money' ? { numFmt: '#,##,##0.00' } : c.type === 'pct' ? { numFmt: '0.00"%"' } : {} }));
  for (const r of result.rows) sheet.addRow(Object.fromEntries(result.columns.map((c) => [c.key, cellValue(c, r[c.key] ?? null)])));
  const total = sheet.addRow(Object.fromEntries(result.columns.map((c, i) => [c.key, i === 0 ? 'Total' : cellValue(c, result.totals[c.key] ?? null)])));
  total.font = { bold: true };
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function reportPdf(ctx: EngineContext, result: ReportResult, subtitle: string): Promise<Buffer> {
  const doc = newPdf({ title: result.title, size: 'A4' });
  doc.page.layout = 'portrait';
  documentHeader(doc, companyBlock(ctx), result.title.toUpperCase(), [['Period', subtitle], ['Printed', ctx.now().toISOString().slice(0, 16).replace('T', ' ')]]);
  const width = 523 / result.columns.length;
  const columns = result.columns.map((c) => ({ header: c.label, width, align: c.type === 'text' || c.type === 'date' ? ('left' as const) : ('right' as const) }));
  const rows = result.rows.map((r) => result.columns.map((c) => cellText(c, r[c.key] ?? null)));
  rows.push(result.columns.map((c, i) => (i === 0 ? 'Total' : cellText(c, result.totals[c.key] ?? null))));
  drawTable(doc, columns, rows, { rowFill: (i) => (i === rows.length - 1 ? '#eef1f5' : null) });
  for (const note of result.notes) doc.moveDown(0.4).fontSize(7.5).text(note);
  pageFooters(doc, result.title);
  return pdfBuffer(doc);
}

export type ExportFormat = 'csv' | 'xlsx' | 'pdf';
export interface ExportFile {
  filename: string;
  mime: string;
  base64: string;
}

/**
 * A report packaged as the file a user downloads. CSV starts with a byte-order mark so Excel
 * reads ₹ and names in Indian scripts correctly; `subtitle` heads the PDF (usually the period).
 */
export async function exportFile(ctx: EngineContext, result: ReportResult, format: ExportFormat, name: string, subtitle: string): Promise<ExportFile> {
  if (format === 'csv') return { filename: `${name}.csv`, mime: 'text/csv', base64: Buffer.from(`\uFEFF${reportCsv(result)}`).toString('base64') };
  if (format === 'xlsx') return { filename: `${name}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: (await reportXlsx(result)).toString('base64') };
  return { filename: `${name}.pdf`, mime: 'application/pdf', base64: (await reportPdf(ctx, result, subtitle)).toString('base64') };
}
