import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
import type PDFDocument from 'pdfkit';
import type { generate } from 'selfsigned';

/**
 * The three biggest libraries are loaded when first used, not when the app starts: exceljs,
 * pdfkit (with fontkit) and selfsigned (with its X.509 stack) were 5.7 of the 8.8 s a serve
 * process spent loading modules before it could answer (CPU profile at M, docs/PERFORMANCE.md).
 * Most sessions never export a workbook or turn on the LAN; the first PDF pays ~0.1 s once.
 */
const load = createRequire(__filename);

let excel: typeof ExcelJS | undefined;
let pdf: typeof PDFDocument | undefined;
let certificates: { generate: typeof generate } | undefined;

export function excelJs(): typeof ExcelJS {
  return (excel ??= load('exceljs') as typeof ExcelJS);
}

export function pdfDocument(): typeof PDFDocument {
  return (pdf ??= load('pdfkit') as typeof PDFDocument);
}

export function selfSigned(): { generate: typeof generate } {
  return (certificates ??= load('selfsigned') as { generate: typeof generate });
}
