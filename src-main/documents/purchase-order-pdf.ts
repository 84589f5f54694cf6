import Papa from 'papaparse';
import { stateName } from '../../src-shared/india-states';
import { formatMoney, formatRate } from '../../src-shared/money';
import type { EngineContext } from '../engine/context';
import { getPurchaseOrder } from '../engine/purchasing/purchase-order-view';
import { getSupplier } from '../engine/purchasing/supplier-service';
import { companyBlock } from './company-block';
import { documentHeader, drawTable, newPdf, pageFooters, pdfBuffer, type Pdf } from './pdf-kit';
import { docDate, packsCell, printedAt, unitsByProduct } from './print-format';

const money = (paise: number) => formatMoney(paise, { symbol: false });

/** The supplier's name, address and GSTIN, and where the goods go: the two parties of a purchase document. */
export function drawSupplierAndWarehouse(doc: Pdf, ctx: EngineContext, supplierId: number, warehouseId: number): void {
  const s = getSupplier(ctx, supplierId);
  const w = ctx.ledger.sqlite
    .prepare('SELECT code, name, line1, city, state_code AS stateCode FROM warehouses WHERE id = ?')
    .get(warehouseId) as { code: string; name: string; line1: string; city: string; stateCode: string };
  const left = doc.page.margins.left;
  const half = (doc.page.width - left - doc.page.margins.right) / 2;
  const top = doc.y;
  doc
    .font('Bold')
    .fontSize(8)
    .text('SUPPLIER', left, top, { width: half - 10 });
  doc
    .font('Bold')
    .fontSize(9.5)
    .text(s.name, { width: half - 10 });
  doc.font('Body').fontSize(8.5);
  for (const line of [
    s.address,
    `${stateName(s.stateCode)} (${s.stateCode})`,
    s.gstin ? `GSTIN ${s.gstin}` : 'GSTIN —',
    [s.phone, s.email].filter(Boolean).join(' · '),
  ].filter(Boolean))
    doc.text(line, { width: half - 10 });
  const leftBottom = doc.y;
  doc
    .font('Bold')
    .fontSize(8)
    .text('DELIVER TO', left + half, top, { width: half });
  doc.font('Bold').fontSize(9.5).text(`${w.name} (${w.code})`, { width: half });
  doc.font('Body').fontSize(8.5);
  for (const line of [w.line1, [w.city, stateName(w.stateCode)].filter(Boolean).join(', ')].filter(Boolean))
    doc.text(line, { width: half });
  doc.y = Math.max(leftBottom, doc.y) + 10;
  doc.x = left;
}

/** The indent as the brand's order desk reads it: packs and base units, agreed rate and discount, value before tax. */
export async function purchaseOrderPdf(ctx: EngineContext, id: number): Promise<{ filename: string; base64: string }> {
  const po = getPurchaseOrder(ctx, id);
  const doc = newPdf({ title: `Purchase order ${po.number}` });
  documentHeader(doc, companyBlock(ctx), po.status === 'cancelled' ? 'PURCHASE ORDER (CANCELLED)' : 'PURCHASE ORDER', [
    ['Number', po.number],
    ['Date', docDate(po.orderDate)],
    ['Deliver by', docDate(po.expectedOn)],
  ]);
  drawSupplierAndWarehouse(doc, ctx, po.supplierId, po.warehouseId);
  const units = unitsByProduct(
    ctx,
    po.lines.map((l) => l.productId),
  );
  drawTable(
    doc,
    [
      { header: '#', width: 22, align: 'right' },
      { header: 'SKU', width: 66 },
      { header: 'Product', width: 170 },
      { header: 'Quantity', width: 90, align: 'right' },
      { header: 'Rate', width: 56, align: 'right' },
      { header: 'Disc', width: 40, align: 'right' },
      { header: 'Amount', width: 79, align: 'right' },
    ],
    po.lines.map((l) => [
      String(l.lineNo),
      l.sku,
      l.productName,
      units.has(l.productId) ? packsCell(l.quantity, units.get(l.productId)!) : `${l.quantity} ${l.baseUnit}`,
      money(l.rate),
      l.discountBps ? formatRate(l.discountBps) : '—',
      money(l.amount),
    ]),
  );
  doc
    .moveDown(0.5)
    .font('Bold')
    .fontSize(9.5)
    .text(`Total before tax: ${formatMoney(po.amount)}`, { align: 'right' });
  doc.font('Body').fontSize(8.5).text('Rates are per base unit, before GST. Please quote this number on your invoice.');
  if (po.notes) doc.moveDown(0.5).text(`Notes: ${po.notes}`);
  doc.moveDown(2).text('Authorised signatory: ____________________', { align: 'right' });
  pageFooters(doc, `${po.number} · printed ${printedAt(ctx)}`);
  const buffer = await pdfBuffer(doc);
  return { filename: `${po.number.replace(/\//g, '-')}.pdf`, base64: buffer.toString('base64') };
}

/** The same order as CSV, for a brand's order portal or DMS upload: one row per line, rupees with two decimals. */
export function purchaseOrderCsv(ctx: EngineContext, id: number): { filename: string; base64: string } {
  const po = getPurchaseOrder(ctx, id);
  const csv = Papa.unparse({
    fields: ['po_number', 'order_date', 'line', 'sku', 'product', 'quantity', 'unit', 'rate', 'discount_pct', 'amount'],
    data: po.lines.map((l) => [
      po.number,
      po.orderDate,
      l.lineNo,
      l.sku,
      l.productName,
      l.quantity,
      l.baseUnit,
      money(l.rate).replace(/,/g, ''),
      (l.discountBps / 100).toFixed(2),
      money(l.amount).replace(/,/g, ''),
    ]),
  });
  return {
    filename: `${po.number.replace(/\//g, '-')}.csv`,
    base64: Buffer.from(`\uFEFF${csv}`, 'utf8').toString('base64'),
  };
}
