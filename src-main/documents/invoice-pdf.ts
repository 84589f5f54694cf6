import { rupeesInWords } from '../../src-shared/amount-in-words';
import { stateName } from '../../src-shared/india-states';
import { formatMoney, formatRate } from '../../src-shared/money';
import type { EngineContext } from '../engine/context';
import { getInvoice } from '../engine/billing/invoice-view';
import { stampCancelled } from './cancelled-stamp';
import { companyBlock } from './company-block';
import { drawInvoiceEwayBill } from './invoice-ewb-block';
import { drawInvoiceParties } from './invoice-parties';
import { drawIrnBlock } from './invoice-irn-block';
import { documentHeader, drawTable, newPdf, pageFooters, pdfBuffer, type Pdf } from './pdf-kit';
import { docDate, unitsByProduct } from './print-format';
import { formatPacks } from '../../src-shared/quantity';

const m = (p: number) => formatMoney(p, { symbol: false });

/** MRP and product of each invoice line: the batch's MRP when it was received with one, else the product's. */
function lineFacts(ctx: EngineContext, invoiceId: number): Map<number, { mrp: number; productId: number }> {
  const rows = ctx.ledger.sqlite
    .prepare(
      'SELECT il.id, il.product_id AS productId, coalesce(b.mrp, p.mrp) AS mrp FROM invoice_lines il JOIN products p ON p.id = il.product_id JOIN batches b ON b.id = il.batch_id WHERE il.invoice_id = ?',
    )
    .all(invoiceId) as { id: number; productId: number; mrp: number }[];
  return new Map(rows.map((r) => [r.id, r]));
}

