import type { EngineContext } from '../context';

export interface ShipmentAddress {
  line1: string;
  line2: string;
  area: string;
  city: string;
  district: string;
  stateCode: string;
  pincode: string;
}

export interface InvoiceShipment {
  /** where the goods went (the delivery note's ship-to), which decides the place of supply */
  shipTo: ShipmentAddress | null;
  /** who receives the goods there: the invoice's ship-to party */
  shipToName: string;
  /** true when that differs from the bill-to's billing address, so the invoice prints both */
  shipsElsewhere: boolean;
  /** the vehicles it left on, once dispatched: printed on the invoice beside the e-way bill */
  dispatches: {
    number: string;
    vehicleNo: string;
    transporter: string;
    lrNumber: string;
    ewayBill: string;
    ewayBillOverride: string;
  }[];
}

/** How an invoice's goods travel: its ship-to and, after dispatch, vehicle, transporter, LR and e-way bill. */
export function invoiceShipment(ctx: EngineContext, invoiceId: number): InvoiceShipment {
  const { sqlite } = ctx.ledger;
  const row = sqlite
    .prepare(
      `SELECT d.ship_to AS shipTo, c.bill_line1 AS line1, c.bill_line2 AS line2, c.bill_area AS area, c.bill_city AS city, c.bill_district AS district,
              c.bill_state_code AS stateCode, c.bill_pincode AS pincode, s.name AS shipToName
       FROM delivery_notes d JOIN invoices i ON i.id = d.invoice_id JOIN customers c ON c.id = coalesce(i.bill_to_id, i.customer_id)
         JOIN customers s ON s.id = coalesce(i.ship_to_id, i.customer_id)
       WHERE d.invoice_id = ? ORDER BY d.id LIMIT 1`,
    )
    .get(invoiceId) as ({ shipTo: string; shipToName: string } & ShipmentAddress) | undefined;
  const dispatches = sqlite
    .prepare(
      `SELECT DISTINCT x.number, x.vehicle_no AS vehicleNo, x.transporter, x.lr_number AS lrNumber,
              coalesce(nullif(dn.eway_bill, ''), x.eway_bill) AS ewayBill, dn.eway_bill_override AS ewayBillOverride
       FROM delivery_notes d JOIN dispatch_notes dn ON dn.delivery_note_id = d.id JOIN dispatches x ON x.id = dn.dispatch_id
       WHERE d.invoice_id = ? ORDER BY x.id`,
    )
    .all(invoiceId) as InvoiceShipment['dispatches'];
  if (!row) return { shipTo: null, shipToName: '', shipsElsewhere: false, dispatches };
  const { shipTo: json, shipToName, ...bill } = row;
  const shipTo = { ...bill, ...(JSON.parse(json) as Partial<ShipmentAddress>) } as ShipmentAddress;
  const keys: (keyof ShipmentAddress)[] = ['line1', 'line2', 'city', 'stateCode', 'pincode'];
  const norm = (v: string | null | undefined) => (v ?? '').trim().toLowerCase();
  return { shipTo, shipToName, shipsElsewhere: keys.some((k) => norm(shipTo[k]) !== norm(bill[k])), dispatches };
}
