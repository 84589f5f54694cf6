import { rupeesInWords } from '../../src-shared/amount-in-words';
import { stateName } from '../../src-shared/india-states';
import { formatMoney, formatRate } from '../../src-shared/money';
import type { EngineContext } from '../engine/context';
import { getInvoice } from '../engine/billing/invoice-view';
import { stampCancelled } from './cancelled-stamp';
import { companyBlock } from './company-block';
import { drawInvoiceParties } from './invoice-parties';
import { documentHeader, drawTable, newPdf, pageFooters, pdfBuffer, type Pdf } from './pdf-kit';

const m = (p: number) => formatMoney(p, { symbol: false });

/**
 * The rate as GST reads it, before tax, so rate × qty − discount = taxable on the page; a
 * tax-inclusive price prints beneath the rate derived from it (both from invoices.get).
 */
function rateCell(l: { rate: string; unitPrice: number; taxInclusive: boolean; isFree: boolean }): string {
  return l.taxInclusive && !l.isFree ? `${l.rate}\nincl ${m(l.unitPrice)}` : l.rate;
}

/** Renders one invoice into `doc` (used alone, or many into one PDF). */
export function drawInvoice(ctx: EngineContext, doc: Pdf, id: number): { total: number } {
  const inv = getInvoice(ctx, id);
  const company = companyBlock(ctx);
  const intra = inv.igst === 0 && (inv.cgst > 0 || inv.taxable === 0);
  const header = () =>
    documentHeader(doc, company, 'TAX INVOICE', [
      ['Invoice no.', inv.number], ['Date', inv.invoiceDate], ['Due', inv.dueDate], ['Place of supply', `${stateName(inv.placeOfSupply)} (${inv.placeOfSupply})`],
    ]);
  header();
  stampCancelled(doc, inv);
  const left = doc.page.margins.left;
  drawInvoiceParties(ctx, doc, inv);
  const columns = [
    { header: '#', width: 18 }, { header: 'Item', width: 122 }, { header: 'HSN', width: 54 }, { header: 'Batch / Exp', width: 62 }, { header: 'Qty', width: 34, align: 'right' as const },
    { header: 'Rate', width: 48, align: 'right' as const }, { header: 'Disc', width: 42, align: 'right' as const }, { header: 'Taxable', width: 52, align: 'right' as const },
    { header: 'GST', width: 36, align: 'right' as const }, { header: 'Amount', width: 55, align: 'right' as const },
  ];
  let carried = 0;
  const rows = inv.lines.map((l, i) => [
    String(i + 1), `${l.productName}${l.isFree ? ' (FREE)' : ''}\n${l.sku}`, l.hsn, `${l.batchNo}\n${l.expiresOn ?? ''}`, `${l.quantity} ${l.baseUnit}`, rateCell(l), m(l.discount), m(l.taxable),
    formatRate(l.taxRate), m(l.total),
  ]);
  const runningTotal = (upTo: number) => inv.lines.slice(0, upTo).reduce((s, l) => s + l.total, 0);
  drawTable(doc, columns, rows, {
    onPageBreak: (d, done) => {
      carried = runningTotal(done);
      d.font('Bold').fontSize(8.5).text(`Carried forward: ₹${m(carried)}`, left, d.y + 4, { width: 523, align: 'right' });
    },
    onNewPage: (d) => {
      header();
      stampCancelled(d, inv);
      d.font('Bold').fontSize(8.5).text(`${inv.number} (continued) — brought forward: ₹${m(carried)}`, left, d.y, { width: 523, align: 'right' });
      d.moveDown(0.5);
    },
    rowFill: (i) => (inv.lines[i]?.isFree ? '#f1faf4' : i % 2 ? '#fafbfc' : null),
  });
  doc.moveDown(0.6);
  const totals: [string, string][] = [
    ['Gross', m(inv.gross)], ['Discounts', inv.discount === 0 ? m(0) : `-${m(inv.discount)}`], ['Taxable value', m(inv.taxable)],
    ...(intra ? ([['CGST', m(inv.cgst)], ['SGST', m(inv.sgst)]] as [string, string][]) : ([['IGST', m(inv.igst)]] as [string, string][])),
    ['Round off', m(inv.roundOff)],
  ];
  if (doc.y > doc.page.height - 260) {
    doc.addPage();
    header();
  }
  const boxTop = doc.y;
  doc.font('Bold').fontSize(8).text('HSN summary', left, boxTop);
  doc.y += 4;
  drawTable(
    doc,
    [{ header: 'HSN', width: 60 }, { header: 'Rate', width: 40, align: 'right' }, { header: 'Taxable', width: 70, align: 'right' }, ...(intra ? [{ header: 'CGST', width: 55, align: 'right' as const }, { header: 'SGST', width: 55, align: 'right' as const }] : [{ header: 'IGST', width: 60, align: 'right' as const }])],
    inv.hsnSummary.map((h) => [h.hsn, formatRate(h.rateBps), m(h.taxable), ...(intra ? [m(h.cgst), m(h.sgst)] : [m(h.igst)])]),
  );
  const afterHsn = doc.y;
  doc.font('Body').fontSize(9);
  let y = boxTop;
  for (const [k, v] of totals) {
    doc.text(k, left + 330, y, { width: 110 }).text(v, left + 440, y, { width: 83, align: 'right' });
    y += 13;
  }
  doc.font('Bold').fontSize(11).text('Total', left + 330, y + 2, { width: 110 }).text(`₹${m(inv.total)}`, left + 420, y + 2, { width: 103, align: 'right' });
  doc.y = Math.max(afterHsn, y + 20) + 8;
  doc.font('Bold').fontSize(9).text(rupeesInWords(inv.total), left, doc.y, { width: 523 });
  doc.moveDown(1.5).font('Body').fontSize(8).text('Goods once sold are subject to the terms agreed. E. & O. E.', left);
  doc.text(`For ${company.name}`, left, doc.y + 10, { width: 523, align: 'right' }).moveDown(2).text('Authorised signatory', { width: 523, align: 'right' });
  return { total: inv.total };
}

export async function invoicePdf(ctx: EngineContext, id: number): Promise<{ filename: string; base64: string }> {
  const number = (ctx.ledger.sqlite.prepare('SELECT number FROM invoices WHERE id = ?').get(id) as { number: string } | undefined)?.number ?? String(id);
  const doc = newPdf({ title: `Tax invoice ${number}` });
  drawInvoice(ctx, doc, id);
  pageFooters(doc, `${number} · computer-generated invoice`);
  const buffer = await pdfBuffer(doc);
  return { filename: `${number.replace(/\//g, '-')}.pdf`, base64: buffer.toString('base64') };
}