/** GST reads the base-unit quantity (with its UQC); the packs beneath are for the person receiving the goods. */
function quantityCell(
  quantity: number,
  units: { baseUnit: string; packs: { unit: string; factor: number }[] } | undefined,
  baseUnit: string,
): string {
  const base = `${quantity} ${baseUnit}`;
  const packs = units ? formatPacks(quantity, units) : base;
  return packs === base ? base : `${base}\n(${packs})`;
}

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
      ['Invoice no.', inv.number],
      ['Date', docDate(inv.invoiceDate)],
      ['Due', docDate(inv.dueDate)],
      ['Place of supply', `${stateName(inv.placeOfSupply)} (${inv.placeOfSupply})`],
    ]);
  header();
  stampCancelled(doc, inv);
  const left = doc.page.margins.left;
  const W = doc.page.width - left - doc.page.margins.right;
  drawInvoiceParties(ctx, doc, inv);
  drawIrnBlock(ctx, doc, inv.id);
  drawInvoiceEwayBill(ctx, doc, inv.id);
  const facts = lineFacts(ctx, id);
  const units = unitsByProduct(
    ctx,
    [...facts.values()].map((f) => f.productId),
  );
  // 555 pt on A4 with 20 pt margins, in 7.5 pt: eight-digit HSNs, "incl" rates and packs fit on
  // their lines and the item name keeps the rest (about 120 pt, two lines for long names).
  const fixed = [
    { header: '#', width: 14 },
    { header: 'HSN', width: 46 },
    { header: 'Batch/Exp', width: 50 },
    { header: 'Qty', width: 58, align: 'right' as const },
    { header: 'MRP', width: 42, align: 'right' as const },
    { header: 'Rate', width: 48, align: 'right' as const },
    { header: 'Disc', width: 42, align: 'right' as const },
    { header: 'Taxable', width: 47, align: 'right' as const },
    { header: 'GST', width: 30, align: 'right' as const },
    { header: 'Amount', width: 52, align: 'right' as const },
  ];
  const itemWidth = W - fixed.reduce((s, c) => s + c.width, 0);
  const columns = [fixed[0]!, { header: 'Item', width: itemWidth }, ...fixed.slice(1)];
  let carried = 0;
  const rows = inv.lines.map((l, i) => [
    String(i + 1),
    `${l.productName}${l.isFree ? ' (FREE)' : ''}\n${l.sku}`,
    l.hsn,
    `${l.batchNo}\n${docDate(l.expiresOn)}`,
    quantityCell(l.quantity, units.get(facts.get(l.id)?.productId ?? 0), l.baseUnit),
    m(facts.get(l.id)?.mrp ?? 0),
    rateCell(l),
    m(l.discount),
    m(l.taxable),
    formatRate(l.taxRate),
    m(l.total),
  ]);
  const runningTotal = (upTo: number) => inv.lines.slice(0, upTo).reduce((s, l) => s + l.total, 0);
  drawTable(doc, columns, rows, {
    onPageBreak: (d, done) => {
      carried = runningTotal(done);
      d.font('Bold')
        .fontSize(8.5)
        .text(`Carried forward: ₹${m(carried)}`, left, d.y + 4, { width: W, align: 'right' });
    },
    onNewPage: (d) => {
      header();
      stampCancelled(d, inv);
      d.font('Bold')
        .fontSize(8.5)
        .text(`${inv.number} (continued) — brought forward: ₹${m(carried)}`, left, d.y, { width: W, align: 'right' });
      d.moveDown(0.5);
    },
    rowFill: (i) => (inv.lines[i]?.isFree ? '#f1faf4' : i % 2 ? '#fafbfc' : null),
    fontSize: 7.5,
  });
  doc.moveDown(0.6);
  // The header's gross includes the charges (freight): the goods' gross prints first, each charge after discounts.
  const charged = inv.charges.reduce((s, c) => s + c.taxable, 0);
  const totals: [string, string][] = [
    ['Gross', m(inv.gross - charged)],
    ['Discounts', inv.discount === 0 ? m(0) : `-${m(inv.discount)}`],
    ...inv.charges.map((c): [string, string] => [`${c.description} (SAC ${c.sac})`, m(c.taxable)]),
    ['Taxable value', m(inv.taxable)],
    ...(intra
      ? ([
          ['CGST', m(inv.cgst)],
          ['SGST', m(inv.sgst)],
        ] as [string, string][])
      : ([['IGST', m(inv.igst)]] as [string, string][])),
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
    [
      { header: 'HSN/SAC', width: 60 },
      { header: 'Rate', width: 40, align: 'right' },
      { header: 'Taxable', width: 70, align: 'right' },
      ...(intra
        ? [
            { header: 'CGST', width: 55, align: 'right' as const },
            { header: 'SGST', width: 55, align: 'right' as const },
          ]
        : [{ header: 'IGST', width: 60, align: 'right' as const }]),
    ],
    inv.hsnSummary.map((h) => [
      h.hsn,
      formatRate(h.rateBps),
      m(h.taxable),
      ...(intra ? [m(h.cgst), m(h.sgst)] : [m(h.igst)]),
    ]),
  );
  const afterHsn = doc.y;
  doc.font('Body').fontSize(9);
  let y = boxTop;
  for (const [k, v] of totals) {
    doc.text(k, left + W - 193, y, { width: 110 }).text(v, left + W - 83, y, { width: 83, align: 'right' });
    y += 13;
  }
  doc
    .font('Bold')
    .fontSize(11)
    .text('Total', left + W - 193, y + 2, { width: 110 })
    .text(`₹${m(inv.total)}`, left + W - 103, y + 2, { width: 103, align: 'right' });
  doc.y = Math.max(afterHsn, y + 20) + 8;
  doc.font('Bold').fontSize(9).text(rupeesInWords(inv.total), left, doc.y, { width: W });
  doc.moveDown(1.5).font('Body').fontSize(8).text('Goods once sold are subject to the terms agreed. E. & O. E.', left);
  doc
    .text(`For ${company.name}`, left, doc.y + 10, { width: W, align: 'right' })
    .moveDown(2)
    .text('Authorised signatory', { width: W, align: 'right' });
  return { total: inv.total };
}

export async function invoicePdf(ctx: EngineContext, id: number): Promise<{ filename: string; base64: string }> {
  const number =
    (ctx.ledger.sqlite.prepare('SELECT number FROM invoices WHERE id = ?').get(id) as { number: string } | undefined)
      ?.number ?? String(id);
  const doc = newPdf({ title: `Tax invoice ${number}`, margin: 20 });
  drawInvoice(ctx, doc, id);
  pageFooters(doc, `${number} · computer-generated invoice`);
  const buffer = await pdfBuffer(doc);
  return { filename: `${number.replace(/\//g, '-')}.pdf`, base64: buffer.toString('base64') };
}
