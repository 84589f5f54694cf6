import { deliveryNoteTerms } from '../engine/channel/shipping/shipping-terms';
import type { ShippingTerms } from '../../src-shared/contract/channel-shipping';
import { notFound } from '../engine/errors';
import { businessDate, companyTimeZone } from '../engine/business-date';
import { localStamp } from '../engine/formats/ewaybill/validity';
import { stateName } from '../../src-shared/india-states';
import { formatMoney } from '../../src-shared/money';
import type { EngineContext } from '../engine/context';
import { getDeliveryNote } from '../engine/fulfilment/delivery-notes';
import { getDispatch } from '../engine/fulfilment/dispatch';
import { customerLedger } from '../engine/receivables/customer-ledger';
import { companyBlock } from './company-block';
import { documentHeader, drawTable, newPdf, pageFooters, pdfBuffer, type Pdf } from './pdf-kit';
import { docDate, loadOf, packsCell, unitsBySku } from './print-format';

type PdfOut = Promise<{ filename: string; base64: string }>;
const fileOf = (n: string) => `${n.replace(/\//g, '-')}.pdf`;

function addressOf(ctx: EngineContext, customerId: number, shipTo?: string): string[] {
  const c = ctx.ledger.sqlite.prepare('SELECT * FROM customers WHERE id = ?').get(customerId) as Record<string, string>;
  const a = shipTo
    ? (JSON.parse(shipTo) as Record<string, string>)
    : {
        line1: c.bill_line1!,
        line2: c.bill_line2!,
        city: c.bill_city!,
        stateCode: c.bill_state_code!,
        pincode: c.bill_pincode!,
      };
  return [
    c.name!,
    [a.line1, a.line2].filter(Boolean).join(', '),
    [a.city, stateName(a.stateCode ?? ''), a.pincode].filter(Boolean).join(', '),
    c.gstin ? `GSTIN ${c.gstin}` : '',
    c.phone ? `Phone ${c.phone}` : '',
  ].filter(Boolean);
}

/** The delivery note that travels with the goods: ship-to, batches and expiries, packages, signatures. */
export async function deliveryNotePdf(ctx: EngineContext, id: number): PdfOut {
  const note = getDeliveryNote(ctx, id);
  const shipTo = (
    ctx.ledger.sqlite.prepare('SELECT ship_to AS s FROM delivery_notes WHERE id = ?').get(id) as { s: string }
  ).s;
  const doc = newPdf({ title: `Delivery note ${note.number}` });
  documentHeader(doc, companyBlock(ctx), 'DELIVERY NOTE', [
    ['Number', note.number],
    ['Date', docDate(businessDate(ctx, new Date(note.postedAt)))],
    ['Order', note.orderNumber],
    ['From', note.warehouseCode],
  ]);
  doc.font('Bold').fontSize(8.5).text('Ship to');
  doc.font('Body');
  for (const line of addressOf(ctx, note.customerId, shipTo)) doc.text(line);
  doc.moveDown(0.5);
  const units = unitsBySku(
    ctx,
    note.lines.map((l) => l.sku),
  );
  // Free goods travel on the same note; the receiver should see they are the scheme's, not billed.
  const free = new Set(
    (
      ctx.ledger.sqlite
        .prepare(
          'SELECT dl.id FROM delivery_note_lines dl JOIN order_lines ol ON ol.id = dl.order_line_id WHERE dl.delivery_note_id = ? AND ol.is_free = 1',
        )
        .all(id) as { id: number }[]
    ).map((r) => r.id),
  );
  drawTable(
    doc,
    [
      { header: '#', width: 20 },
      { header: 'SKU', width: 70 },
      { header: 'Product', width: 190 },
      { header: 'Batch', width: 80 },
      { header: 'Expiry', width: 66 },
      { header: 'Quantity', width: 97, align: 'right' },
    ],
    note.lines.map((l, i) => [
      String(i + 1),
      l.sku,
      free.has(l.id) ? `${l.productName} (FREE)` : l.productName,
      l.batchNo,
      docDate(l.expiresOn),
      packsCell(l.quantity, units.get(l.sku) ?? { baseUnit: l.baseUnit, packs: [] }),
    ]),
  );
  doc
    .moveDown(0.5)
    .text(
      `Packages: ${note.packages || '—'} · Weight: ${note.weightGrams ? `${(note.weightGrams / 1000).toFixed(1)} kg` : '—'} · Lines: ${note.lines.length}`,
    );
  doc
    .moveDown(3)
    .text('Received in good condition: ____________________          For the distributor: ____________________');
  pageFooters(doc, note.number);
  return { filename: fileOf(note.number), base64: (await pdfBuffer(doc)).toString('base64') };
}

/** The driver's sheet: every stop with its delivery note, invoice, amount and e-way bill, and a column to sign. */
/** Under the e-way bill number on the driver's sheet: until when it covers the goods, on the company's clock. */
function validTo(ctx: EngineContext, iso: string | null): string {
  if (!iso) return '';
  const stamp = localStamp(new Date(iso), companyTimeZone(ctx));
  return `\nto ${docDate(stamp.slice(0, 10)).slice(0, 5)} ${stamp.slice(11)}`;
}

