import { describe, expect, it } from 'vitest';
import { newPdf, parsedFonts, pdfBuffer } from '../../../src-main/documents/pdf-kit';
import { pdfText } from '../../support/pdf-text';

async function printed(words: string): Promise<string> {
  const doc = newPdf({ title: 'Fonts' });
  doc.text(`Taxable ₹1,234.50 ${words}`);
  doc.font('Bold').text(`Total ₹1,456.71 ${words}`);
  const buffer = await pdfBuffer(doc);
  return pdfText({ filename: `fonts-${words}.pdf`, base64: buffer.toString('base64') }).text;
}

describe('PDF fonts', () => {
  it('are parsed once per process: every document gets the same parsed DejaVu fonts', () => {
    const first = parsedFonts();
    newPdf({ title: 'One' });
    newPdf({ title: 'Two' });
    expect(parsedFonts()).toBe(first);
    expect(first.body).not.toBe(first.bold);
  });

  it('still print the rupee sign in every document, with words shaped once shared between documents', async () => {
    const one = await printed('Sharma');
    const two = await printed('Sharma Traders');
    for (const text of [one, two]) {
      expect(text).toContain('Taxable ₹1,234.50 Sharma');
      expect(text).toContain('Total ₹1,456.71 Sharma');
    }
    expect(two).toContain('Traders');
  });
});
