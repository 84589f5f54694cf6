import { stateName } from '../../../../src-shared/india-states';
import type { EngineContext } from '../../context';
import { invalid } from '../../errors';
import { mappedLedgers, partyLedger } from './tally-masters';
import { PartyNames, ratesBilled, readMapping } from './tally-mapping';
import {
  type VoucherBuyer,
  creditNoteVoucher,
  receiptVoucher,
  reversalVoucher,
  salesVoucher,
  type ReceiptVoucherData,
} from './tally-vouchers';
import { importEnvelope, type XmlNode } from './tally-xml';

interface Period {
  from: string;
  to: string;
  sales: boolean;
  creditNotes: boolean;
  receipts: boolean;
}

type Customer = { customerId: number; code: string; customerName: string };

/** Vouchers are named by the company's GSTIN: without it a voucher's identity could change later. */
function companyIdentity(ctx: EngineContext): string {
  const company = ctx.ledger.sqlite.prepare('SELECT gstin FROM company WHERE id = 1').get() as
    { gstin: string } | undefined;
  if (!company?.gstin)
    throw invalid('Enter the company GSTIN first: Tally vouchers are identified by it, so re-imports match', 'gstin');
  return company.gstin;
}

/** Taxable value per GST rate of each document, from one grouped query over its lines. */
function ratesOf(rows: { id: number; rate: number; taxable: number }[]) {
  const by = new Map<number, { rate: number; taxable: number }[]>();
  for (const r of rows) by.set(r.id, [...(by.get(r.id) ?? []), { rate: r.rate, taxable: r.taxable }]);
  return (id: number) => by.get(id) ?? [];
}

// Invoices dated in the period, and those cancelled in it: a cancellation re-sends the voucher, cancelled, under its
// own date and GUID. Cancelling is allowed days, not years, after the date, so a year's look-back keeps the index.
// The bill is on the payer's ledger (who owes it: receipts settle it there), and so is a credit note against it;
// the bill-to is the GST buyer.
const PARTIES = `JOIN customers c ON c.id = coalesce(i.payer_id, i.customer_id)
  JOIN customers b ON b.id = coalesce(i.bill_to_id, i.customer_id)`;
const INVOICES = `FROM invoices i ${PARTIES}
  WHERE i.status IN ('posted', 'cancelled')
    AND (i.invoice_date BETWEEN @from AND @to
      OR (i.invoice_date BETWEEN date(@from, '-366 days') AND @to AND i.cancelled_on BETWEEN @from AND @to))`;

const BUYER = `b.id AS buyerId, b.name AS buyerName, b.gstin AS buyerGstin, b.bill_state_code AS buyerState,
  i.place_of_supply AS placeOfSupply`;
type BuyerRow = { buyerId: number; buyerName: string; buyerGstin: string; buyerState: string; placeOfSupply: string };

/** Names the buyer on the voucher only when someone else pays (the party ledger then is not the buyer). */
function buyerOf(r: Customer & BuyerRow): VoucherBuyer | undefined {
  if (r.buyerId === r.customerId) return undefined;
  return {
    name: r.buyerName,
    gstin: r.buyerGstin,
    state: stateName(r.buyerState) ?? '',
    placeOfSupply: stateName(r.placeOfSupply) ?? '',
  };
}

