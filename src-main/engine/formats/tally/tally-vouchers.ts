import { formatRate } from '../../../../src-shared/money';
import type { TallyMapping } from '../../../../src-shared/contract/tally';
import { conflict } from '../../errors';
import { leaf, node, tallyAmount, tallyDate, yesNo, type XmlNode } from './tally-xml';

/** Plain data a service reads for one voucher; amounts in paise, dates as business dates. */
/**
 * The GST recipient when another party pays: Tally reads a voucher's buyer from its party ledger unless the voucher
 * names one, so a bill a distributor pays for its retailer names the retailer here, as GSTR-1 and the e-invoice do.
 */
export interface VoucherBuyer {
  name: string;
  gstin: string;
  /** state names as Tally lists them, '' when unknown */
  state: string;
  placeOfSupply: string;
}

export interface SalesVoucherData {
  number: string;
  date: string;
  party: string;
  buyer?: VoucherBuyer;
  /** taxable value per GST rate (basis points), from the invoice lines */
  byRate: { rate: number; taxable: number }[];
  cgst: number;
  sgst: number;
  igst: number;
  roundOff: number;
  /** freight billed on the invoice (its taxable value; its GST is in the heads), credited to FREIGHT_LEDGER */
  freight?: number;
  total: number;
  /** a cancelled invoice goes as a cancelled voucher, so a re-import turns the earlier one into it */
  cancelReason: string | null;
}

export interface CreditNoteVoucherData {
  number: string;
  date: string;
  party: string;
  buyer?: VoucherBuyer;
  invoiceNumber: string;
  reason: string;
  byRate: { rate: number; taxable: number }[];
  cgst: number;
  sgst: number;
  igst: number;
  total: number;
}

export interface ReceiptVoucherData {
  number: string;
  date: string;
  party: string;
  mode: 'cash' | 'cheque' | 'upi' | 'bank';
  reference: string;
  amount: number;
  tds: number;
  /** what the receipt settled, by invoice number (paise of amount + TDS) */
  allocations: { invoiceNumber: string; amount: number }[];
}

/** A bounced cheque: the receipt stays; on the day it was reversed a Payment voucher debits the party back. */
export interface ReversalVoucherData extends ReceiptVoucherData {
  reversedOn: string;
  reason: string;
}

/**
 * One ledger line. `credit` is signed the way Tally signs AMOUNT (source T3): a credit is positive with
 * ISDEEMEDPOSITIVE No, a debit negative with Yes. Bill allocations carry the sign of their line.
 */
interface Entry {
  ledger: string;
  credit: number;
  party?: boolean;
  bills?: { name: string | null; type: 'New Ref' | 'Agst Ref' | 'On Account'; credit: number }[];
}

/** The voucher's identity: only what never changes (TALLY.md "Identity"), so a re-import alters, never duplicates. */
export function voucherGuid(companyGstin: string, number: string): string {
  return `stockist-${companyGstin}-${number.replaceAll('/', '-')}`;
}

/** Freight billed to customers is income of its own in Tally, not a sale of goods. */
export const FREIGHT_LEDGER = 'Freight Outward';

export function salesLedgerFor(mapping: TallyMapping, rate: number): string {
  return mapping.salesLedgers.find((s) => s.rate === rate)?.ledger ?? `Sales @ ${formatRate(rate)}`;
}

function entryNode(e: Entry): XmlNode {
  const children = [leaf('LEDGERNAME', e.ledger), leaf('ISDEEMEDPOSITIVE', yesNo(e.credit < 0))];
  if (e.party) children.push(leaf('ISPARTYLEDGER', 'Yes'));
  children.push(leaf('AMOUNT', tallyAmount(e.credit)));
  for (const b of e.bills ?? []) {
    const bill = b.name === null ? [] : [leaf('NAME', b.name)];
    children.push(
      node('BILLALLOCATIONS.LIST', [...bill, leaf('BILLTYPE', b.type), leaf('AMOUNT', tallyAmount(b.credit))]),
    );
  }
  return node('ALLLEDGERENTRIES.LIST', children);
}

