import { stateName } from '../../src-shared/india-states';
import type { EngineContext } from '../engine/context';
import { invoiceShipment, type ShipmentAddress } from '../engine/billing/invoice-shipment';
import type { Pdf } from './pdf-kit';

/** The billed party as it prints: name, address, GSTIN and state code. */
function billToLines(ctx: EngineContext, customerId: number): string[] {
  const c = ctx.ledger.sqlite.prepare('SELECT * FROM customers WHERE id = ?').get(customerId) as Record<string, string>;
  return [
    c.name!,
    [c.bill_line1, c.bill_line2, c.bill_area].filter(Boolean).join(', '),
    [c.bill_city, stateName(c.bill_state_code ?? ''), c.bill_pincode].filter(Boolean).join(', '),
    c.gstin ? `GSTIN ${c.gstin}` : 'Unregistered',
    `State code ${c.bill_state_code}`,
  ].filter(Boolean);
}

function shipToLines(name: string, a: ShipmentAddress): string[] {
  return [
    name,
    [a.line1, a.line2, a.area].filter(Boolean).join(', '),
    [a.city, stateName(a.stateCode ?? ''), a.pincode].filter(Boolean).join(', '),
    `State code ${a.stateCode}`,
  ].filter(Boolean);
}

/** A titled block of lines at (x, y); returns where it ends. */
function block(doc: Pdf, title: string, lines: string[], x: number, y: number, width: number): number {
  doc.font('Bold').fontSize(8.5).text(title, x, y, { width });
  doc.font('Body');
  for (const line of lines) doc.text(line, x, doc.y, { width });
  return doc.y;
}

/**
 * Bill-to, ship-to (printed apart only when the goods went elsewhere: the place of supply follows
 * ship-to), and on the right the delivery notes and, once dispatched, vehicle, transporter, LR
 * and e-way bill, as GST wants them on the invoice that travels with the goods.
 */
export function drawInvoiceParties(
  ctx: EngineContext,
  doc: Pdf,
  inv: { id: number; customerId: number; deliveryNotes: string[]; parties: { billTo: { id: number } } },
): void {
  const left = doc.page.margins.left;
  const top = doc.y;
  const ship = invoiceShipment(ctx, inv.id);
  const bottoms: number[] = [];
  if (ship.shipsElsewhere && ship.shipTo) {
    bottoms.push(block(doc, 'Bill to', billToLines(ctx, inv.parties.billTo.id), left, top, 165));
    bottoms.push(block(doc, 'Ship to', shipToLines(ship.shipToName, ship.shipTo), left + 175, top, 165));
  } else {
    bottoms.push(block(doc, 'Bill to / Ship to', billToLines(ctx, inv.parties.billTo.id), left, top, 300));
  }
  const transport = [`Delivery notes: ${inv.deliveryNotes.join(', ')}`];
  for (const d of ship.dispatches) {
    transport.push(
      `Vehicle: ${d.vehicleNo}`,
      `Dispatch: ${d.number}`,
      `Transporter: ${d.transporter || '—'}`,
      `LR: ${d.lrNumber || '—'}`,
      `E-way bill: ${d.ewayBill || (d.ewayBillOverride ? 'not generated' : '—')}`,
    );
  }
  bottoms.push(block(doc, ship.dispatches.length ? 'Transport' : 'Delivery', transport, left + 350, top, 173));
  doc.y = Math.max(...bottoms, top + 60) + 10;
  doc.x = left;
}