function salesVouchers(ctx: EngineContext, p: Period, gstin: string, names: PartyNames) {
  const { sqlite } = ctx.ledger;
  const { mapping } = readMapping(ctx);
  const rows = sqlite
    .prepare(
      `SELECT i.id, i.number, i.invoice_date AS date, i.cgst, i.sgst, i.igst, i.round_off AS roundOff, i.total,
         (SELECT coalesce(sum(ch.taxable), 0) FROM invoice_charges ch WHERE ch.invoice_id = i.id) AS freight,
         i.status, i.cancel_reason AS cancelReason, c.id AS customerId, c.code, c.name AS customerName, ${BUYER}
       ${INVOICES} ORDER BY i.invoice_date, i.id`,
    )
    .all(p) as (Customer &
    BuyerRow & {
      id: number;
      number: string;
      date: string;
      cgst: number;
      sgst: number;
      igst: number;
      roundOff: number;
      freight: number;
      total: number;
      status: string;
      cancelReason: string;
    })[];
  const byRate = ratesOf(
    sqlite
      .prepare(
        `SELECT il.invoice_id AS id, il.tax_rate_bps AS rate, sum(il.taxable) AS taxable
         ${INVOICES.replace('FROM invoices i', 'FROM invoices i JOIN invoice_lines il ON il.invoice_id = i.id')}
         GROUP BY il.invoice_id, il.tax_rate_bps ORDER BY il.tax_rate_bps DESC`,
      )
      .all(p) as { id: number; rate: number; taxable: number }[],
  );
  return rows.map((r) => ({
    total: r.status === 'cancelled' ? 0 : r.total,
    cancelled: r.status === 'cancelled',
    xml: salesVoucher(gstin, mapping, {
      ...r,
      party: names.of({ id: r.customerId, code: r.code, name: r.customerName }),
      buyer: buyerOf(r),
      byRate: byRate(r.id),
      cancelReason: r.status === 'cancelled' ? r.cancelReason || 'cancelled in Stockist' : null,
    }),
  }));
}

const NOTES = `FROM credit_notes cn WHERE business_date(cn.posted_at) BETWEEN @from AND @to`;

function creditNoteVouchers(ctx: EngineContext, p: Period, gstin: string, names: PartyNames) {
  const { sqlite } = ctx.ledger;
  const { mapping } = readMapping(ctx);
  const rows = sqlite
    .prepare(
      `SELECT cn.id, cn.number, business_date(cn.posted_at) AS date, cn.reason, cn.cgst, cn.sgst, cn.igst, cn.total,
         i.number AS invoiceNumber, c.id AS customerId, c.code, c.name AS customerName, ${BUYER}
       ${NOTES.replace('cn WHERE', `cn JOIN invoices i ON i.id = cn.invoice_id ${PARTIES} WHERE`)}
       ORDER BY cn.id`,
    )
    .all(p) as (Customer &
    BuyerRow & {
      id: number;
      number: string;
      date: string;
      reason: string;
      cgst: number;
      sgst: number;
      igst: number;
      total: number;
      invoiceNumber: string;
    })[];
  const byRate = ratesOf(
    sqlite
      .prepare(
        `SELECT cl.credit_note_id AS id, il.tax_rate_bps AS rate, sum(cl.taxable) AS taxable
         ${NOTES.replace('cn WHERE', 'cn JOIN credit_note_lines cl ON cl.credit_note_id = cn.id JOIN invoice_lines il ON il.id = cl.invoice_line_id WHERE')}
         GROUP BY cl.credit_note_id, il.tax_rate_bps ORDER BY il.tax_rate_bps DESC`,
      )
      .all(p) as { id: number; rate: number; taxable: number }[],
  );
  return rows.map((r) => ({
    total: r.total,
    xml: creditNoteVoucher(gstin, mapping, {
      ...r,
      party: names.of({ id: r.customerId, code: r.code, name: r.customerName }),
      buyer: buyerOf(r),
      byRate: byRate(r.id),
    }),
  }));
}