interface VoucherHead {
  guid: string;
  type: 'Sales' | 'Credit Note' | 'Receipt' | 'Payment';
  number: string;
  date: string;
  party: string;
  buyer?: VoucherBuyer;
  narration: string;
  isInvoiceField: boolean;
}

function buyerNodes(b: VoucherBuyer): XmlNode[] {
  const out = [leaf('BASICBUYERNAME', b.name), leaf('GSTREGISTRATIONTYPE', b.gstin ? 'Regular' : 'Unregistered')];
  if (b.gstin) out.push(leaf('PARTYGSTIN', b.gstin));
  if (b.state) out.push(leaf('STATENAME', b.state));
  if (b.placeOfSupply) out.push(leaf('PLACEOFSUPPLY', b.placeOfSupply));
  return out;
}

function voucherNode(head: VoucherHead, entries: Entry[], cancelled = false): XmlNode {
  // Debits = credits, to the paisa, or the voucher is not sent: Tally would refuse it, or worse, take it.
  const sum = entries.reduce((s, e) => s + e.credit, 0);
  if (sum !== 0) throw conflict(`${head.number} does not balance for Tally: debits and credits differ by ${sum} paise`);
  const children = [
    leaf('GUID', head.guid),
    leaf('DATE', tallyDate(head.date)),
    leaf('VOUCHERTYPENAME', head.type),
    leaf('VOUCHERNUMBER', head.number),
    leaf('PARTYLEDGERNAME', head.party),
    ...(head.buyer ? buyerNodes(head.buyer) : []),
    leaf('PERSISTEDVIEW', 'Accounting Voucher View'),
  ];
  if (head.isInvoiceField) children.push(leaf('ISINVOICE', 'No'));
  if (cancelled) children.push(leaf('ISCANCELLED', 'Yes'));
  children.push(leaf('NARRATION', head.narration), ...entries.map(entryNode));
  return node('VOUCHER', children, {
    REMOTEID: head.guid,
    VCHTYPE: head.type,
    ACTION: 'Create',
    OBJVIEW: 'Accounting Voucher View',
  });
}

/** Output tax lines, credited (sales) or debited (credit notes) by `sign`; a zero head is left out. */
function taxEntries(m: TallyMapping, d: { cgst: number; sgst: number; igst: number }, sign: 1 | -1): Entry[] {
  return [
    { ledger: m.cgst, credit: sign * d.cgst },
    { ledger: m.sgst, credit: sign * d.sgst },
    { ledger: m.igst, credit: sign * d.igst },
  ].filter((e) => e.credit !== 0);
}

function salesEntries(m: TallyMapping, byRate: { rate: number; taxable: number }[], sign: 1 | -1): Entry[] {
  const byLedger = new Map<string, number>();
  for (const r of byRate) {
    const ledger = salesLedgerFor(m, r.rate);
    byLedger.set(ledger, (byLedger.get(ledger) ?? 0) + r.taxable);
  }
  return [...byLedger]
    .filter(([, taxable]) => taxable !== 0)
    .map(([ledger, taxable]) => ({ ledger, credit: sign * taxable }));
}

/** A sales invoice: party Dr (opening the bill by its number), sales per rate, output taxes and round off Cr. */
export function salesVoucher(gstin: string, m: TallyMapping, d: SalesVoucherData): XmlNode {
  const head: VoucherHead = {
    guid: voucherGuid(gstin, d.number),
    type: 'Sales',
    number: d.number,
    date: d.date,
    party: d.party,
    buyer: d.buyer,
    narration: d.cancelReason === null ? `Stockist invoice ${d.number}` : `Cancelled: ${d.cancelReason}`,
    isInvoiceField: true,
  };
  // A cancelled voucher keeps its number in Tally's register and carries no amounts.
  if (d.cancelReason !== null) return voucherNode(head, [], true);
  const entries: Entry[] = [
    { ledger: d.party, credit: -d.total, party: true, bills: [{ name: d.number, type: 'New Ref', credit: -d.total }] },
    ...salesEntries(m, d.byRate, 1),
    ...taxEntries(m, d, 1),
  ];
  if (d.freight) entries.push({ ledger: FREIGHT_LEDGER, credit: d.freight });
  if (d.roundOff !== 0) entries.push({ ledger: m.roundOff, credit: d.roundOff });
  return voucherNode(head, entries);
}

