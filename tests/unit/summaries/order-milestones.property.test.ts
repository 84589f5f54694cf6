import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cancelInvoice } from '../../../src-main/engine/billing/cancel-invoice';
import { postCreditNote } from '../../../src-main/engine/billing/credit-notes';
import { postInvoice } from '../../../src-main/engine/billing/post-invoice';
import { createProduct, type ProductInput } from '../../../src-main/engine/catalog/product-service';
import { getCompany, updateCompany } from '../../../src-main/engine/company/company-service';
import type { EngineContext } from '../../../src-main/engine/context';
import { createCustomer } from '../../../src-main/engine/customers/customer-service';
import { DomainError } from '../../../src-main/engine/errors';
import { confirmDelivery, createDispatch } from '../../../src-main/engine/fulfilment/dispatch';
import { deliverable, postDeliveryNote } from '../../../src-main/engine/fulfilment/delivery-notes';
import { createPickList } from '../../../src-main/engine/fulfilment/pick-lists';
import { completePickList, setPicked } from '../../../src-main/engine/fulfilment/picking';
import { receiveGoods } from '../../../src-main/engine/inventory/receive-goods';
import { createWarehouse } from '../../../src-main/engine/inventory/warehouse-service';
import { cancelOrder } from '../../../src-main/engine/orders/order-actions';
import { placeOrder } from '../../../src-main/engine/orders/place-order';
import { recordPayment } from '../../../src-main/engine/payments/record-payment';
import { reversePayment } from '../../../src-main/engine/payments/reverse-payment';
import {
  customerOrders,
  deliveryRegister,
  orderSummary,
  pendingOrders,
} from '../../../src-main/engine/reports/order-reports';
import { schemePerformance } from '../../../src-main/engine/reports/sales-reports';
import { onTimeDelivery, orderToCash } from '../../../src-main/engine/reports/flow-reports';
import { periodFilters, type ReportFilters } from '../../../src-main/engine/reports/report-types';
import { rebuildOrderMilestones } from '../../../src-main/engine/summaries/order-milestones';
import { orderStatusCounts } from '../../../src-main/engine/summaries/order-status-counts';
import { rebuildReceivablesByDueDateOn } from '../../../src-main/engine/summaries/receivables-by-due-date';
import { businessToday } from '../../../src-main/engine/business-date';
import { customerFields } from '../../../src-shared/contract/customers';
import { orderInput } from '../../../src-shared/contract/orders';
import { productFields } from '../../../src-shared/contract/products';
import { engineContext } from '../../support/engine';
import { biscuit, retailer } from '../../support/fixtures';
import { keptAndRebuilt } from '../../support/order-summaries';
import {
  deliveryRegisterFromLines,
  onTimeDeliveryFromLines,
  orderToCashFromLines,
  pendingOrdersFromLines,
} from './reports-from-lines';
import {
  expectPagesReachEveryRow,
  figuresOf,
  onTimeFiguresFromRows,
  orderToCashFiguresFromRows,
} from './cycle-figures-from-rows';

/** One step of a distributor's day; `pick` chooses among what exists when the step runs. */
const step = fc.oneof(
  // Time passes: a few hours, or to a minute either side of midnight in India (18:30 UTC).
  fc.record({
    kind: fc.constant('clock' as const),
    hours: fc.integer({ min: 1, max: 40 }),
    nearMidnight: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('place' as const),
    pick: fc.nat(),
    quantity: fc.integer({ min: 1, max: 6 }),
    second: fc.boolean(),
    wantedIn: fc.option(fc.integer({ min: 0, max: 3 })),
  }),
  fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('deliver' as const), pick: fc.nat(), part: fc.boolean() }),
  fc.record({ kind: fc.constant('deliver' as const), pick: fc.nat(), part: fc.boolean() }),
  fc.record({ kind: fc.constant('invoice' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('cancelInvoice' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('creditNote' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('pay' as const), pick: fc.nat(), amount: fc.integer({ min: 1_00, max: 400_00 }) }),
  fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('dispatch' as const), pick: fc.nat(), late: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ kind: fc.constant('zone' as const), pick: fc.nat() }),
);
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

interface World {
  ctx: EngineContext;
  warehouseId: number;
  customers: number[];
  products: number[];
  setClock(at: Date): void;
  clock(): Date;
}

