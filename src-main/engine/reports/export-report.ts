import Papa from 'papaparse';
import { formatMoney } from '../../../src-shared/money';
import { excelJs } from '../../documents/lazy-libraries';
import { documentHeader, drawTable, newPdf, pageFooters, pdfBuffer } from '../../documents/pdf-kit';
import { companyBlock } from '../../documents/company-block';
import { printedAt } from '../../documents/print-format';
import { formatDocDate } from '../../../src-shared/dates';
import type { EngineContext } from '../context';
import type { ReportColumn, ReportResult } from './report-types';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (c: ReportColumn, v: unknown) =>
  typeof v === 'string' && (c.type === 'date' ? /^\d{4}-\d{2}-\d{2}/.test(v) : ISO_DAY.test(v));
/** "-0.00" reads as a loss of nothing; print 0.00. */
const noNegativeZero = (text: string) => (/^-[0.,]+%?$/.test(text) ? text.slice(1) : text);
/** "2026-11-01 to 2026-11-30" → "01-11-2026 to 30-11-2026" for headings. */
export const periodText = (text: string) => text.replace(/\d{4}-\d{2}-\d{2}/g, (d) => formatDocDate(d));

/** A cell as a person reads it: rupees with two decimals, percentages from basis points. */
export function cellValue(c: ReportColumn, v: string | number | null): string | number | null {
  if (v === null || v === undefined) return null;
  if (c.type === 'money') return Number(v) / 100 || 0;
  if (c.type === 'pct') return Number(v) / 100 || 0;
  return v;
}

function cellText(c: ReportColumn, v: string | number | null): string {
  if (v === null || v === undefined) return '';
  if (c.type === 'money') return noNegativeZero(formatMoney(Math.round(Number(v)), { symbol: false }));
  if (c.type === 'pct') return noNegativeZero(`${(Number(v) / 100).toFixed(2)}%`);
  if (isDay(c, v)) return formatDocDate(String(v));
  return String(v);
}

export function reportCsv(result: ReportResult): string {
  const fields = result.columns.map((c) => c.label);
  const data = result.rows.map((r) =>
    result.columns.map((c) => {
      const v = cellValue(c, r[c.key] ?? null);
      if (typeof v === 'number' && c.type === 'money') return noNegativeZero(v.toFixed(2));
      return isDay(c, v) ? formatDocDate(String(v)) : v;
    }),
  );
  return Papa.unparse({ fields, data });
}

const numFmts: Partial<Record<ReportColumn['type'], string>> = {
  money: '#,##0.00',
  pct: '0.00"%"',
  int: '#,##0',
  days: '0',
  date: 'dd-mm-yyyy',
};

/** An XLSX cell: real numbers and real dates, so Excel can sum and sort them. */
function xlsxValue(c: ReportColumn, v: string | number | null): string | number | Date | null {
  const value = cellValue(c, v);
  if (isDay(c, value)) return new Date(`${String(value).slice(0, 10)}T00:00:00Z`);
  return value;
}

/** Title and period on top, a bold frozen header, widths from the longest cell, money as #,##0.00, dates dd-mm-yyyy. */
export async function reportXlsx(result: ReportResult, subtitle = ''): Promise<Buffer> {
  const book = new (excelJs().Workbook)();
  book.creator = 'Stockist';
  const sheet = book.addWorksheet(result.title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 3, xSplit: 0 }],
  });
  sheet.addRow([result.title]).font = { bold: true, size: 14 };
  sheet.addRow([periodText(subtitle)]).font = { italic: true, color: { argb: 'FF555555' } };
  const header = sheet.addRow(result.columns.map((c) => c.label));
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF1F5' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  for (const r of result.rows) sheet.addRow(result.columns.map((c) => xlsxValue(c, r[c.key] ?? null)));
  const total = sheet.addRow(
    result.columns.map((c, i) => (i === 0 ? 'Total' : xlsxValue(c, result.totals[c.key] ?? null))),
  );
  total.font = { bold: true };
  result.columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    const fmt = numFmts[c.type];
    if (fmt) for (let row = 4; row <= sheet.rowCount; row++) sheet.getCell(row, i + 1).numFmt = fmt;
    const longest = Math.max(
      c.label.length,
      ...result.rows.map((r) => cellText(c, r[c.key] ?? null).length),
      cellText(c, result.totals[c.key] ?? null).length,
    );
    column.width = Math.min(60, Math.max(10, longest + 3));
    if (c.type !== 'text' && c.type !== 'date') column.alignment = { horizontal: 'right' };
  });
  sheet.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: result.columns.length } };
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * Column widths from the longest cell (in the table's fonts), capped so one long name cannot
 * starve the figures; a table wider than portrait A4 prints landscape, and a still-wider one
 * shares the page in proportion.
 */
function fitColumns(
  doc: PDFKit.PDFDocument,
  labels: string[],
  rows: string[][],
): { widths: number[]; landscape: boolean } {
  const natural = labels.map((label, i) => {
    doc.font('Bold').fontSize(8);
    let w = doc.widthOfString(label);
    doc.font('Body').fontSize(8.5);
    for (const r of rows)
      w = Math.max(
        w,
        ...String(r[i] ?? '')
          .split('\n')
          .map((line) => doc.widthOfString(line)),
      );
    return Math.min(w + 10, 200);
  });
  const sum = natural.reduce((s, w) => s + w, 0);
  const landscape = sum > 523;
  const room = landscape ? 770 : 523;
  const scale = sum > room ? room / sum : 1;
  return { widths: natural.map((w) => Math.floor(w * scale)), landscape };
}

export async function reportPdf(ctx: EngineContext, result: ReportResult, subtitle: string): Promise<Buffer> {
  const rows = result.rows.map((r) => result.columns.map((c) => cellText(c, r[c.key] ?? null)));
  rows.push(result.columns.map((c, i) => (i === 0 ? 'Total' : cellText(c, result.totals[c.key] ?? null))));
  const probe = newPdf({ title: result.title });
  const { widths, landscape } = fitColumns(
    probe,
    result.columns.map((c) => c.label),
    rows,
  );
  const doc = newPdf({ title: result.title, size: 'A4', layout: landscape ? 'landscape' : 'portrait' });
  documentHeader(doc, companyBlock(ctx), result.title.toUpperCase(), [
    ['Period', periodText(subtitle)],
    ['Printed', printedAt(ctx)],
  ]);
  const columns = result.columns.map((c, i) => ({
    header: c.label,
    width: widths[i]!,
    align: c.type === 'text' || c.type === 'date' ? ('left' as const) : ('right' as const),
  }));
  drawTable(doc, columns, rows, { rowFill: (i) => (i === rows.length - 1 ? '#eef1f5' : null) });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  for (const note of result.notes) doc.moveDown(0.4).fontSize(7.5).text(note, doc.page.margins.left, doc.y, { width });
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
export async function exportFile(
  ctx: EngineContext,
  result: ReportResult,
  format: ExportFormat,
  name: string,
  subtitle: string,
): Promise<ExportFile> {
  if (format === 'csv')
    return {
      filename: `${name}.csv`,
      mime: 'text/csv',
      base64: Buffer.from(`\uFEFF${reportCsv(result)}`).toString('base64'),
    };
  if (format === 'xlsx')
    return {
      filename: `${name}.xlsx`,
      mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      base64: (await reportXlsx(result, subtitle)).toString('base64'),
    };
  return {
    filename: `${name}.pdf`,
    mime: 'application/pdf',
    base64: (await reportPdf(ctx, result, subtitle)).toString('base64'),
  };
}