/** A credit note: sales per rate and output taxes Dr, the party Cr against the invoice's bill. */
export function creditNoteVoucher(gstin: string, m: TallyMapping, d: CreditNoteVoucherData): XmlNode {
  const entries: Entry[] = [
    {
      ledger: d.party,
      credit: d.total,
      party: true,
      bills: [{ name: d.invoiceNumber, type: 'Agst Ref', credit: d.total }],
    },
    ...salesEntries(m, d.byRate, -1),
    ...taxEntries(m, d, -1),
  ];
  // The note's total is its lines' taxable + tax; any paisa left by rounding goes where the invoice's did.
  const rest = -entries.reduce((s, e) => s + e.credit, 0);
  if (rest !== 0) entries.push({ ledger: m.roundOff, credit: rest });
  const head: VoucherHead = {
    guid: voucherGuid(gstin, d.number),
    type: 'Credit Note',
    number: d.number,
    date: d.date,
    party: d.party,
    buyer: d.buyer,
    narration: `${d.reason} against ${d.invoiceNumber}`,
    isInvoiceField: true,
  };
  return voucherNode(head, entries);
}

/** The party's bills a receipt settles: Agst Ref per invoice, the rest On Account (an advance). */
function receiptBills(d: ReceiptVoucherData, sign: 1 | -1): NonNullable<Entry['bills']> {
  const bills: NonNullable<Entry['bills']> = d.allocations.map((a) => ({
    name: a.invoiceNumber,
    type: 'Agst Ref' as const,
    credit: sign * a.amount,
  }));
  const onAccount = d.amount + d.tds - d.allocations.reduce((s, a) => s + a.amount, 0);
  if (onAccount !== 0) bills.push({ name: null, type: 'On Account', credit: sign * onAccount });
  return bills;
}

function receiptNarration(d: ReceiptVoucherData): string {
  return d.reference ? `${d.mode.toUpperCase()} ref ${d.reference}` : `${d.mode.toUpperCase()} receipt`;
}

/** A receipt: the money to the mode's ledger and TDS the buyer deducted to TDS Receivable (Dr); the party Cr. */
export function receiptVoucher(gstin: string, m: TallyMapping, d: ReceiptVoucherData): XmlNode {
  const entries: Entry[] = [
    { ledger: d.party, credit: d.amount + d.tds, party: true, bills: receiptBills(d, 1) },
    { ledger: m.receiptLedgers[d.mode], credit: -d.amount },
  ];
  if (d.tds !== 0) entries.push({ ledger: m.tdsReceivable, credit: -d.tds });
  const head: VoucherHead = {
    guid: voucherGuid(gstin, d.number),
    type: 'Receipt',
    number: d.number,
    date: d.date,
    party: d.party,
    narration: receiptNarration(d),
    isInvoiceField: false,
  };
  return voucherNode(head, entries);
}

/** The receipt undone: the party Dr again against the same bills, the money and TDS Cr (a Payment voucher). */
export function reversalVoucher(gstin: string, m: TallyMapping, d: ReversalVoucherData): XmlNode {
  const number = `${d.number}/REV`;
  const entries: Entry[] = [
    { ledger: d.party, credit: -(d.amount + d.tds), party: true, bills: receiptBills(d, -1) },
    { ledger: m.receiptLedgers[d.mode], credit: d.amount },
  ];
  if (d.tds !== 0) entries.push({ ledger: m.tdsReceivable, credit: d.tds });
  const head: VoucherHead = {
    guid: voucherGuid(gstin, number),
    type: 'Payment',
    number,
    date: d.reversedOn,
    party: d.party,
    narration: `${d.number} reversed: ${d.reason}`,
    isInvoiceField: false,
  };
  return voucherNode(head, entries);
}