function setUp(): World {
  const base = engineContext();
  let now = new Date('2026-10-01T05:00:00Z');
  const ctx: EngineContext = { ...base, now: () => now };
  const { sqlite } = ctx.ledger;
  // Invoices are raised by the billing desk (so deliveries and invoices fall on different days),
  // no e-way bills in the way of a dispatch, and any invoice may be cancelled.
  sqlite.prepare("UPDATE company SET invoice_flow = 'before_dispatch', eway_bill_threshold = 1e12").run();
  sqlite.prepare('UPDATE company SET invoice_cancel_days = 10000').run();
  const address = { line1: '', line2: '', area: '', city: 'Pune', district: 'Pune', stateCode: '27', pincode: '' };
  const warehouseId = createWarehouse(ctx, { code: 'PUN', name: 'Pune', address, active: true }).id;
  const customers = [1, 2].map(
    (i) =>
      createCustomer(ctx, customerFields.parse(retailer({ code: `RT${i}`, gstin: '', creditLimit: 1_00_00_000_00 })))
        .id,
  );
  const products = [1, 2].map(
    (i) =>
      createProduct(ctx, productFields.parse(biscuit({ sku: `P-${i}`, barcodes: [], packs: [] })) as ProductInput).id,
  );
  const lot = { manufacturedOn: null, expiresOn: '2028-01-01', mrp: null, quantity: 100_000 };
  receiveGoods(ctx, {
    warehouseId,
    kind: 'receipt',
    supplier: '',
    reference: '',
    lines: products.map((productId) => ({ ...lot, productId, batchNo: `B${productId}` })),
  });
  return { ctx, warehouseId, customers, products, setClock: (at) => (now = at), clock: () => now };
}

const pickOf = <T>(xs: T[], i: number): T | undefined => (xs.length ? xs[i % xs.length] : undefined);

function ids(ctx: EngineContext, sql: string, ...params: unknown[]): number[] {
  return (ctx.ledger.sqlite.prepare(sql).all(...params) as { id: number }[]).map((r) => r.id);
}

