import { deliveryNoteTerms } from '../channel/shipping/shipping-terms';
import { recordAudit } from '../audit';
import type { EngineContext } from '../context';
import { conflict, DomainError, invalid, notFound } from '../errors';
import { returnValueFromNote } from '../inventory/return-cost';
import { postMovement } from '../inventory/stock-ledger';
import { nextDocumentNumber } from '../numbering';
import { addOrderEvent } from '../orders/order-store';
import { decideEwayBills, type EwayBillEntry } from './eway-bills';
import {
  boardWarning,
  EWB_COLUMNS,
  EWB_JOINS,
  ewayBillsForTrip,
  type ConsignmentWithEwb,
} from './dispatch-eway-validity';
import type { VehicleType } from '../formats/ewaybill/validity';
import { refreshOrderMilestones } from '../summaries/order-milestones';
import { addToDailySales } from '../summaries/daily-sales';

export interface DispatchInput {
  deliveryNoteIds: number[];
  vehicleNo: string;
  driver: string;
  transporter: string;
  lrNumber: string;
  route: string;
  /** from the transporter master; its name is kept in transporter when that is left empty */
  transporterId?: number | null;
  vehicleType?: VehicleType;
  lrDate?: string | null;
  /** km for this trip's e-way bills instead of each customer's */
  distanceKm?: number | null;
  /** per delivery note id: its e-way bill number, or why it moves without one */
  ewayBills: Record<string, EwayBillEntry>;
}

function consignments(ctx: EngineContext, ids: number[]): ConsignmentWithEwb[] {
  const { sqlite } = ctx.ledger;
  return ids.map((id, i) => {
    const note = sqlite
      .prepare(
        `SELECT d.number, d.status, i.number AS invoiceNumber, i.total AS invoiceValue, ${EWB_COLUMNS}
         FROM delivery_notes d LEFT JOIN invoices i ON i.id = d.invoice_id ${EWB_JOINS} WHERE d.id = ?`,
      )
      .get(id) as (Omit<ConsignmentWithEwb, 'deliveryNoteId'> & { status: string }) | undefined;
    if (!note || note.status !== 'posted')
      throw invalid(`Delivery note ${id} is not a posted delivery note`, `deliveryNoteIds.${i}`);
    if (sqlite.prepare('SELECT 1 FROM dispatch_notes WHERE delivery_note_id = ?').get(id))
      throw conflict(`${note.number} is already on a dispatch`, `deliveryNoteIds.${i}`);
    return {
      deliveryNoteId: id,
      number: note.number,
      invoiceNumber: note.invoiceNumber,
      invoiceValue: note.invoiceValue,
      importedEwayBill: note.importedEwayBill,
      importedValidUpto: note.importedValidUpto,
      customerKm: note.customerKm,
    };
  });
}

/**
 * A vehicle trip: delivery notes loaded together, with the vehicle, driver and LR. Each note moves
 * under its tax invoice, and under an e-way bill when its invoice value is above the company's
 * threshold (decideEwayBills); an override of that is audited with its reason.
 */
