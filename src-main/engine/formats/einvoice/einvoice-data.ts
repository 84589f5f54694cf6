import { uqcFor } from '../../../../src-shared/uqc';
import { businessDate } from '../../business-date';
import type { EngineContext } from '../../context';
import { conflict, notFound } from '../../errors';
import type { EinvoiceAddress, EinvoiceDocument, EinvoiceLine } from './einvoice-types';
import { invoiceCharges } from '../../channel/shipping/bill-freight';

export type DocumentRef = { type: 'invoice' | 'creditNote'; id: number };

interface Totals {
  taxable: number;
  cgst: number;
  sgst: number;
  igst: number;
  roundOff?: number;
  total: number;
}
interface NoteRow {
  shipTo: string;
  warehouseName: string;
  line1: string;
  line2: string;
  city: string;
  pincode: string;
  stateCode: string;
  vehicleNo: string | null;
  transporter: string;
  lrNumber: string;
  dispatchedAt: string;
}
type LineRow = Omit<EinvoiceLine, 'uqc' | 'isFree' | 'taxRateBps'> & {
  uqc: string;
  baseUnit: string;
  taxRate: number;
  isFree: number;
};
interface InvoiceRow extends Totals {
  number: string;
  customerId: number;
  date: string;
  placeOfSupply: string;
  status: string;
}
interface CreditNoteRow extends Totals {
  number: string;
  customerId: number;
  postedAt: string;
  invoiceNumber: string;
  invoiceDate: string;
  placeOfSupply: string;
}

function seller(ctx: EngineContext): EinvoiceAddress {
  const c = ctx.ledger.sqlite
    .prepare(
      `SELECT name, gstin, address_line1 AS line1, address_line2 AS line2, city, pincode, state_code AS stateCode,
              phone, email FROM company WHERE id = 1`,
    )
    .get() as EinvoiceAddress;
  return c;
}

const BUYER_SQL = `SELECT c.name, c.gstin, c.bill_line1 AS line1, c.bill_line2 AS line2, c.bill_city AS city,
  c.bill_pincode AS pincode, c.bill_state_code AS stateCode, c.phone, c.email FROM customers c WHERE c.id = ?`;

const sameAddress = (a: { line1: string; city: string; pincode: string }, b: typeof a) =>
  a.line1.trim() === b.line1.trim() && a.city.trim() === b.city.trim() && a.pincode.trim() === b.pincode.trim();

/**
 * The warehouse, ship-to and vehicle of an invoice, from its (first) delivery note and dispatch. The ship-to is the
 * invoice's ship-to party (its name and GSTIN) at the address the note was posted with; it is left out only when
 * that is the buyer itself at its own address.
 */
function shipment(
  ctx: EngineContext,
  invoiceId: number,
  company: EinvoiceAddress,
  buyer: EinvoiceAddress,
  consignee: EinvoiceAddress | null,
) {
  const { sqlite } = ctx.ledger;
  const note = sqlite
    .prepare(
      `SELECT dn.ship_to AS shipTo, w.name AS warehouseName, w.line1, w.line2, w.city, w.pincode, w.state_code AS stateCode,
              d.vehicle_no AS vehicleNo, d.transporter, d.lr_number AS lrNumber, d.dispatched_at AS dispatchedAt
       FROM delivery_notes dn JOIN warehouses w ON w.id = dn.warehouse_id
       LEFT JOIN dispatch_notes x ON x.delivery_note_id = dn.id LEFT JOIN dispatches d ON d.id = x.dispatch_id
       WHERE dn.invoice_id = ? ORDER BY dn.id LIMIT 1`,
    )
    .get(invoiceId) as NoteRow | undefined;
  if (!note) return { dispatchFrom: null, shipTo: null, transport: null };
  const warehouse = { ...company, name: `${company.name} - ${note.warehouseName}`, ...pick(note) };
  const ship = JSON.parse(note.shipTo) as Record<string, string>;
  const shipTo = {
    ...(consignee ?? buyer),
    line1: ship.line1 ?? '',
    line2: ship.line2 ?? '',
    city: ship.city ?? '',
    pincode: ship.pincode ?? '',
    stateCode: ship.stateCode ?? buyer.stateCode,
  };
  return {
    dispatchFrom: sameAddress(warehouse, company) ? null : warehouse,
    shipTo: !consignee && sameAddress(shipTo, buyer) ? null : shipTo,
    transport: note.vehicleNo
      ? {
          transporterName: note.transporter,
          vehicleNo: note.vehicleNo,
          lrNumber: note.lrNumber,
          lrDate: businessDate(ctx, new Date(note.dispatchedAt)),
        }
      : null,
  };
}

const pick = (r: NoteRow) => ({
  line1: r.line1,
  line2: r.line2,
  city: r.city,
  pincode: r.pincode,
  stateCode: r.stateCode,
});

function line(r: LineRow): EinvoiceLine {
  return {
    productName: r.productName,
    hsn: r.hsn,
    quantity: r.quantity,
    uqc: uqcFor({ uqc: r.uqc, baseUnit: r.baseUnit }),
    unitPrice: r.unitPrice,
    gross: r.gross,
    discount: r.discount,
    taxable: r.taxable,
    taxRateBps: r.taxRate,
    cgst: r.cgst,
    sgst: r.sgst,
    igst: r.igst,
    total: r.total,
    isFree: r.isFree === 1,
    productId: r.productId,
    batchNo: r.batchNo,
    expiresOn: r.expiresOn,
  };
}