/** Runs one step in its own transaction; a step the rules refuse writes nothing and is skipped. */
function apply(w: World, s: Step): void {
  const { ctx } = w;
  const { sqlite } = ctx.ledger;
  const run = (fn: () => void) => {
    try {
      sqlite.transaction(fn)();
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  };
  switch (s.kind) {
    case 'clock': {
      const later = new Date(w.clock().getTime() + s.hours * 3_600_000);
      if (s.nearMidnight) later.setUTCHours(18, 29 + (s.hours % 3), 30, 0);
      if (later > w.clock()) w.setClock(later);
      return;
    }
    case 'place': {
      const [first, second] = s.pick % 2 ? w.products : [...w.products].reverse();
      const lines = [{ productId: first!, quantity: s.quantity }];
      if (s.second) lines.push({ productId: second!, quantity: s.quantity + 1 });
      const requiredDate =
        s.wantedIn === null ? null : new Date(w.clock().getTime() + s.wantedIn * 86_400_000).toISOString().slice(0, 10);
      const customerId = pickOf(w.customers, s.pick)!;
      const input = orderInput.parse({ customerId, warehouseId: w.warehouseId, paymentType: 'credit', lines });
      return run(() => void placeOrder(ctx, { ...input, requiredDate, id: null, version: null }));
    }
    case 'cancel': {
      const id = pickOf(
        ids(ctx, "SELECT id FROM orders WHERE status IN ('confirmed', 'processing') ORDER BY id"),
        s.pick,
      );
      if (id) run(() => void cancelOrder(ctx, id, 'customer changed their mind'));
      return;
    }
    case 'deliver': {
      const open = ids(
        ctx,
        "SELECT id FROM orders WHERE status IN ('confirmed', 'processing', 'picked', 'partially_delivered') ORDER BY id",
      );
      const orderId = pickOf(open, s.pick);
      if (!orderId) return;
      run(() => {
        const list = createPickList(ctx, { warehouseId: w.warehouseId, orderIds: [orderId] });
        for (const l of list.lines) setPicked(ctx, { pickListId: list.id, lineId: l.id, picked: l.quantity });
        completePickList(ctx, list.id);
      });
      const ready = deliverable(ctx, orderId);
      if (ready.length === 0) return;
      const lines = s.part ? [{ reservationId: ready[0]!.reservationId, quantity: 1 }] : null;
      return run(() => void postDeliveryNote(ctx, { orderId, lines, packages: 1, weightGrams: 1 }));
    }
    case 'invoice': {
      const noteId = pickOf(
        ids(ctx, "SELECT id FROM delivery_notes WHERE invoice_id IS NULL AND status = 'posted' ORDER BY id"),
        s.pick,
      );
      if (noteId) run(() => void postInvoice(ctx, { deliveryNoteIds: [noteId] }));
      return;
    }
    case 'cancelInvoice': {
      const id = pickOf(ids(ctx, "SELECT id FROM invoices WHERE status = 'posted' ORDER BY id"), s.pick);
      if (id) run(() => void cancelInvoice(ctx, { id, reason: 'wrong rate billed' }));
      return;
    }
    case 'creditNote': {
      const line = sqlite
        .prepare(
          `SELECT il.id, il.invoice_id AS invoiceId FROM invoice_lines il JOIN invoices i ON i.id = il.invoice_id
           WHERE i.status = 'posted' ORDER BY il.id LIMIT 1 OFFSET ?`,
        )
        .get(s.pick % 7) as { id: number; invoiceId: number } | undefined;
      if (!line) return;
      const lines = [{ invoiceLineId: line.id, quantity: 1, restock: 'sellable' as const, taxable: 0 }];
      return run(
        () => void postCreditNote(ctx, { invoiceId: line.invoiceId, kind: 'return', reason: 'damaged', lines }),
      );
    }
    case 'pay': {
      const customerId = pickOf(w.customers, s.pick)!;
      const payment = {
        customerId,
        receivedOn: businessToday(ctx),
        mode: 'bank' as const,
        reference: '',
        bank: '',
        chequeDate: null,
        amount: s.amount,
        allocations: null,
      };
      return run(() => void recordPayment(ctx, payment));
    }
    case 'reverse': {
      const id = pickOf(ids(ctx, 'SELECT id FROM payments WHERE reversed_on IS NULL ORDER BY id'), s.pick);
      if (id) run(() => void reversePayment(ctx, { id, reason: 'cheque bounced' }));
      return;
    }
    case 'dispatch': {
      const noteId = pickOf(
        ids(
          ctx,
          `SELECT id FROM delivery_notes d WHERE invoice_id IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM dispatch_notes x WHERE x.delivery_note_id = d.id) ORDER BY id`,
        ),
        s.pick,
      );
      if (!noteId) return;
      const on = new Date(Date.parse(`${businessToday(ctx)}T00:00:00Z`) + s.late * 86_400_000).toISOString();
      return run(() => {
        const trip = createDispatch(ctx, {
          deliveryNoteIds: [noteId],
          vehicleNo: 'MH12AB1234',
          driver: '',
          transporter: '',
          lrNumber: '',
          route: '',
          ewayBills: {},
        });
        confirmDelivery(ctx, {
          dispatchId: trip.id,
          deliveryNoteId: noteId,
          outcome: 'delivered',
          deliveredOn: on.slice(0, 10),
          returned: [],
          remarks: '',
        });
      });
    }
    case 'zone': {
      const company = getCompany(ctx);
      const timeZone = ['Asia/Kolkata', 'Asia/Dubai', 'Asia/Kathmandu'][s.pick % 3]!;
      return run(() => void updateCompany(ctx, { ...company, timeZone } as Parameters<typeof updateCompany>[1]));
    }
  }
}

const receivablesKept = (ctx: EngineContext) =>
  ctx.ledger.sqlite
    .prepare('SELECT due_date, invoices, due FROM receivables_by_due_date WHERE invoices <> 0 OR due <> 0 ORDER BY 1')
    .all();
const openInvoicesByDueDate = (ctx: EngineContext) =>
  ctx.ledger.sqlite
    .prepare(
      `SELECT due_date, count(*) AS invoices, sum(total - paid - credited) AS due FROM invoices
       WHERE status = 'posted' AND total > paid + credited GROUP BY due_date ORDER BY 1`,
    )
    .all();

const milestoneRows = (ctx: EngineContext) =>
  ctx.ledger.sqlite.prepare('SELECT * FROM order_milestones ORDER BY order_id').all();

function filterSets(w: World): ReportFilters[] {
  const all: ReportFilters = periodFilters('2026-09-01', '2027-03-01', { period: 'day' });
  const today = businessToday(w.ctx);
  return [
    all,
    { ...all, from: today, to: today },
    { ...all, to: new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10) },
    { ...all, customerId: w.customers[0]! },
    { ...all, productId: w.products[1]!, city: 'pune' },
    { ...all, warehouseId: w.warehouseId, clerkId: w.ctx.actor!.id },
  ];
}

