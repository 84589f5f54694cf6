import { describe, expect, it } from 'vitest';
import { cellHeights, newPdf, type Column } from '../../../src-main/documents/pdf-kit';

describe('a table row’s cell heights', () => {
  it('are pdfkit’s heightOfString for every cell: numbers that fit, numbers that do not, words and lines', () => {
    const doc = newPdf({ title: 'Cells' });
    doc.font('Body').fontSize(7.5);
    doc.y = 123.456;
    const widthOf = (s: string) => doc.widthOfString(s);
    const cells = ['3,185.00', '18%', '19053100', '1', '-1,234.00', '₹79,162.66', '12,34,56,789.00', '', 'SKU003613'];
    cells.push('Desi Oil 1 kg 1009\nSKU001009', '26 pc\n(2 case 2 pc)', 'B1009-0\n16-03-2027');
    // Each cell in a column just wide enough, just too narrow, and roomy (the column's 6 pt of padding included).
    for (const slack of [-0.02, 0, 0.005, 0.02, 40]) {
      const columns: Column[] = cells.map((c) => ({ header: '', width: Math.max(6, widthOf(c) + 6 + slack) }));
      const expected = cells.map((c, i) => doc.heightOfString(c, { width: columns[i]!.width - 6 }));
      expect(cellHeights(doc, cells, columns)).toEqual(expected);
    }
    expect(doc.y).toBe(123.456);
  });
});
