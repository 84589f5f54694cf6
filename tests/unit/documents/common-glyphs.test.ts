import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newPdf, pdfBuffer, type Pdf } from '../../../src-main/documents/pdf-kit';
import { plainPdf } from '../../support/plain-pdf';

/**
 * The same lines printed with Stockist's fonts (subset starting with the common glyphs, font file shared
 * between documents) or with the same DejaVu files registered afresh (pdfkit's own subset, as before).
 */
async function printed(lines: string[], own: boolean): Promise<Buffer> {
  const doc = own ? newPdf({ title: 'Glyphs' }) : plainPdf();
  lines.forEach((line, i) => draw(doc, line, i % 2 ? 'Bold' : 'Body'));
  return pdfBuffer(doc);
}

function draw(doc: Pdf, line: string, font: string): void {
  doc.font(font).fontSize(9).text(line, { width: 300 });
  doc.font(font).fontSize(7.5).text(line, { width: 120, align: 'right' });
}

/** The page as pixels (PNG at 72 dpi) and as text, read by poppler as a PDF viewer would. */
function seen(pdf: Buffer): { png: Buffer; text: string } {
  const dir = fs.mkdtempSync(path.join(process.env.STOCKIST_TEST_TMP ?? os.tmpdir(), 'glyphs-'));
  const file = path.join(dir, 'doc.pdf');
  fs.writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '72', '-singlefile', file, path.join(dir, 'page')], { stdio: 'pipe' });
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
  return { png: fs.readFileSync(path.join(dir, 'page.png')), text };
}

/** The font files (FontFile2 streams) a PDF embeds, as bytes. */
function fontFiles(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  return [...raw.matchAll(/\/FontFile2 (\d+) 0 R/g)].map(([, id]) => {
    const at = raw.indexOf(`\n${id} 0 obj`);
    const start = raw.indexOf('stream\n', at) + 'stream\n'.length;
    return raw.slice(start, raw.indexOf('\nendstream', start));
  });
}

const common = [
  'Taxable ₹1,234.50 · Sharma Traders — office flow',
  'INV/26-27/0000085 SKU003613 B3613-0 (2 case 5 pc)',
];
const other = ['Café Müller → 5 × 2', 'Rupees Five Hundred Only'];

describe('documents embed a subset that starts with the common glyphs', () => {
  it('prints the same pixels and text as pdfkit’s own subset of the same fonts', async () => {
    for (const lines of [common, other]) {
      const ours = seen(await printed(lines, true));
      const plain = seen(await printed(lines, false));
      expect(ours.text).toBe(plain.text);
      expect(ours.png.equals(plain.png)).toBe(true);
    }
    expect(seen(await printed(other, true)).text).toContain('Café Müller → 5 × 2');
  });

  it('embeds one font file, encoded once, in every document that prints only common characters', async () => {
    const one = fontFiles(await printed(common, true));
    const second = await printed(['Round off 0.00', 'Total ₹79,162.66'], true);
    const two = fontFiles(second);
    expect(one).toHaveLength(2);
    expect(two).toEqual(one);
    // Their text (the glyphs' ToUnicode map, also written once) reads back as printed.
    expect(seen(second).text).toMatch(/Round off 0\.00[^]*Total ₹79,162\.66/);
    // A document with other characters gets its own subset: the common glyphs and its own.
    const own = fontFiles(await printed(other, true));
    expect(own[0]).not.toEqual(one[0]);
  });
});