describe('order milestones kept in the posting transactions', () => {
  it('equal the milestones recomputed from the ledger, and the reports read from them equal the reports from lines', () => {
    const w = setUp();
    const { ctx } = w;
    const seen: Record<string, number> = {};
    fc.assert(
      fc.property(fc.array(step, { minLength: 5, maxLength: 30 }), (steps) => {
        for (const s of steps) apply(w, s);
        const kept = milestoneRows(ctx);
        ctx.ledger.sqlite.transaction(() => rebuildOrderMilestones(ctx))();
        expect(kept).toEqual(milestoneRows(ctx));
        // The dashboard's tiles: the counts the triggers kept are the orders grouped by status now.
        const byStatus = ctx.ledger.sqlite
          .prepare('SELECT status, count(*) AS n, sum(total) AS v FROM orders GROUP BY status ORDER BY status')
          .all();
        expect(orderStatusCounts(ctx.ledger.sqlite)).toEqual(byStatus);
        seen.statuses = Math.max(seen.statuses ?? 0, byStatus.length);
        // The dashboard's outstanding: what the invoice triggers kept per due date is the open invoices grouped
        // now, and the rebuild (and so the open-time fill) gives the same rows.
        expect(receivablesKept(ctx)).toEqual(openInvoicesByDueDate(ctx));
        ctx.ledger.sqlite.transaction(() => rebuildReceivablesByDueDateOn(ctx.ledger.sqlite))();
        expect(receivablesKept(ctx)).toEqual(openInvoicesByDueDate(ctx));
        seen.dueDates = Math.max(seen.dueDates ?? 0, openInvoicesByDueDate(ctx).length);
        // The order summaries the triggers kept are the orders summed now; the reports read from them equal the
        // same reports read from the orders (one warehouse: its filter keeps every order, and reads the orders).
        const summaries = keptAndRebuilt(ctx.ledger.sqlite);
        expect(summaries.kept).toEqual(summaries.rebuilt);
        for (const f of filterSets(w).filter((f) => !f.warehouseId)) {
          const viaOrders = { ...f, warehouseId: w.warehouseId };
          expect(orderSummary(ctx, f)).toEqual(orderSummary(ctx, viaOrders));
          expect(customerOrders(ctx, f)).toEqual(customerOrders(ctx, viaOrders));
          expect(schemePerformance(ctx, f)).toEqual(schemePerformance(ctx, viaOrders));
          seen.customerOrders = Math.max(seen.customerOrders ?? 0, customerOrders(ctx, f).rows.length);
        }
        for (const f of filterSets(w)) {
          const reports = {
            onTime: [onTimeDelivery(ctx, f), onTimeDeliveryFromLines(ctx, f)],
            toCash: [orderToCash(ctx, f), orderToCashFromLines(ctx, f)],
            pending: [pendingOrders(ctx, f), pendingOrdersFromLines(ctx, f)],
            register: [deliveryRegister(ctx, f), deliveryRegisterFromLines(ctx, f)],
          };
          // Paged reports: the figures over every row, and pages that reach each row once.
          expect(figuresOf(reports.onTime[0]!)).toEqual(onTimeFiguresFromRows(reports.onTime[1]!.rows));
          expect(figuresOf(reports.toCash[0]!)).toEqual(orderToCashFiguresFromRows(reports.toCash[1]!.rows));
          const limit = 1 + (steps.length % 3);
          expectPagesReachEveryRow((page) => onTimeDelivery(ctx, f, page), reports.onTime[0]!, limit);
          expectPagesReachEveryRow((page) => orderToCash(ctx, f, page), reports.toCash[0]!, limit);
          for (const [name, [fromMilestones, fromLines]] of Object.entries(reports)) {
            expect({ ...fromMilestones, summary: undefined }, name).toEqual(fromLines);
            seen[name] = Math.max(seen[name] ?? 0, fromLines!.rows.length);
          }
        }
        const reached = ctx.ledger.sqlite
          .prepare(
            `SELECT count(fully_invoiced_on) AS invoiced, (SELECT count(*) FROM orders WHERE status = 'cancelled') AS cancelled,
                    (SELECT count(*) FROM payments WHERE reversed_on IS NOT NULL) AS reversed,
                    (SELECT count(*) FROM invoices WHERE status = 'cancelled') AS cancelledInvoices,
                    (SELECT count(*) FROM credit_notes) AS creditNotes,
                    (SELECT count(*) FROM dispatch_notes WHERE delivered_on IS NOT NULL) AS dispatched,
                    (SELECT count(*) FROM audit_log WHERE entity = 'company') AS zoneChanges
             FROM order_milestones`,
          )
          .get() as Record<string, number>;
        for (const [what, n] of Object.entries(reached)) seen[what] = Math.max(seen[what] ?? 0, n);
      }),
      { numRuns: 30 },
    );
    // The histories reached every milestone and every report had rows (refused steps alone would prove nothing).
    for (const [what, n] of Object.entries(seen)) expect(n, what).toBeGreaterThan(0);
    ctx.ledger.close();
  }, 300_000);
});
