import type { VehicleType } from './validity';

/** A party's address as the e-way bill prints it; pincode and state code as stored (text). */
export interface EwbParty {
  name: string;
  gstin: string;
  line1: string;
  line2: string;
  place: string;
  pincode: string;
  stateCode: string;
}

export interface EwbLine {
  productName: string;
  productDesc: string;
  hsn: string;
  uqc: string;
  quantity: number;
  /** paise */
  taxable: number;
  taxRateBps: number;
  isFree: boolean;
}

/** An invoice as the builder needs it: amounts in paise, dates ISO. */
export interface EwbInvoice {
  number: string;
  date: string;
  billFrom: EwbParty;
  dispatchFrom: EwbParty;
  billTo: EwbParty;
  shipTo: EwbParty;
  placeOfSupply: string;
  lines: EwbLine[];
  taxable: number;
  cgst: number;
  sgst: number;
  igst: number;
  roundOff: number;
  /** charges that are not goods (freight billed with them), with their tax: the bill's other value, with round-off */
  otherCharges?: number;
  total: number;
}

export interface EwbTransport {
  distanceKm: number;
  transporterId: string;
  transporterName: string;
  lrNumber: string;
  lrDate: string | null;
  vehicleNo: string;
  vehicleType: VehicleType;
}

export const EWAY_BILL_VERSION = '1.0.0621' as const;
const ITEM_LIMIT = 250;

const rupees = (paise: number) => Math.round(paise) / 100;
const ddmmyyyy = (iso: string) => iso.slice(0, 10).split('-').reverse().join('/');
const norm = (s: string) => s.trim().toUpperCase().replace(/\s+/g, ' ');
const sameAddress = (a: EwbParty, b: EwbParty) =>
  (['line1', 'line2', 'place', 'pincode', 'stateCode'] as const).every((k) => norm(a[k]) === norm(b[k]));

/**
 * The transaction type from the parties (india-compliance `set_party_address_details`): 2 when the goods go to
 * an address other than the buyer's bill-to, 3 when they leave from one other than ours, 4 for both, else 1.
 */
export function transactionType(invoice: Pick<EwbInvoice, 'billFrom' | 'dispatchFrom' | 'billTo' | 'shipTo'>) {
  const shipElsewhere = !sameAddress(invoice.billTo, invoice.shipTo);
  const dispatchElsewhere = !sameAddress(invoice.billFrom, invoice.dispatchFrom);
  if (shipElsewhere && dispatchElsewhere) return 4;
  if (dispatchElsewhere) return 3;
  if (shipElsewhere) return 2;
  return 1;
}

/**
 * Items as the portal takes them: free units ride with the paid line of the same product (the bulk file has no free
 * quantity; the goods that move are counted, the taxable value stays what was billed). Above 250 lines, lines are
 * grouped by HSN, unit and rate as india-compliance does.
 */
function items(lines: EwbLine[], interState: boolean) {
  const byKey = (l: EwbLine, coarse: boolean) =>
    coarse ? `${l.hsn}|${l.uqc}|${l.taxRateBps}` : `${l.productName}|${l.hsn}|${l.uqc}|${l.taxRateBps}`;
  const group = (coarse: boolean) => {
    const groups = new Map<string, EwbLine>();
    for (const l of lines) {
      const key = byKey(l, coarse);
      const g = groups.get(key);
      if (g) groups.set(key, { ...g, quantity: g.quantity + l.quantity, taxable: g.taxable + l.taxable });
      else groups.set(key, coarse ? { ...l, productName: `HSN ${l.hsn}`, productDesc: '' } : { ...l });
    }
    return [...groups.values()];
  };
  const grouped = group(false);
  const list = grouped.length > ITEM_LIMIT ? group(true) : grouped;
  return list.map((l, i) => {
    const rate = l.taxRateBps / 100;
    return {
      itemNo: i + 1,
      productName: l.productName.slice(0, 100),
      productDesc: l.productDesc.slice(0, 100),
      hsnCode: l.hsn,
      qtyUnit: l.uqc,
      quantity: l.quantity,
      taxableAmount: rupees(l.taxable),
      sgstRate: interState ? 0 : rate / 2,
      cgstRate: interState ? 0 : rate / 2,
      igstRate: interState ? rate : 0,
      cessRate: 0,
      cessNonAdvol: 0,
    };
  });
}

const pin = (p: string) => (/^\d{6}$/.test(p.trim()) ? Number(p.trim()) : 0);
const state = (s: string) => Number(s) || 0;
const address = (p: EwbParty) => ({
  addr1: p.line1.slice(0, 120),
  addr2: p.line2.slice(0, 120),
  place: p.place.slice(0, 50),
});

/** One bill of the bulk file for a tax invoice moving outward (supply type O, sub-type 1 Supply, document INV). */
export function buildEwayBill(invoice: EwbInvoice, transport: EwbTransport) {
  const interState = invoice.placeOfSupply !== invoice.billFrom.stateCode;
  const itemList = items(invoice.lines, interState);
  const from = address(invoice.dispatchFrom);
  const to = address(invoice.shipTo);
  return {
    userGstin: invoice.billFrom.gstin,
    supplyType: 'O',
    subSupplyType: 1,
    subSupplyDesc: '',
    docType: 'INV',
    docNo: invoice.number,
    docDate: ddmmyyyy(invoice.date),
    transType: transactionType(invoice),
    fromGstin: invoice.billFrom.gstin,
    fromTrdName: invoice.billFrom.name.slice(0, 100),
    fromAddr1: from.addr1,
    fromAddr2: from.addr2,
    fromPlace: from.place,
    fromPincode: pin(invoice.dispatchFrom.pincode),
    fromStateCode: state(invoice.billFrom.stateCode),
    actualFromStateCode: state(invoice.dispatchFrom.stateCode),
    toGstin: invoice.billTo.gstin || 'URP',
    toTrdName: invoice.billTo.name.slice(0, 100),
    toAddr1: to.addr1,
    toAddr2: to.addr2,
    toPlace: to.place,
    toPincode: pin(invoice.shipTo.pincode),
    toStateCode: state(invoice.placeOfSupply),
    actualToStateCode: state(invoice.shipTo.stateCode),
    totalValue: rupees(invoice.taxable),
    cgstValue: rupees(invoice.cgst),
    sgstValue: rupees(invoice.sgst),
    igstValue: rupees(invoice.igst),
    cessValue: 0,
    TotNonAdvolVal: 0,
    OthValue: rupees(invoice.roundOff + (invoice.otherCharges ?? 0)),
    totInvValue: rupees(invoice.total),
    transMode: 1,
    transDistance: transport.distanceKm,
    transporterName: transport.transporterName.slice(0, 100),
    transporterId: transport.transporterId,
    transDocNo: transport.lrNumber,
    transDocDate: transport.lrNumber && transport.lrDate ? ddmmyyyy(transport.lrDate) : '',
    vehicleNo: transport.vehicleNo.replace(/[^A-Za-z0-9]/g, '').toUpperCase(),
    vehicleType: transport.vehicleType,
    mainHsnCode: itemList[0]?.hsnCode ?? '',
    itemList,
  };
}

export type EwayBillJson = ReturnType<typeof buildEwayBill>;
