import path from 'node:path';
import fs from 'node:fs';
import { pdfDocument } from './lazy-libraries';
import { resourcesDir } from '../paths/resources-path';
import { shareShaping } from './shared-shaping';

export type Pdf = PDFKit.PDFDocument;

/** A document with Stockist's fonts: DejaVu carries the ₹ sign and Indic-safe Latin. */
export function newPdf(options: {
  size?: PDFKit.PDFDocumentOptions['size'];
  layout?: 'portrait' | 'landscape';
  margin?: number;
  title: string;
}): Pdf {
  const doc = new (pdfDocument())({
    // No default font: pdfkit would load and parse Helvetica's metrics for every document, unused.
    font: null as unknown as string,
    size: options.size ?? 'A4',
    layout: options.layout ?? 'portrait',
    margin: options.margin ?? 36,
    bufferPages: true,
    info: { Title: options.title, Producer: 'Stockist' },
  });
  const { body, bold } = parsedFonts();
  doc.registerFont('Body', body as unknown as PDFKit.Mixins.PDFFontSource);
  doc.registerFont('Bold', bold as unknown as PDFKit.Mixins.PDFFontSource);
  shareShaping(doc, (font) => font === body || font === bold);
  doc.font('Body').fontSize(9);
  return doc;
}

let fonts: { body: unknown; bold: unknown } | null = null;

/** pdfkit's current font and its parsed (fontkit) font. */
type FontInternals = { _font?: { font: unknown } };

/**
 * The two DejaVu files are read and parsed once per process, not once per document: pdfkit takes an
 * already parsed font as well as a path, and each document still embeds only the glyphs it uses.
 * pdfkit parses them here, with the fontkit it was built with, so no second copy is needed.
 */
export function parsedFonts(): { body: unknown; bold: unknown } {
  if (!fonts) {
    const dir = path.join(resourcesDir(), 'fonts');
    const parse = (file: string) => {
      const doc = new (pdfDocument())({ font: fs.readFileSync(path.join(dir, file)) as unknown as string });
      return (doc as unknown as FontInternals)._font!.font;
    };
    fonts = { body: parse('DejaVuSans.ttf'), bold: parse('DejaVuSans-Bold.ttf') };
  }
  return fonts;
}

export function pdfBuffer(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

export interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

/**
 * A table that breaks across pages and repeats its header on each (pdfkit's own table does not).
 * `onPageBreak` runs before the header is redrawn, e.g. to print carried-forward totals.
 */
export function drawTable(
  doc: Pdf,
  columns: Column[],
  rows: string[][],
  options: {
    onPageBreak?: (doc: Pdf, rowsDone: number) => void;
    onNewPage?: (doc: Pdf, rowsDone: number) => void;
    rowFill?: (index: number) => string | null;
    /** body text size; a wide table (the invoice) prints smaller so its columns fit */
    fontSize?: number;
  } = {},
): void {
  const size = options.fontSize ?? 8.5;
  const left = doc.page.margins.left;
  const bottom = () => doc.page.height - doc.page.margins.bottom - 24;
  const drawHeader = () => {
    const y = doc.y;
    doc
      .save()
      .rect(
        left,
        y - 2,
        columns.reduce((s, c) => s + c.width, 0),
        16,
      )
      .fill('#eef1f5')
      .restore();
    doc.font('Bold').fontSize(Math.min(8, size)).fillColor('#333');
    let x = left;
    for (const c of columns) {
      doc.text(c.header, x + 3, y + 2, { width: c.width - 6, align: c.align ?? 'left', lineBreak: false });
      x += c.width;
    }
    doc.font('Body').fontSize(size).fillColor('black');
    doc.y = y + 18;
  };
  drawHeader();
  rows.forEach((row, index) => {
    const heights = cellHeights(doc, row, columns);
    const h = Math.max(12, ...heights) + 4;
    if (doc.y + h > bottom()) {
      options.onPageBreak?.(doc, index);
      doc.addPage();
      options.onNewPage?.(doc, index);
      drawHeader();
    }
    const y = doc.y;
    const fill = options.rowFill?.(index);
    if (fill)
      doc
        .save()
        .rect(
          left,
          y - 1,
          columns.reduce((s, c) => s + c.width, 0),
          h,
        )
        .fill(fill)
        .restore();
    let x = left;
    row.forEach((cell, i) => {
      doc
        .fillColor('black')
        .text(cell, x + 3, y + 1, { width: columns[i]!.width - 6, align: columns[i]!.align ?? 'left' });
      x += columns[i]!.width;
    });
    doc
      .moveTo(left, y + h - 1)
      .lineTo(x, y + h - 1)
      .strokeColor('#dde2e8')
      .lineWidth(0.5)
      .stroke();
    doc.y = y + h;
  });
  doc.x = left;
}

/** An amount, rate, count or HSN: one word with no break in it, so it takes one line wherever it fits. */
const UNBROKEN_NUMBER = /^[-₹]?\d[\d,.]*%?$/;

/**
 * Each cell's height as pdfkit's heightOfString gives it. Measuring a cell runs pdfkit's line
 * wrapper over it, as drawing it does again; most cells are numbers that fit their column, and
 * those take the height of one line (measured once per row, on the same y, so the sum is the same).
 */
export function cellHeights(doc: Pdf, row: string[], columns: Column[]): number[] {
  let oneLine: number | undefined;
  return row.map((cell, i) => {
    const width = columns[i]!.width - 6;
    if (!UNBROKEN_NUMBER.test(cell) || doc.widthOfString(cell) > width - 0.01)
      return doc.heightOfString(cell, { width });
    return (oneLine ??= doc.heightOfString('0', { width }));
  });
}

/** "Page 2 of 5" and a footer line on every page, written once all pages exist. */
export function pageFooters(doc: Pdf, text: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - doc.page.margins.bottom - 10;
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Body').fontSize(7.5).fillColor('#666');
    doc.text(text, doc.page.margins.left, y, { lineBreak: false });
    doc.text(`Page ${i + 1} of ${range.count}`, doc.page.margins.left, y, {
      width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottomMargin;
  }
  doc.fillColor('black');
}

/** The company block at the top of every document, with the document's title and number on the right. */
export function documentHeader(
  doc: Pdf,
  company: { name: string; lines: string[] },
  title: string,
  facts: [string, string][],
): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const top = doc.y;
  doc
    .font('Bold')
    .fontSize(14)
    .text(company.name, left, top, { width: width * 0.6 });
  doc.font('Body').fontSize(8.5);
  for (const line of company.lines.filter(Boolean)) doc.text(line, { width: width * 0.6 });
  const leftBottom = doc.y;
  // Long titles (report names) take up to 60% of the line rather than wrapping.
  doc.font('Bold').fontSize(13);
  const titleWidth = Math.min(width * 0.6, Math.max(width * 0.4, doc.widthOfString(title) + 6));
  doc.text(title, left + width - titleWidth, top, { width: titleWidth, align: 'right' });
  doc.font('Body').fontSize(8.5);
  for (const [k, v] of facts) doc.text(`${k}: ${v}`, left + width * 0.6, doc.y, { width: width * 0.4, align: 'right' });
  doc.y = Math.max(leftBottom, doc.y) + 8;
  doc
    .moveTo(left, doc.y)
    .lineTo(left + width, doc.y)
    .strokeColor('#999')
    .lineWidth(0.8)
    .stroke();
  doc.y += 8;
  doc.x = left;
}
