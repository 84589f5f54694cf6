import { packsFromText } from '../../src-shared/quantity';
import type { EngineContext } from '../engine/context';
import { getPickList } from '../engine/fulfilment/pick-lists';
import { companyBlock } from './company-block';
import { documentHeader, drawTable, newPdf, pageFooters, pdfBuffer } from './pdf-kit';
import { docDate, packsCell, printedAt } from './print-format';

const unitsOf = (l: { baseUnit: string; packs: string }) => ({ baseUnit: l.baseUnit, packs: packsFromText(l.packs) });

/** The pick list the warehouse clerk walks with: rack order, batch and expiry, packs and pieces, a box to tick. */
export async function pickListPdf(ctx: EngineContext, id: number): Promise<{ filename: string; base64: string }> {
  const list = getPickList(ctx, id);
  const doc = newPdf({ title: `Pick list ${list.number}` });
  const orders = [...new Map(list.lines.map((l) => [l.orderId, `${l.orderNumber} ${l.customerName}`])).values()];
  documentHeader(doc, companyBlock(ctx), 'PICK LIST', [
    ['Number', list.number],
    ['Warehouse', `${list.warehouseCode} ${list.warehouseName}`],
    ['Created', printedAt(ctx, new Date(list.createdAt))],
    ['Orders', String(orders.length)],
  ]);
  doc
    .font('Bold')
    .fontSize(8.5)
    .text('Orders on this wave: ', { continued: true })
    .font('Body')
    .text(orders.join(' · '));
  doc.moveDown(0.6);
  drawTable(
    doc,
    [
      { header: 'Rack', width: 40 },
      { header: 'SKU', width: 60 },
      { header: 'Product', width: 144 },
      { header: 'Batch', width: 52 },
      { header: 'Expiry', width: 56 },
      { header: 'Quantity', width: 78, align: 'right' },
      { header: 'Order', width: 49 },
      { header: 'Picked', width: 44, align: 'center' },
    ],
    list.lines.map((l) => [
      l.rack || '—',
      l.sku,
      l.isFree ? `${l.productName}\nFREE (scheme)` : l.productName,
      l.batchNo,
      docDate(l.expiresOn),
      packsCell(l.quantity, unitsOf(l)),
      l.orderNumber.slice(-6),
      l.picked >= l.quantity
        ? '✔'
        : l.short > 0
          ? `${l.picked}, ${l.short} short`
          : l.picked > 0
            ? `${l.picked} ☐`
            : '☐',
    ]),
    { rowFill: (i) => (list.lines[i]?.isFree ? '#f1faf4' : i % 2 ? '#fafbfc' : null) },
  );
  const free = list.lines.filter((l) => l.isFree).length;
  doc
    .moveDown(0.5)
    .font('Bold')
    .text(`${list.lines.length} lines${free ? ` (${free} free goods)` : ''}`, { align: 'right' });
  doc
    .moveDown(2)
    .font('Body')
    .text('Picked by: ____________________        Checked by: ____________________        Time: __________');
  pageFooters(doc, `${list.number} · printed ${printedAt(ctx)}`);
  const buffer = await pdfBuffer(doc);
  return { filename: `${list.number.replace(/\//g, '-')}.pdf`, base64: buffer.toString('base64') };
}
