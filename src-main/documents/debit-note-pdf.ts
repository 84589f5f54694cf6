import { formatMoney, formatRate } from '../../src-shared/money';
import type { EngineContext } from '../engine/context';
import { getBrandReturn } from '../engine/purchasing/brand-return-view';
import { companyBlock } from './company-block';
import { documentHeader, drawTable, newPdf, pageFooters, pdfBuffer } from './pdf-kit';
import { docDate, printedAt } from './print-format';
import { drawSupplierAndWarehouse } from './purchase-order-pdf';

const money = (paise: number) => formatMoney(paise, { symbol: false });
const reasons = { expiry: 'Expired goods', damage: 'Damaged goods', recall: 'Product recall' } as const;

/** The debit note that goes with the goods back to the brand: batches, value at cost, the input GST reversed. */
export async function debitNotePdf(ctx: EngineContext, id: number): Promise<{ filename: string; base64: string }> {
  const r = getBrandReturn(ctx, id);
  const doc = newPdf({ title: `Debit note ${r.number}` });
  documentHeader(doc, companyBlock(ctx), 'DEBIT NOTE', [
    ['Number', r.number],
    ['Date', docDate(r.returnDate)],
    ['Reason', reasons[r.reason]],
  ]);
  drawSupplierAndWarehouse(doc, ctx, r.supplierId, r.warehouseId);
  drawTable(
    doc,
    [
      { header: '#', width: 22, align: 'right' },
      { header: 'SKU', width: 62 },
      { header: 'Product', width: 150 },
      { header: 'Batch', width: 60 },
      { header: 'Expiry', width: 56 },
      { header: 'Qty', width: 42, align: 'right' },
      { header: 'GST', width: 36, align: 'right' },
      { header: 'Value', width: 95, align: 'right' },
    ],
    r.lines.map((l) => [
      String(l.lineNo),
      l.sku,
      l.productName,
      l.batchNo,
      docDate(l.expiresOn),
      String(l.quantity),
      formatRate(l.taxRateBps),
      money(l.value),
    ]),
  );
  doc.moveDown(0.5).font('Body').fontSize(9);
  const totals: [string, number][] = [['Value of goods (at cost)', r.value]];
  if (r.igst) totals.push(['IGST', r.igst]);
  else totals.push(['CGST', r.cgst], ['SGST', r.sgst]);
  for (const [label, amount] of totals) doc.text(`${label}: ${money(amount)}`, { align: 'right' });
  doc
    .font('Bold')
    .fontSize(10)
    .text(`Debit note total: ${formatMoney(r.total)}`, { align: 'right' });
  doc.font('Body').fontSize(8.5).moveDown(0.5);
  doc.text('We have debited your account with the amount above. Please send your credit note against this number.');
  if (r.notes) doc.moveDown(0.3).text(`Notes: ${r.notes}`);
  if (r.status !== 'claimed')
    doc
      .moveDown(0.3)
      .text(
        `Claim ${r.status}: accepted ${formatMoney(r.accepted ?? 0)} on ${docDate(r.claimSettledOn)}${r.claimReference ? ` (${r.claimReference})` : ''}.`,
      );
  doc.moveDown(2).text('Authorised signatory: ____________________', { align: 'right' });
  pageFooters(doc, `${r.number} · printed ${printedAt(ctx)}`);
  const buffer = await pdfBuffer(doc);
  return { filename: `${r.number.replace(/\//g, '-')}.pdf`, base64: buffer.toString('base64') };
}
