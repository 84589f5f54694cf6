import { describe, expect, it } from 'vitest';
import { newPdf, parsedFonts } from '../../../src-main/documents/pdf-kit';
import { plainPdf } from '../../support/plain-pdf';

interface Run {
  glyphs: { id: number }[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
  advanceWidth: number;
}
type Font = { layout(text: string): Run };

/** Glyphs and their positions, as a string to compare. */
const shape = (run: Run) =>
  run.glyphs.map((g, i) => {
    const p = run.positions[i]!;
    return `${g.id}:${p.xAdvance}:${p.yAdvance}:${p.xOffset}:${p.yOffset}`;
  });

const plain = [...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)), '₹', '·', '—', '\n'];
const digits = [...'0123456789'];

describe('words with digits are shaped as their pieces side by side', () => {
  it('is how DejaVu shapes them: no lookup joins, kerns or substitutes across a digit', () => {
    const fonts = parsedFonts() as unknown as { body: Font; bold: Font };
    let seed = 7;
    const pick = <T>(list: T[]) => list[(seed = (seed * 48271) % 2147483647) % list.length]!;
    for (const font of [fonts.body, fonts.bold]) {
      const apart = (...pieces: string[]) => pieces.flatMap((p) => shape(font.layout(p)));
      for (const c of plain)
        for (const d of digits) {
          expect(shape(font.layout(c + d))).toEqual(apart(c, d));
          expect(shape(font.layout(d + c))).toEqual(apart(d, c));
        }
      // Three-glyph contexts around a digit (exhaustively checked once: 300,000 per font; a sample here).
      for (let i = 0; i < 1500; i++) {
        const [a, b, d] = [pick(plain), pick(plain), pick(digits)];
        expect(shape(font.layout(a + d + b))).toEqual(apart(a, d, b));
        expect(shape(font.layout(a + b + d))).toEqual(apart(a + b, d));
        expect(shape(font.layout(d + a + b))).toEqual(apart(d, a + b));
      }
    }
  });

  it('gives a document the glyphs, positions and widths pdfkit shapes for the whole word', () => {
    const words = ['₹79,162.66', 'SKU003613', 'B3613-0\n', 'INV/26-27/0000085', '07DXRPR2035K1ZX', 'AV1A', 'office2fi'];
    const ours = newPdf({ title: 'Shapes' });
    const plainDoc = plainPdf();
    ours.font('Body').fontSize(7.5);
    plainDoc.font('Body').fontSize(7.5);
    const font = (doc: PDFKit.PDFDocument) => (doc as unknown as { _font: { layout(t: string): Run } })._font;
    for (const word of words) {
      const [mine, theirs] = [font(ours).layout(word), font(plainDoc).layout(word)];
      expect(shape(mine)).toEqual(shape(theirs));
      expect(mine.advanceWidth).toBe(theirs.advanceWidth);
      expect(ours.widthOfString(`${word} total`)).toBe(plainDoc.widthOfString(`${word} total`));
    }
  });
});
