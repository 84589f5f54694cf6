import { stateName } from '../../src-shared/india-states';
import { formatMoney } from '../../src-shared/money';
import { businessDate } from '../engine/business-date';
import type { EngineContext } from '../engine/context';
import { notFound } from '../engine/errors';
import { companyBlock } from './company-block';
import { documentHeader, drawTable, newPdf, pageFooters, pdfBuffer } from './pdf-kit';
import { docDate, packsCell, unitsBySku } from './print-format';

interface Place {
  code: string;
  name: string;
  line1: string;
  line2: string;
  city: string;
  stateCode: string;
  pincode: string;
}

function placeLines(w: Place): string[] {
  return [
    `${w.name} (${w.code})`,
    [w.line1, w.line2].filter(Boolean).join(', '),
    [w.city, stateName(w.stateCode), w.pincode].filter(Boolean).join(', '),
    `State code ${w.stateCode}`,
  ].filter(Boolean);
}

/**
 * The delivery challan a transfer travels under: own stock moving between own warehouses is not
 * a sale, so there is no tax invoice; the challan names both places, the batches and a value (at
 * list price, before tax) for the transporter and any e-way bill.
 */
export async function deliveryChallanPdf(
  ctx: EngineContext,
  id: number,
): Promise<{ filename: string; base64: string }> {
  const { sqlite } = ctx.ledger;
  const t = sqlite
    .prepare(
      'SELECT number, challan_number AS challan, from_warehouse_id AS fromId, to_warehouse_id AS toId, sent_at AS sentAt FROM transfers WHERE id = ?',
    )
    .get(id) as { number: string; challan: string | null; fromId: number; toId: number; sentAt: string } | undefined;
  if (!t) throw notFound(`Transfer ${id}`, 'id');
  const place = (wid: number) =>
    sqlite
      .prepare('SELECT code, name, line1, line2, city, state_code AS stateCode, pincode FROM warehouses WHERE id = ?')
      .get(wid) as Place;
  const lines = sqlite
    .prepare(
      `SELECT p.sku, p.name, p.hsn, p.base_unit AS unit, b.batch_no AS batchNo, b.expires_on AS expiresOn, l.quantity, p.price * l.quantity AS value
       FROM transfer_lines l JOIN products p ON p.id = l.product_id JOIN batches b ON b.id = l.batch_id WHERE l.transfer_id = ? ORDER BY l.id`,
    )
    .all(id) as {
    sku: string;
    name: string;
    hsn: string;
    unit: string;
    batchNo: string;
    expiresOn: string | null;
    quantity: number;
    value: number;
  }[];
  // Transfers sent before challans existed print under their transfer number.
  const number = t.challan ?? t.number;
  const doc = newPdf({ title: `Delivery challan ${number}` });
  documentHeader(doc, companyBlock(ctx), 'DELIVERY CHALLAN', [
    ['Challan no.', number],
    ['Date', docDate(businessDate(ctx, new Date(t.sentAt)))],
    ['Transfer', t.number],
    ['Purpose', 'Stock transfer, not a sale'],
  ]);
  const left = doc.page.margins.left;
  const top = doc.y;
  const blocks: [string, string[], number][] = [
    ['From', placeLines(place(t.fromId)), left],
    ['To', placeLines(place(t.toId)), left + 270],
  ];
  let bottom = top;
  for (const [title, rows, x] of blocks) {
    doc.font('Bold').fontSize(8.5).text(title, x, top, { width: 250 });
    doc.font('Body');
    for (const r of rows) doc.text(r, x, doc.y, { width: 250 });
    bottom = Math.max(bottom, doc.y);
  }
  doc.x = left;
  doc.y = bottom + 10;
  const units = unitsBySku(
    ctx,
    lines.map((l) => l.sku),
  );
  drawTable(
    doc,
    [
      { header: '#', width: 20 },
      { header: 'SKU', width: 62 },
      { header: 'Product', width: 145 },
      { header: 'HSN', width: 56 },
      { header: 'Batch', width: 60 },
      { header: 'Expiry', width: 56 },
      { header: 'Quantity', width: 64, align: 'right' },
      { header: 'Value', width: 60, align: 'right' },
    ],
    lines.map((l, i) => [
      String(i + 1),
      l.sku,
      l.name,
      l.hsn,
      l.batchNo,
      docDate(l.expiresOn),
      packsCell(l.quantity, units.get(l.sku) ?? { baseUnit: l.unit, packs: [] }),
      formatMoney(l.value, { symbol: false }),
    ]),
  );
  const total = lines.reduce((s, l) => s + l.value, 0);
  doc
    .moveDown(0.5)
    .font('Bold')
    .text(`Value of goods (list price, before tax): ${formatMoney(total)}`, left, doc.y, {
      width: 523,
      align: 'right',
    });
  doc
    .moveDown(0.8)
    .font('Body')
    .fontSize(8)
    .text('Goods sent to our own warehouse; not for sale. No tax invoice is issued for this movement.', left);
  doc.moveDown(3).text('Received by: ____________________          For the distributor: ____________________');
  pageFooters(doc, `${number} · delivery challan`);
  return { filename: `${number.replace(/\//g, '-')}.pdf`, base64: (await pdfBuffer(doc)).toString('base64') };
}