/** A charge (freight) as a service item: one unit at its taxable value, so Qty × UnitPrice = TotAmt exactly. */
const serviceLine = (c: ReturnType<typeof invoiceCharges>[number]): EinvoiceLine => ({
  productName: c.description,
  hsn: c.sac,
  quantity: 1,
  uqc: 'OTH',
  unitPrice: c.taxable,
  gross: c.taxable,
  discount: 0,
  taxable: c.taxable,
  taxRateBps: c.taxRate,
  cgst: c.cgst,
  sgst: c.sgst,
  igst: c.igst,
  total: c.total,
  isFree: false,
  isService: true,
  productId: 0,
  batchNo: '',
  expiresOn: null,
});

const LINE_COLUMNS = `p.name AS productName, p.uqc, p.base_unit AS baseUnit, il.product_id AS productId,
  b.batch_no AS batchNo, b.expires_on AS expiresOn, il.hsn, il.tax_rate_bps AS taxRate`;

function invoiceDocument(ctx: EngineContext, id: number): EinvoiceDocument {
  const { sqlite } = ctx.ledger;
  const inv = sqlite
    .prepare(
      `SELECT number, coalesce(bill_to_id, customer_id) AS customerId, invoice_date AS date,
              place_of_supply AS placeOfSupply, status, taxable, cgst, sgst, igst, round_off AS roundOff, total,
              coalesce(ship_to_id, customer_id) AS shipToId FROM invoices WHERE id = ?`,
    )
    .get(id) as (InvoiceRow & { shipToId: number }) | undefined;
  if (!inv) throw notFound(`Invoice ${id}`, 'id');
  if (inv.status === 'cancelled') throw conflict(`${inv.number} is cancelled: a cancelled invoice gets no IRN`, 'id');
  const company = seller(ctx);
  // BuyerDtls is the bill-to (whose GSTIN takes the credit); ShipDtls the ship-to party when it is another.
  const buyer = sqlite.prepare(BUYER_SQL).get(inv.customerId) as EinvoiceAddress;
  const consignee =
    inv.shipToId === inv.customerId ? null : (sqlite.prepare(BUYER_SQL).get(inv.shipToId) as EinvoiceAddress);
  const lines = sqlite
    .prepare(
      `SELECT ${LINE_COLUMNS}, il.quantity, il.unit_price AS unitPrice, il.gross, il.discount, il.taxable,
              il.cgst, il.sgst, il.igst, il.total, il.is_free AS isFree
       FROM invoice_lines il JOIN products p ON p.id = il.product_id JOIN batches b ON b.id = il.batch_id
       WHERE il.invoice_id = ? ORDER BY il.id`,
    )
    .all(id) as LineRow[];
  return {
    type: 'INV',
    number: inv.number,
    date: inv.date,
    seller: company,
    buyer,
    placeOfSupply: inv.placeOfSupply,
    ...shipment(ctx, id, company, buyer, consignee),
    lines: [...lines.map(line), ...invoiceCharges(ctx, id).map(serviceLine)],
    totals: pick2(inv),
    reference: null,
  };
}

const pick2 = (r: Totals) => ({
  taxable: r.taxable,
  cgst: r.cgst,
  sgst: r.sgst,
  igst: r.igst,
  roundOff: r.roundOff ?? 0,
  total: r.total,
});

function creditNoteDocument(ctx: EngineContext, id: number): EinvoiceDocument {
  const { sqlite } = ctx.ledger;
  const cn = sqlite
    .prepare(
      `SELECT cn.number, coalesce(i.bill_to_id, cn.customer_id) AS customerId, cn.posted_at AS postedAt, cn.taxable, cn.cgst, cn.sgst,
              cn.igst, cn.total, i.number AS invoiceNumber, i.invoice_date AS invoiceDate,
              i.place_of_supply AS placeOfSupply
       FROM credit_notes cn JOIN invoices i ON i.id = cn.invoice_id WHERE cn.id = ?`,
    )
    .get(id) as CreditNoteRow | undefined;
  if (!cn) throw notFound(`Credit note ${id}`, 'id');
  const intra = cn.igst === 0;
  const lines = (
    sqlite
      .prepare(
        `SELECT ${LINE_COLUMNS}, cl.quantity, cl.taxable, cl.tax
         FROM credit_note_lines cl JOIN invoice_lines il ON il.id = cl.invoice_line_id
         JOIN products p ON p.id = cl.product_id JOIN batches b ON b.id = cl.batch_id
         WHERE cl.credit_note_id = ? ORDER BY cl.id`,
      )
      .all(id) as (LineRow & { tax: number })[]
  ).map((r) =>
    line({
      ...r,
      unitPrice: null,
      gross: r.taxable,
      discount: 0,
      // A credit note line keeps its tax whole; within the state it is two equal halves (credit-notes.ts shares
      // the invoice line's equal CGST and SGST alike).
      cgst: intra ? r.tax / 2 : 0,
      sgst: intra ? r.tax / 2 : 0,
      igst: intra ? 0 : r.tax,
      total: r.taxable + r.tax,
      isFree: 0,
    }),
  );
  const company = seller(ctx);
  return {
    type: 'CRN',
    number: cn.number,
    date: businessDate(ctx, new Date(cn.postedAt)),
    seller: company,
    buyer: sqlite.prepare(BUYER_SQL).get(cn.customerId) as EinvoiceAddress,
    placeOfSupply: cn.placeOfSupply,
    dispatchFrom: null,
    shipTo: null,
    transport: null,
    lines,
    totals: pick2(cn),
    reference: { number: cn.invoiceNumber, date: cn.invoiceDate },
  };
}

/** Reads one invoice or credit note as the plain data the e-invoice builder takes. */
export function readEinvoiceDocument(ctx: EngineContext, ref: DocumentRef): EinvoiceDocument {
  return ref.type === 'invoice' ? invoiceDocument(ctx, ref.id) : creditNoteDocument(ctx, ref.id);
}
