import path from 'node:path';
import { pdfDocument } from '../../src-main/documents/lazy-libraries';
import type { Pdf } from '../../src-main/documents/pdf-kit';
import { resourcesDir } from '../../src-main/paths/resources-path';

/**
 * A pdfkit document with the DejaVu files and nothing of Stockist's (no shared shaping, no common
 * glyphs): what pdfkit itself prints, to compare Stockist's documents with.
 */
export function plainPdf(): Pdf {
  const fonts = path.join(resourcesDir(), 'fonts');
  const doc = new (pdfDocument())({ font: null as unknown as string, size: 'A4', margin: 36, bufferPages: true });
  doc.registerFont('Body', path.join(fonts, 'DejaVuSans.ttf'));
  doc.registerFont('Bold', path.join(fonts, 'DejaVuSans-Bold.ttf'));
  return doc.font('Body').fontSize(9);
}
