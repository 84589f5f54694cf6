import { formatMoney } from '../../../../src-shared/money';
import type { EngineContext } from '../../context';
import { conflict, invalid, notFound } from '../../errors';
import { buildEwayBill, EWAY_BILL_VERSION, type EwayBillJson, type EwbTransport } from './build-ewaybill';
import { checkEwayBill } from './check-ewaybill';
import { invoiceForEwayBill } from './ewaybill-data';
import type { VehicleType } from './validity';

export interface ExportInput {
  /** every consignment on this vehicle trip, its transport from the dispatch */
  dispatchId: number | null;
  /** or these invoices, with the transport given here (an empty vehicle leaves Part B for later) */
  invoiceIds: number[];
  /** or the invoices of these delivery notes, as chosen on the dispatch board before loading */
  deliveryNoteIds: number[];
  transport: {
    transporterId: number | null;
    vehicleNo: string;
    vehicleType: VehicleType;
    lrNumber: string;
    lrDate: string | null;
    distanceKm: number | null;
  };
}

interface Trip extends Omit<EwbTransport, 'distanceKm'> {
  distanceKm: number | null;
}

function transporter(ctx: EngineContext, id: number | null, field: string) {
  if (id === null) return { transporterId: '', transporterName: '' };
  const row = ctx.ledger.sqlite
    .prepare('SELECT name, transporter_id AS transporterId FROM transporters WHERE id = ?')
    .get(id) as { name: string; transporterId: string } | undefined;
  if (!row) throw notFound(`Transporter ${id}`, field);
  return { transporterId: row.transporterId, transporterName: row.name };
}

function tripOf(ctx: EngineContext, input: ExportInput): { invoiceIds: number[]; trip: Trip } {
  const { sqlite } = ctx.ledger;
  if (input.dispatchId === null) {
    const ofNotes = input.deliveryNoteIds.map((id, i) => {
      const note = sqlite.prepare('SELECT number, invoice_id AS invoiceId FROM delivery_notes WHERE id = ?').get(id) as
        { number: string; invoiceId: number | null } | undefined;
      if (!note) throw notFound(`Delivery note ${id}`, `deliveryNoteIds.${i}`);
      if (note.invoiceId === null)
        throw conflict(`${note.number} is not invoiced yet: an e-way bill follows the invoice`, `deliveryNoteIds.${i}`);
      return note.invoiceId;
    });
    const invoiceIds = [...new Set([...input.invoiceIds, ...ofNotes])];
    if (invoiceIds.length === 0) throw invalid('Choose a dispatch, invoices or delivery notes', 'invoiceIds');
    const t = input.transport;
    return {
      invoiceIds,
      trip: { ...t, ...transporter(ctx, t.transporterId, 'transport.transporterId') },
    };
  }
  const d = sqlite
    .prepare(
      `SELECT vehicle_no AS vehicleNo, vehicle_type AS vehicleType, lr_number AS lrNumber, lr_date AS lrDate,
              distance_km AS distanceKm, transporter_id AS transporterId, transporter FROM dispatches WHERE id = ?`,
    )
    .get(input.dispatchId) as
    (Omit<Trip, 'transporterName'> & { transporterId: number | null; transporter: string }) | undefined;
  if (!d) throw notFound(`Dispatch ${input.dispatchId}`, 'dispatchId');
  const ids = sqlite
    .prepare(
      `SELECT d.invoice_id AS id FROM dispatch_notes dn JOIN delivery_notes d ON d.id = dn.delivery_note_id
       WHERE dn.dispatch_id = ? AND d.invoice_id IS NOT NULL ORDER BY d.id`,
    )
    .all(input.dispatchId) as { id: number }[];
  const master = transporter(ctx, d.transporterId, 'dispatchId');
  return {
    invoiceIds: [...new Set(ids.map((r) => r.id))],
    trip: { ...d, ...master, transporterName: master.transporterName || d.transporter },
  };
}

/**
 * The bulk-upload file for a dispatch's consignments or chosen invoices: only invoices above the company's
 * threshold, not cancelled and without an e-way bill yet go in; the others are listed with the reason. Each bill is
 * checked against the schema and the portal's arithmetic, and the first problem refuses the file naming the invoice.
 */
export function exportEwayBills(ctx: EngineContext, input: ExportInput) {
  const { sqlite } = ctx.ledger;
  const { invoiceIds, trip } = tripOf(ctx, input);
  const threshold = (sqlite.prepare('SELECT eway_bill_threshold AS t FROM company WHERE id = 1').get() as { t: number })
    .t;
  const distanceOf = sqlite.prepare('SELECT km FROM customer_distances WHERE customer_id = ?');
  const existing = sqlite.prepare('SELECT number FROM eway_bills WHERE invoice_id = ?');
  const bills: EwayBillJson[] = [];
  const included: { invoiceNumber: string; value: number; transType: number; distanceKm: number }[] = [];
  const skipped: { invoiceNumber: string; reason: string }[] = [];
  invoiceIds.forEach((invoiceId, i) => {
    const { invoice, status, customerId } = invoiceForEwayBill(ctx, invoiceId, `invoiceIds.${i}`);
    const has = existing.get(invoiceId) as { number: string } | undefined;
    const skip = (reason: string) => skipped.push({ invoiceNumber: invoice.number, reason });
    if (status !== 'posted') return skip(`${invoice.number} is ${status}: no e-way bill`);
    if (has) return skip(`${invoice.number} already has e-way bill ${has.number}`);
    if (invoice.total <= threshold)
      return skip(`${invoice.number} ${formatMoney(invoice.total)} is within the ${formatMoney(threshold)} limit`);
    const km = trip.distanceKm ?? (distanceOf.get(customerId) as { km: number } | undefined)?.km ?? 0;
    const bill = buildEwayBill(invoice, { ...trip, distanceKm: km });
    const problems = checkEwayBill(bill);
    const first = problems[0];
    if (first) throw invalid(first.message, `invoiceIds.${i}.${first.field}`);
    bills.push(bill);
    included.push({ invoiceNumber: invoice.number, value: invoice.total, transType: bill.transType, distanceKm: km });
  });
  if (bills.length === 0 && skipped.length === 0) throw conflict('That dispatch carries no invoice yet', 'dispatchId');
  return { file: bills.length ? { version: EWAY_BILL_VERSION, billLists: bills } : null, included, skipped };
}