export function createDispatch(ctx: EngineContext, asked: DispatchInput) {
  const { sqlite } = ctx.ledger;
  const input = { transporterId: null, vehicleType: 'R' as const, lrDate: null, distanceKm: null, ...asked };
  const loaded = consignments(ctx, input.deliveryNoteIds);
  const threshold = (sqlite.prepare('SELECT eway_bill_threshold AS t FROM company WHERE id = 1').get() as { t: number })
    .t;
  if (
    input.transporterId !== null &&
    !sqlite.prepare('SELECT 1 FROM transporters WHERE id = ?').get(input.transporterId)
  )
    throw notFound(`Transporter ${input.transporterId}`, 'transporterId');
  const given = ewayBillsForTrip(ctx, loaded, input.ewayBills, input);
  const { decisions, refusal } = decideEwayBills(loaded, given, threshold);
  if (refusal) throw new DomainError(refusal.code, refusal.message, refusal.field);
  const number = nextDocumentNumber(ctx, 'DSP');
  const id = Number(
    sqlite
      .prepare(
        `INSERT INTO dispatches (number, vehicle_no, driver, transporter, lr_number, route, transporter_id, vehicle_type,
           lr_date, distance_km, dispatched_at, posted_by)
         VALUES (?, ?, ?, coalesce(nullif(?, ''), (SELECT name FROM transporters WHERE id = ?), ''), ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        number,
        input.vehicleNo.toUpperCase(),
        input.driver,
        input.transporter,
        input.transporterId,
        input.lrNumber,
        input.route,
        input.transporterId,
        input.vehicleType,
        input.lrDate,
        input.distanceKm,
        ctx.now().toISOString(),
        ctx.actor?.id ?? null,
      ).lastInsertRowid,
  );
  const insert = sqlite.prepare(
    'INSERT INTO dispatch_notes (dispatch_id, delivery_note_id, eway_bill, eway_bill_override) VALUES (?, ?, ?, ?)',
  );
  for (const d of decisions) {
    insert.run(id, d.deliveryNoteId, d.ewayBill, d.override);
    if (d.override)
      recordAudit(ctx, 'eway_bill_override', 'dispatch', id, {
        number,
        deliveryNoteId: d.deliveryNoteId,
        threshold,
        reason: d.override,
        explanation: d.explanation,
      });
  }
  recordAudit(ctx, 'dispatch', 'dispatch', id, {
    number,
    notes: input.deliveryNoteIds.length,
    vehicle: input.vehicleNo,
    ewayBills: decisions.map((d) => d.explanation),
  });
  return getDispatch(ctx, id);
}

/**
 * What the driver brings back: delivered, partly delivered (some quantities returned) or refused
 * (everything returned). Returned goods go back into their batch. Once a note is invoiced,
 * returns go through a credit note instead.
 */
export function confirmDelivery(
  ctx: EngineContext,
  input: {
    dispatchId: number;
    deliveryNoteId: number;
    outcome: 'delivered' | 'partly_delivered' | 'refused';
    deliveredOn: string;
    returned: { deliveryNoteLineId: number; quantity: number }[];
    remarks: string;
  },
) {
  const { sqlite } = ctx.ledger;
  const row = sqlite
    .prepare(
      'SELECT dn.outcome, d.number, d.invoice_id AS invoiceId, d.order_id AS orderId, d.warehouse_id AS warehouseId FROM dispatch_notes dn JOIN delivery_notes d ON d.id = dn.delivery_note_id WHERE dn.dispatch_id = ? AND dn.delivery_note_id = ?',
    )
    .get(input.dispatchId, input.deliveryNoteId) as
    { outcome: string; number: string; invoiceId: number | null; orderId: number; warehouseId: number } | undefined;
  if (!row) throw notFound('That delivery note on this dispatch', 'deliveryNoteId');
  if (row.outcome !== 'pending')
    throw conflict(`${row.number} was already confirmed as ${row.outcome.replace('_', ' ')}`, 'deliveryNoteId');
  const lines = sqlite
    .prepare(
      'SELECT id, order_line_id AS orderLineId, product_id AS productId, batch_id AS batchId, quantity FROM delivery_note_lines WHERE delivery_note_id = ?',
    )
    .all(input.deliveryNoteId) as {
    id: number;
    orderLineId: number;
    productId: number;
    batchId: number;
    quantity: number;
  }[];
  const back =
    input.outcome === 'refused'
      ? lines.map((l) => ({ deliveryNoteLineId: l.id, quantity: l.quantity }))
      : input.outcome === 'partly_delivered'
        ? input.returned
        : [];
  if (input.outcome === 'partly_delivered' && back.length === 0)
    throw invalid('Say which quantities came back', 'returned');
  if (back.length && row.invoiceId !== null)
    throw conflict(`${row.number} is already invoiced: take the returned goods back with a credit note`, 'outcome');
  // Units coming back change the shares of the order's deliveries: take them away and add them back after.
  if (back.length) addToDailySales(ctx, { kind: 'deliveries', orderId: row.orderId, sign: -1 });
  back.forEach((b, i) => {
    const line = lines.find((l) => l.id === b.deliveryNoteLineId);
    if (!line)
      throw invalid(`Line ${b.deliveryNoteLineId} is not on ${row.number}`, `returned.${i}.deliveryNoteLineId`);
    if (b.quantity <= 0 || b.quantity > line.quantity)
      throw invalid(`Between 1 and ${line.quantity} can come back on this line`, `returned.${i}.quantity`);
    postMovement(ctx, {
      warehouseId: row.warehouseId,
      productId: line.productId,
      batchId: line.batchId,
      kind: 'return',
      quantity: b.quantity,
      documentType: 'delivery_note',
      documentId: input.deliveryNoteId,
      reason: input.outcome,
      // back at the cost it left at, not today's average
      value: returnValueFromNote(ctx, input.deliveryNoteId, line.batchId, b.quantity) ?? undefined,
    });
    sqlite.prepare('UPDATE delivery_note_lines SET quantity = quantity - ? WHERE id = ?').run(b.quantity, line.id);
    sqlite
      .prepare(
        'UPDATE order_lines SET delivered = delivered - ?, allocated = allocated - ?, backordered = backordered + ? WHERE id = ?',
      )
      .run(b.quantity, b.quantity, b.quantity, line.orderLineId);
  });
  if (back.length) addToDailySales(ctx, { kind: 'deliveries', orderId: row.orderId, sign: 1 });
  sqlite
    .prepare(
      'UPDATE dispatch_notes SET outcome = ?, delivered_on = ?, remarks = ? WHERE dispatch_id = ? AND delivery_note_id = ?',
    )
    .run(input.outcome, input.deliveredOn, input.remarks, input.dispatchId, input.deliveryNoteId);
  if (back.length)
    sqlite
      .prepare("UPDATE orders SET status = 'partially_delivered' WHERE id = ? AND status = 'delivered'")
      .run(row.orderId);
  // The confirmed delivery date (and any units back) move the order's delivered milestones.
  refreshOrderMilestones(ctx, [row.orderId]);
  addOrderEvent(
    ctx,
    row.orderId,
    'delivery',
    `${row.number} ${input.outcome.replace('_', ' ')} on ${input.deliveredOn}${back.length ? `; ${back.reduce((s, b) => s + b.quantity, 0)} units came back to stock` : ''}`,
  );
  return getDispatch(ctx, input.dispatchId);
}

export function getDispatch(ctx: EngineContext, id: number) {
  const { sqlite } = ctx.ledger;
  const head = sqlite
    .prepare(
      `SELECT id, number, vehicle_no AS vehicleNo, driver, transporter, lr_number AS lrNumber, route,
              transporter_id AS transporterId, vehicle_type AS vehicleType, lr_date AS lrDate, distance_km AS distanceKm,
              dispatched_at AS dispatchedAt FROM dispatches WHERE id = ?`,
    )
    .get(id) as
    | {
        id: number;
        number: string;
        vehicleNo: string;
        driver: string;
        transporter: string;
        lrNumber: string;
        route: string;
        transporterId: number | null;
        vehicleType: string;
        lrDate: string | null;
        distanceKm: number | null;
        dispatchedAt: string;
      }
    | undefined;
  if (!head) throw notFound(`Dispatch ${id}`, 'id');
  const notes = sqlite
    .prepare(
      `SELECT d.id AS deliveryNoteId, d.number, c.name AS customerName, c.bill_city AS city, d.packages, d.weight_grams AS weightGrams, dn.outcome, dn.delivered_on AS deliveredOn,
              i.number AS invoiceNumber, i.total AS invoiceTotal,
              coalesce(nullif(dn.eway_bill, ''), x.eway_bill) AS ewayBill, dn.eway_bill_override AS ewayBillOverride,
              (SELECT valid_upto FROM eway_bills e WHERE e.invoice_id = d.invoice_id) AS ewayBillValidUpto
       FROM dispatch_notes dn JOIN dispatches x ON x.id = dn.dispatch_id JOIN delivery_notes d ON d.id = dn.delivery_note_id
       JOIN customers c ON c.id = d.customer_id LEFT JOIN invoices i ON i.id = d.invoice_id
       WHERE dn.dispatch_id = ? ORDER BY c.bill_city, d.id`,
    )
    .all(id) as {
    deliveryNoteId: number;
    number: string;
    customerName: string;
    city: string;
    packages: number;
    weightGrams: number;
    outcome: string;
    deliveredOn: string | null;
    invoiceNumber: string | null;
    invoiceTotal: number | null;
    ewayBill: string;
    ewayBillOverride: string;
    ewayBillValidUpto: string | null;
  }[];
  return { ...head, notes };
}

export interface DispatchBoardFilter {
  warehouseId: number | null;
  /** '' for every route; '-' for customers without one */
  route: string;
  /** business dates the note was posted on, inclusive; '' for open-ended */
  from: string;
  to: string;
}

/**
 * Posted delivery notes not yet on a vehicle (the dispatch board), by route, with their warehouse,
 * packages, invoice and whether it needs an e-way bill; filtered by warehouse, route and day.
 */
export function notesToDispatch(
  ctx: EngineContext,
  filter: DispatchBoardFilter = { warehouseId: null, route: '', from: '', to: '' },
) {
  const where = ["d.status = 'posted'", 'NOT EXISTS (SELECT 1 FROM dispatch_notes x WHERE x.delivery_note_id = d.id)'];
  const args: (string | number)[] = [];
  if (filter.warehouseId !== null) {
    where.push('d.warehouse_id = ?');
    args.push(filter.warehouseId);
  }
  if (filter.route) {
    where.push('c.route = ?');
    args.push(filter.route === '-' ? '' : filter.route);
  }
  if (filter.from) {
    where.push('business_date(d.posted_at) >= ?');
    args.push(filter.from);
  }
  if (filter.to) {
    where.push('business_date(d.posted_at) <= ?');
    args.push(filter.to);
  }
  const rows = ctx.ledger.sqlite
    .prepare(
      `SELECT d.id, d.number, c.name AS customerName, c.code AS customerCode, c.bill_city AS city, c.route,
              d.warehouse_id AS warehouseId, w.code AS warehouseCode, business_date(d.posted_at) AS postedOn, d.packages,
              i.number AS invoiceNumber, i.total AS invoiceTotal,
              (i.total > (SELECT eway_bill_threshold FROM company WHERE id = 1)) AS needsEwayBill, ${EWB_COLUMNS}
       FROM delivery_notes d JOIN customers c ON c.id = d.customer_id JOIN warehouses w ON w.id = d.warehouse_id
       LEFT JOIN invoices i ON i.id = d.invoice_id ${EWB_JOINS}
       WHERE ${where.join(' AND ')} ORDER BY c.route, c.bill_city, d.id LIMIT 1000`,
    )
    .all(...args) as {
    id: number;
    number: string;
    customerName: string;
    customerCode: string;
    city: string;
    route: string;
    warehouseId: number;
    warehouseCode: string;
    postedOn: string;
    packages: number;
    invoiceNumber: string | null;
    invoiceTotal: number | null;
    needsEwayBill: number | null;
    importedEwayBill: string | null;
    importedValidUpto: string | null;
    customerKm: number | null;
  }[];
  return rows.map(({ importedEwayBill, importedValidUpto, customerKm, ...r }) => ({
    ...r,
    needsEwayBill: r.needsEwayBill === 1,
    ewayBill: importedEwayBill ?? '',
    ewayBillValidUpto: importedValidUpto,
    ewayBillWarning: boardWarning(ctx, { importedEwayBill, importedValidUpto, customerKm }),
    shipping: deliveryNoteTerms(ctx, r.id),
  }));
}

/** Dispatches with stops still to confirm, newest first. */
export function openDispatches(ctx: EngineContext) {
  const ids = ctx.ledger.sqlite
    .prepare(
      "SELECT DISTINCT dispatch_id AS id FROM dispatch_notes WHERE outcome = 'pending' ORDER BY dispatch_id DESC LIMIT 100",
    )
    .all() as { id: number }[];
  return ids.map(({ id }) => getDispatch(ctx, id));
}