function receiptVouchers(ctx: EngineContext, p: Period, gstin: string, names: PartyNames) {
  const { sqlite } = ctx.ledger;
  const { mapping } = readMapping(ctx);
  const rows = sqlite
    .prepare(
      `SELECT p.id, p.number, p.received_on AS date, p.mode, p.reference, p.amount, p.tds, p.reversed_on AS reversedOn,
         p.reversal_reason AS reason, c.id AS customerId, c.code, c.name AS customerName
       FROM payments p JOIN customers c ON c.id = p.customer_id
       WHERE p.received_on BETWEEN @from AND @to OR p.reversed_on BETWEEN @from AND @to ORDER BY p.received_on, p.id`,
    )
    .all(p) as (Customer &
    Omit<ReceiptVoucherData, 'party' | 'allocations'> & { id: number; reversedOn: string | null; reason: string })[];
  const allocations = sqlite
    .prepare(
      `SELECT a.payment_id AS id, i.number AS invoiceNumber, a.amount FROM payment_allocations a
       JOIN invoices i ON i.id = a.invoice_id WHERE a.payment_id IN (SELECT value FROM json_each(?)) ORDER BY a.id`,
    )
    .all(JSON.stringify(rows.map((r) => r.id))) as { id: number; invoiceNumber: string; amount: number }[];
  const settled = new Map<number, { invoiceNumber: string; amount: number }[]>();
  for (const a of allocations) settled.set(a.id, [...(settled.get(a.id) ?? []), a]);
  const out: { kind: 'receipt' | 'reversal'; amount: number; tds: number; xml: XmlNode }[] = [];
  for (const r of rows) {
    const data = {
      ...r,
      party: names.of({ id: r.customerId, code: r.code, name: r.customerName }),
      allocations: settled.get(r.id) ?? [],
    };
    if (r.date >= p.from && r.date <= p.to)
      out.push({ kind: 'receipt', amount: r.amount, tds: r.tds, xml: receiptVoucher(gstin, mapping, data) });
    if (r.reversedOn && r.reversedOn >= p.from && r.reversedOn <= p.to)
      out.push({
        kind: 'reversal',
        amount: 0,
        tds: 0,
        xml: reversalVoucher(gstin, mapping, { ...data, reversedOn: r.reversedOn }),
      });
  }
  return out;
}

/** Sales, credit notes and receipts of a period as one Tally import file (masters go in their own file, first). */
export function exportVouchers(ctx: EngineContext, p: Period) {
  const gstin = companyIdentity(ctx);
  const names = new PartyNames(ctx);
  const sales = p.sales ? salesVouchers(ctx, p, gstin, names) : [];
  const notes = p.creditNotes ? creditNoteVouchers(ctx, p, gstin, names) : [];
  const receipts = p.receipts ? receiptVouchers(ctx, p, gstin, names) : [];
  const xml = importEnvelope('Vouchers', readMapping(ctx).mapping.companyName, [
    ...sales.map((s) => s.xml),
    ...notes.map((n) => n.xml),
    ...receipts.map((r) => r.xml),
  ]);
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  return {
    filename: `tally-vouchers-${p.from}-to-${p.to}.xml`,
    xml,
    counts: {
      sales: sales.filter((s) => !s.cancelled).length,
      cancelled: sales.filter((s) => s.cancelled).length,
      creditNotes: notes.length,
      receipts: receipts.filter((r) => r.kind === 'receipt').length,
      reversals: receipts.filter((r) => r.kind === 'reversal').length,
    },
    totals: {
      sales: sum(sales.map((s) => s.total)),
      creditNotes: sum(notes.map((n) => n.total)),
      receipts: sum(receipts.map((r) => r.amount)),
      tds: sum(receipts.map((r) => r.tds)),
    },
  };
}

/** Every customer as a party ledger, and the ledgers the mapping names, for Tally's "All Masters" import. */
export function exportMasters(ctx: EngineContext) {
  const names = new PartyNames(ctx);
  const { mapping } = readMapping(ctx);
  const customers = ctx.ledger.sqlite
    .prepare(
      `SELECT id, code, name, gstin, bill_line1 AS line1, bill_line2 AS line2, bill_area AS area, bill_city AS city,
         bill_state_code AS stateCode, bill_pincode AS pincode FROM customers ORDER BY name, id`,
    )
    .all() as {
    id: number;
    code: string;
    name: string;
    gstin: string;
    line1: string;
    line2: string;
    area: string;
    city: string;
    stateCode: string;
    pincode: string;
  }[];
  const parties = customers.map((c) =>
    partyLedger({
      ledgerName: names.of(c),
      gstin: c.gstin,
      state: stateName(c.stateCode) ?? '',
      addressLines: [c.line1, c.line2, c.area, c.city].filter((l) => l.trim() !== ''),
      pincode: c.pincode,
    }),
  );
  const ledgers = mappedLedgers(mapping, ratesBilled(ctx));
  return {
    filename: 'tally-masters.xml',
    xml: importEnvelope('All Masters', mapping.companyName, [...ledgers, ...parties]),
    parties: parties.length,
    ledgers: ledgers.length,
  };
}
