import { divideRounded } from '../../../../src-shared/money';
import type { EinvoiceAddress, EinvoiceDocument, EinvoiceLine, EinvoiceProblem } from './einvoice-types';

/** Paise → rupees, only here at the edge of the format (2 decimals, exact for integer paise). */
const rupees = (paise: number) => paise / 100;

/** dd/mm/yyyy, the IRP's date form. */
export const irpDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** The IRP refuses " and \ in every free-text field. */
const clean = (text: string, max: number) => text.replace(/["\\]/g, '').replace(/\s+/g, ' ').trim().slice(0, max);

/** Optional text: left out when shorter than the IRP's minimum rather than sent and refused. */
const optional = (text: string, min: number, max: number) => {
  const t = clean(text, max);
  return t.length >= min ? t : undefined;
};

function phone(text: string | undefined) {
  const digits = (text ?? '').replace(/\D/g, '');
  return digits.length >= 6 && digits.length <= 12 ? digits : undefined;
}

function address(a: EinvoiceAddress, locMax: number) {
  return {
    Addr1: clean(a.line1, 100),
    Addr2: optional(a.line2, 3, 100),
    Loc: clean(a.city, locMax),
    Pin: Number(a.pincode),
    Stcd: a.stateCode,
  };
}

function party(a: EinvoiceAddress, locMax: number) {
  return {
    Gstin: a.gstin,
    LglNm: clean(a.name, 100),
    TrdNm: optional(a.name, 3, 100),
    ...address(a, locMax),
    Ph: phone(a.phone),
    Em: optional(a.email ?? '', 6, 100),
  };
}

/** The gaps in Stockist's data the IRP would refuse, each named by its IRP field, in the order a clerk fixes them. */
export function einvoiceGaps(doc: EinvoiceDocument): EinvoiceProblem[] {
  const gaps: EinvoiceProblem[] = [];
  const need = (ok: boolean, field: string, message: string) => ok || gaps.push({ field, message });
  const pin = /^[1-9]\d{5}$/;
  need(doc.seller.gstin.length === 15, 'SellerDtls.Gstin', "the company's GSTIN is not set");
  need(clean(doc.seller.line1, 100).length > 0, 'SellerDtls.Addr1', "the company's address line 1 is empty");
  need(clean(doc.seller.city, 50).length >= 3, 'SellerDtls.Loc', "the company's city needs at least 3 letters");
  need(pin.test(doc.seller.pincode), 'SellerDtls.Pin', "the company's PIN code must be 6 digits, not starting with 0");
  need(
    doc.buyer.gstin.length === 15,
    'BuyerDtls.Gstin',
    `${doc.buyer.name} has no GSTIN: only B2B documents get an IRN`,
  );
  need(
    clean(doc.buyer.line1, 100).length > 0,
    'BuyerDtls.Addr1',
    `${doc.buyer.name}'s bill-to address line 1 is empty`,
  );
  need(clean(doc.buyer.city, 100).length >= 3, 'BuyerDtls.Loc', `${doc.buyer.name}'s bill-to city needs 3 letters`);
  need(pin.test(doc.buyer.pincode), 'BuyerDtls.Pin', `${doc.buyer.name}'s bill-to PIN code must be 6 digits`);
  if (doc.dispatchFrom) {
    const w = doc.dispatchFrom;
    need(pin.test(w.pincode), 'DispDtls.Pin', `warehouse ${w.name}'s PIN code must be 6 digits`);
    need(clean(w.city, 100).length >= 3, 'DispDtls.Loc', `warehouse ${w.name}'s city needs at least 3 letters`);
  }
  if (doc.shipTo) need(pin.test(doc.shipTo.pincode), 'ShipDtls.Pin', 'the ship-to PIN code must be 6 digits');
  doc.lines.forEach((l, i) => {
    const at = `line ${i + 1} (${l.productName})`;
    need(/^(\d{4}|\d{6}|\d{8})$/.test(l.hsn) && !/^0+$/.test(l.hsn), `ItemList.${i}.HsnCd`, `${at} has no HSN code`);
    if (!l.isService) need(l.uqc !== null, `ItemList.${i}.Unit`, `${at}: set the product's UQC (GST unit code)`);
  });
  return gaps;
}

function item(l: EinvoiceLine, slNo: number, freeQty: number) {
  // Qty × UnitPrice = TotAmt: the stored rate when it multiplies out exactly, else the gross per unit (3 decimals).
  const exact = l.unitPrice !== null && l.unitPrice * l.quantity === l.gross;
  const unitPrice = l.quantity === 0 ? 0 : exact ? l.unitPrice! / 100 : divideRounded(l.gross * 10, l.quantity) / 1000;
  return {
    SlNo: String(slNo),
    PrdDesc: clean(l.productName, 300),
    IsServc: l.isService ? 'Y' : 'N',
    HsnCd: l.hsn,
    Qty: l.quantity,
    FreeQty: freeQty > 0 ? freeQty : undefined,
    Unit: l.uqc ?? undefined,
    UnitPrice: unitPrice,
    TotAmt: rupees(l.gross),
    Discount: rupees(l.discount),
    AssAmt: rupees(l.taxable),
    GstRt: l.taxRateBps / 100,
    IgstAmt: rupees(l.igst),
    CgstAmt: rupees(l.cgst),
    SgstAmt: rupees(l.sgst),
    TotItemVal: rupees(l.total),
    BchDtls: optional(l.batchNo, 3, 20)
      ? { Nm: clean(l.batchNo, 20), ExpDt: l.expiresOn ? irpDate(l.expiresOn) : undefined }
      : undefined,
  };
}

/**
 * Free goods travel as FreeQty on the paid line of the same product and batch; free units with no paid line of
 * their own go as a line of Qty 0 and zero amounts (EINVOICE.md).
 */
function items(lines: EinvoiceLine[]) {
  const free = new Map<EinvoiceLine, number>();
  const own: EinvoiceLine[] = [];
  for (const l of lines) {
    const paid =
      l.isFree &&
      l.total === 0 &&
      lines.find((p) => !p.isFree && p.productId === l.productId && p.batchNo === l.batchNo);
    if (paid) free.set(paid, (free.get(paid) ?? 0) + l.quantity);
    else own.push(l);
  }
  return own.map((l, i) =>
    l.isFree && l.total === 0
      ? { ...item({ ...l, quantity: 0 }, i + 1, l.quantity), UnitPrice: 0 }
      : item(l, i + 1, free.get(l) ?? 0),
  );
}

/** IRP JSON v1.1 of one B2B invoice or credit note. Fields left undefined drop out when serialised. */
export function buildEinvoice(doc: EinvoiceDocument) {
  const t = doc.totals;
  const transport = doc.transport;
  const json = {
    Version: '1.1',
    TranDtls: { TaxSch: 'GST', SupTyp: 'B2B', RegRev: 'N', IgstOnIntra: 'N' },
    DocDtls: { Typ: doc.type, No: doc.number, Dt: irpDate(doc.date) },
    SellerDtls: party(doc.seller, 50),
    BuyerDtls: { ...party(doc.buyer, 100), Pos: doc.placeOfSupply },
    DispDtls: doc.dispatchFrom
      ? { Nm: clean(doc.dispatchFrom.name, 100), ...address(doc.dispatchFrom, 100) }
      : undefined,
    // ShipDtls carries no phone or e-mail in the IRP schema.
    ShipDtls: doc.shipTo ? { ...party(doc.shipTo, 100), Ph: undefined, Em: undefined } : undefined,
    ItemList: items(doc.lines),
    ValDtls: {
      AssVal: rupees(t.taxable),
      CgstVal: rupees(t.cgst),
      SgstVal: rupees(t.sgst),
      IgstVal: rupees(t.igst),
      CesVal: 0,
      StCesVal: 0,
      Discount: 0,
      OthChrg: 0,
      RndOffAmt: rupees(t.roundOff),
      TotInvVal: rupees(t.total),
    },
    RefDtls: doc.reference
      ? { PrecDocDtls: [{ InvNo: doc.reference.number, InvDt: irpDate(doc.reference.date) }] }
      : undefined,
    EwbDtls: transport
      ? {
          TransName: optional(transport.transporterName, 3, 100),
          TransMode: '1',
          // 0 lets the portal work the distance out from the PIN codes; Stockist keeps no distances yet.
          Distance: 0,
          TransDocNo: /^[a-zA-Z0-9/-]{1,15}$/.test(transport.lrNumber) ? transport.lrNumber : undefined,
          TransDocDt: transport.lrNumber && transport.lrDate ? irpDate(transport.lrDate) : undefined,
          VehNo: transport.vehicleNo.replace(/[^a-zA-Z0-9]/g, '').toUpperCase(),
          VehType: 'R',
        }
      : undefined,
  };
  return JSON.parse(JSON.stringify(json)) as typeof json;
}

export type EinvoiceJson = ReturnType<typeof buildEinvoice>;
