import { rupeesInWords } from '../../src-shared/amount-in-words';
import { formatMoney } from '../../src-shared/money';
import type { EngineContext } from '../engine/context';
import { getInvoice } from '../engine/billing/invoice-view';
import { companyBlock } from './company-block';
import { newPdf, pdfBuffer } from './pdf-kit';
import { docDate } from './print-format';

const WIDTH = 226.77; // 80 mm roll
const m = (p: number) => formatMoney(p, { symbol: false });

/** The 80 mm counter receipt: seller, invoice number, items, GST, total, paid and change. */
export async function receiptPdf(
  ctx: EngineContext,
  invoiceId: number,
  paid: { tendered: number } | null = null,
): Promise<{ filename: string; base64: string }> {
  const inv = getInvoice(ctx, invoiceId);
  const company = companyBlock(ctx);
  const height = 250 + inv.lines.length * 26 + (inv.cgst ? 26 : 13);
  const doc = newPdf({ size: [WIDTH, height], margin: 10, title: `Receipt ${inv.number}` });
  const w = WIDTH - 20;
  doc.font('Bold').fontSize(10).text(company.name, { width: w, align: 'center' });
  doc.font('Body').fontSize(7);
  for (const line of company.lines.filter(Boolean)) doc.text(line, { width: w, align: 'center' });
  doc.moveDown(0.4).font('Bold').fontSize(8).text(`TAX INVOICE ${inv.number}`, { width: w, align: 'center' });
  doc
    .font('Body')
    .fontSize(7)
    .text(`${docDate(inv.invoiceDate)} · ${inv.customerName}`, { width: w, align: 'center' });
  const rule = () =>
    doc
      .moveTo(10, doc.y + 2)
      .lineTo(WIDTH - 10, doc.y + 2)
      .dash(1, { space: 1.5 })
      .strokeColor('#555')
      .stroke()
      .undash()
      .moveDown(0.5);
  rule();
  doc.fontSize(7.5);
  for (const l of inv.lines) {
    doc.text(`${l.productName}${l.isFree ? ' (FREE)' : ''}`, 10, doc.y, { width: w });
    const y = doc.y;
    doc.text(`${l.quantity} × ${m(l.unitPrice)}  GST ${l.taxRate / 100}%`, 10, y, { width: w * 0.65 });
    doc.text(m(l.total), 10, y, { width: w, align: 'right' });
  }
  rule();
  const row = (label: string, value: string, bold = false) => {
    const y = doc.y;
    doc
      .font(bold ? 'Bold' : 'Body')
      .fontSize(bold ? 10 : 7.5)
      .text(label, 10, y, { width: w * 0.6 })
      .text(value, 10, y, { width: w, align: 'right' });
  };
  row('Taxable', m(inv.taxable));
  if (inv.cgst) {
    row('CGST', m(inv.cgst));
    row('SGST', m(inv.sgst));
  } else row('IGST', m(inv.igst));
  if (inv.roundOff) row('Round off', m(inv.roundOff));
  row('TOTAL', `₹${m(inv.total)}`, true);
  if (paid) {
    row('Paid', m(paid.tendered));
    row('Change', m(Math.max(0, paid.tendered - inv.total)));
  }
  doc.moveDown(0.4).font('Body').fontSize(6.5).text(rupeesInWords(inv.total), 10, doc.y, { width: w, align: 'center' });
  doc.moveDown(0.4).text('Thank you. Goods once sold are subject to the terms agreed.', { width: w, align: 'center' });
  const buffer = await pdfBuffer(doc);
  return { filename: `receipt-${inv.number.replace(/\//g, '-')}.pdf`, base64: buffer.toString('base64') };
}
