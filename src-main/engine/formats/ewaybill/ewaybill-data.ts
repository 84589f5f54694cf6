import type { EngineContext } from '../../context';
import { notFound } from '../../errors';
import type { EwbInvoice, EwbParty } from './build-ewaybill';
import { uqcOrOther } from '../../../../src-shared/uqc';

interface StoredAddress {
  line1?: string;
  line2?: string;
  area?: string;
  city?: string;
  stateCode?: string;
  pincode?: string;
}

const party = (name: string, gstin: string, a: StoredAddress): EwbParty => ({
  name,
  gstin,
  line1: a.line1 ?? '',
  line2: [a.line2, a.area].filter(Boolean).join(', '),
  place: a.city ?? '',
  pincode: a.pincode ?? '',
  stateCode: a.stateCode ?? '',
});

export interface InvoiceForEwb {
  id: number;
  status: string;
  /** the customer the goods go to (the ship-to party): the road distance is to it */
  customerId: number;
  invoice: EwbInvoice;
}

/**
 * An invoice with the parties the e-way bill names: the company (bill-from), the warehouse its delivery note left
 * from (dispatch-from), the invoice's bill-to party and its ship-to party at the address the note was posted with.
 */
export function invoiceForEwayBill(ctx: EngineContext, invoiceId: number, field: string): InvoiceForEwb {
  const { sqlite } = ctx.ledger;
  const head = sqlite
    .prepare(
      `SELECT i.id, i.number, i.status, i.invoice_date AS date, i.place_of_supply AS pos,
              i.taxable - coalesce(ch.taxable, 0) AS taxable, i.cgst - coalesce(ch.cgst, 0) AS cgst,
              i.sgst - coalesce(ch.sgst, 0) AS sgst, i.igst - coalesce(ch.igst, 0) AS igst,
              coalesce(ch.total, 0) AS otherCharges, i.round_off AS roundOff, i.total, coalesce(i.ship_to_id, i.customer_id) AS customerId, c.name, c.gstin, c.bill_line1 AS line1,
              c.bill_line2 AS line2, c.bill_area AS area, c.bill_city AS city, c.bill_state_code AS stateCode,
              c.bill_pincode AS pincode, s.name AS shipName, s.gstin AS shipGstin, d.ship_to AS shipTo, w.line1 AS wLine1, w.line2 AS wLine2, w.area AS wArea,
              w.city AS wCity, w.state_code AS wState, w.pincode AS wPin
       FROM invoices i JOIN customers c ON c.id = coalesce(i.bill_to_id, i.customer_id)
       JOIN customers s ON s.id = coalesce(i.ship_to_id, i.customer_id)
       LEFT JOIN delivery_notes d ON d.id = (SELECT min(id) FROM delivery_notes WHERE invoice_id = i.id)
       LEFT JOIN warehouses w ON w.id = d.warehouse_id
       -- freight billed with the goods is a service: out of the goods' value and taxes, into the other value
       LEFT JOIN (SELECT invoice_id, sum(taxable) AS taxable, sum(cgst) AS cgst, sum(sgst) AS sgst, sum(igst) AS igst,
                         sum(total) AS total FROM invoice_charges GROUP BY invoice_id) ch ON ch.invoice_id = i.id
       WHERE i.id = ?`,
    )
    .get(invoiceId) as Record<string, string | number | null> | undefined;
  if (!head) throw notFound(`Invoice ${invoiceId}`, field);
  const company = sqlite
    .prepare(
      `SELECT name, gstin, address_line1 AS line1, address_line2 AS line2, city, state_code AS stateCode, pincode
       FROM company WHERE id = 1`,
    )
    .get() as StoredAddress & { name: string; gstin: string };
  const billFrom = party(company.name, company.gstin, company);
  const billTo = party(String(head.name), String(head.gstin), head as StoredAddress);
  // The ship-to party (name, GSTIN) at the address its delivery note was posted with.
  const consignee = { name: String(head.shipName), gstin: String(head.shipGstin) };
  const shipTo = head.shipTo
    ? party(consignee.name, consignee.gstin, JSON.parse(String(head.shipTo)))
    : { ...billTo, ...consignee };
  const dispatchFrom =
    head.wState === null
      ? billFrom
      : party(company.name, company.gstin, {
          line1: String(head.wLine1),
          line2: String(head.wLine2),
          area: String(head.wArea),
          city: String(head.wCity),
          stateCode: String(head.wState),
          pincode: String(head.wPin),
        });
  const lines = sqlite
    .prepare(
      `SELECT p.name AS productName, p.name || CASE WHEN p.brand = '' THEN '' ELSE ' (' || p.brand || ')' END AS productDesc,
              coalesce(nullif(l.hsn, ''), p.hsn) AS hsn, p.base_unit AS unit, p.uqc AS ownUqc, l.quantity, l.taxable,
              l.tax_rate_bps AS taxRateBps, l.is_free AS isFree
       FROM invoice_lines l JOIN products p ON p.id = l.product_id WHERE l.invoice_id = ? ORDER BY l.id`,
    )
    .all(head.id) as (Omit<EwbInvoice['lines'][number], 'uqc' | 'isFree'> & {
    unit: string;
    ownUqc: string;
    isFree: number;
  })[];
  const n = (k: string) => Number(head[k]);
  return {
    id: n('id'),
    status: String(head.status),
    customerId: n('customerId'),
    invoice: {
      number: String(head.number),
      date: String(head.date),
      billFrom,
      dispatchFrom,
      billTo,
      shipTo,
      placeOfSupply: String(head.pos || billTo.stateCode),
      lines: lines.map(({ unit, ownUqc, isFree, ...l }) => ({
        ...l,
        uqc: uqcOrOther({ uqc: ownUqc, baseUnit: unit }),
        isFree: isFree === 1,
      })),
      taxable: n('taxable'),
      cgst: n('cgst'),
      sgst: n('sgst'),
      igst: n('igst'),
      roundOff: n('roundOff'),
      otherCharges: n('otherCharges'),
      total: n('total'),
    },
  };
}