export async function dispatchSheetPdf(ctx: EngineContext, id: number): PdfOut {
  const d = getDispatch(ctx, id);
  // Landscape: a driver's sheet needs room for names, e-way bill numbers and a real signature box.
  const doc = newPdf({ title: `Dispatch ${d.number}`, size: 'A4', layout: 'landscape' });
  documentHeader(doc, companyBlock(ctx), 'DISPATCH SHEET', [
    ['Number', d.number],
    ['Date', docDate(businessDate(ctx, new Date(d.dispatchedAt)))],
    ['Vehicle', d.vehicleNo],
    ['Driver', d.driver || '—'],
    ['Transporter / LR', `${d.transporter || '—'} / ${d.lrNumber || '—'}`],
  ]);
  drawTable(
    doc,
    [
      { header: '#', width: 18 },
      { header: 'Customer', width: 140 },
      { header: 'City', width: 70 },
      { header: 'Delivery note', width: 100 },
      { header: 'Invoice', width: 100 },
      { header: 'Goods', width: 90 },
      { header: 'Amount', width: 70, align: 'right' },
      { header: 'E-way bill', width: 90 },
      { header: 'Pkgs', width: 32, align: 'right' },
      { header: 'Sign', width: 60 },
    ],
    d.notes.map((n, i) => [
      String(i + 1),
      n.customerName,
      n.city,
      n.number,
      n.invoiceNumber ?? '—',
      loadOf(ctx, n.deliveryNoteId),
      n.invoiceTotal === null ? '—' : formatMoney(n.invoiceTotal),
      n.ewayBill
        ? n.ewayBill + validTo(ctx, n.ewayBillValidUpto)
        : n.ewayBillOverride
          ? `none: ${n.ewayBillOverride}`
          : '—',
      String(n.packages),
      '',
    ]),
  );
  doc
    .moveDown(0.5)
    .font('Bold')
    .text(
      `${d.notes.length} ${d.notes.length === 1 ? 'stop' : 'stops'} · ${d.notes.reduce((s, n) => s + n.packages, 0)} packages · route ${d.route || '—'}`,
    );
  shippingTermsBlock(
    doc,
    d.notes.map((n, i) => ({
      stop: i + 1,
      customerName: n.customerName,
      terms: deliveryNoteTerms(ctx, n.deliveryNoteId),
    })),
  );
  pageFooters(doc, d.number);
  return { filename: fileOf(d.number), base64: (await pdfBuffer(doc)).toString('base64') };
}

/** Each stop's shipping terms, so the driver knows who pays the carrier, whose account and how to pack. */
function shippingTermsBlock(doc: Pdf, stops: { stop: number; customerName: string; terms: ShippingTerms }[]) {
  doc.moveDown(0.6).font('Bold').fontSize(9).text('Shipping terms');
  doc.font('Body').fontSize(8.5);
  for (const { stop, customerName, terms: t } of stops) {
    const parts = [
      t.summary,
      t.transporterName ? `Transporter ${t.transporterName} (${t.transporterGstin})` : '',
      t.carrierAccount ? `Carrier a/c ${t.carrierAccount}` : '',
      t.packingInstructions ? `Packing: ${t.packingInstructions}` : '',
    ].filter(Boolean);
    doc.text(`${stop}. ${customerName}: ${parts.join(' · ')}`);
  }
}

/** A customer's statement for a period: brought forward, invoices, payments, credit notes, closing balance. */
export async function statementPdf(
  ctx: EngineContext,
  input: { customerId: number; from: string; to: string },
): PdfOut {
  const customer = ctx.ledger.sqlite.prepare('SELECT code FROM customers WHERE id = ?').get(input.customerId) as
    { code: string } | undefined;
  if (!customer) throw notFound('Customer', 'customerId');
  const ledger = customerLedger(ctx, input);
  const code = customer.code;
  const doc = newPdf({ title: `Statement ${code}` });
  documentHeader(doc, companyBlock(ctx), 'STATEMENT OF ACCOUNT', [
    ['Customer', code],
    ['From', docDate(input.from)],
    ['To', docDate(input.to)],
  ]);
  for (const line of addressOf(ctx, input.customerId)) doc.font('Body').fontSize(8.5).text(line);
  doc.moveDown(0.5);
  const m = (p: number) => (p ? formatMoney(p) : '');
  drawTable(
    doc,
    [
      { header: 'Date', width: 70 },
      { header: 'Document', width: 110 },
      { header: 'Type', width: 103 },
      { header: 'Debit', width: 80, align: 'right' },
      { header: 'Credit', width: 80, align: 'right' },
      { header: 'Balance', width: 80, align: 'right' },
    ],
    [
      [docDate(input.from), 'Opening balance', '', '', '', formatMoney(ledger.opening)],
      ...ledger.entries.map((e) => [
        docDate(e.date),
        e.document,
        e.kind.replace('_', ' '),
        m(e.debit),
        m(e.credit),
        formatMoney(e.balance),
      ]),
      [
        docDate(input.to),
        'Closing balance',
        '',
        formatMoney(ledger.debits),
        formatMoney(ledger.credits),
        formatMoney(ledger.closing),
      ],
    ],
  );
  pageFooters(doc, `Statement ${code} ${docDate(input.from)} to ${docDate(input.to)}`);
  return { filename: `statement-${code}-${input.to}.pdf`, base64: (await pdfBuffer(doc)).toString('base64') };
}
