import type ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { excelJs } from '../../documents/lazy-libraries';
import { invalid } from '../errors';

/** A cell as the CSV reader expects it: dates as ISO days, formulas by their result, rich text as its words. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10); // Excel dates carry no zone: the day as typed
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}

/**
 * The text of an uploaded file for the CSV imports: a CSV as it is, an XLSX's first sheet turned into CSV (the
 * first non-empty row is the heading line), so both go through the same check, preview and chunked write.
 */
export async function spreadsheetText(file: { csv?: string | null; xlsxBase64?: string | null }): Promise<string> {
  if (file.csv) return file.csv;
  if (!file.xlsxBase64) throw invalid('Choose a CSV or XLSX file', 'csv');
  const book = new (excelJs().Workbook)();
  try {
    await book.xlsx.load(Buffer.from(file.xlsxBase64, 'base64') as unknown as ArrayBuffer);
  } catch {
    throw invalid('The file is not an Excel workbook (.xlsx)', 'xlsxBase64');
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw invalid('The workbook has no sheet', 'xlsxBase64');
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = row.values as ExcelJS.CellValue[];
    rows.push(values.slice(1).map(cellText));
  });
  if (rows.length === 0) throw invalid('The first sheet is empty', 'xlsxBase64');
  const width = Math.max(...rows.map((r) => r.length));
  return Papa.unparse(rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]));
}
