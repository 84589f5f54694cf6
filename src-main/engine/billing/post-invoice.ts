import { AWAITING_APPROVAL_SQL, refusePendingCustomer } from '../approvals/customer-approval';
import { addDays } from '../../../src-shared/dates';
import { businessToday } from '../business-date';
import { checkLicencesAtInvoice } from '../licences/buyer-licences';
import { recordAudit } from '../audit';
import type { EngineContext } from '../context';
import { conflict, invalid } from '../errors';
import { nextDocumentNumber } from '../numbering';
import { addOrderEvent } from '../orders/order-store';
import { documentTotals } from '../pricing/document-totals';
import { deliveredAmounts, type LineAmounts } from '../pricing/line-amounts';
import { hsnSummary, isIntraState } from './gst';
import { getInvoice } from './invoice-view';
import { invoiceParties } from './invoice-parties';
import { publishInvoicePosted } from '../sync/payloads/invoice-payload';
import { refreshOrderMilestones } from '../summaries/order-milestones';
import { addToDailySales } from '../summaries/daily-sales';
import { accrueInvoiceRebates } from '../channel/rebates/rebate-accrual';
import { billFreight } from '../channel/shipping/bill-freight';
import { accrueInvoice } from '../channel/end-buyer/accruals';

interface NoteLine {
  id: number;
  noteId: number;
  orderId: number;
  orderLineId: number;
  productId: number;
  batchId: number;
  quantity: number;
  hsn: string;
  unitPrice: number;
  lineQuantity: number;
  lineDiscount: number;
  lineTotal: number;
  taxInclusive: number;
  taxRate: number;
  isFree: number;
  cost: number | null;
}

/**
 * A GST tax invoice for one or more posted delivery notes of one customer and one place of
 * supply: prices and discounts from the order, CGST+SGST or IGST by place of supply, an HSN
 * summary, a round-off to the rupee, and the next gapless INV number of the financial year.
 */
export function postInvoice(ctx: EngineContext, input: { deliveryNoteIds: number[] }) {
  const { sqlite } = ctx.ledger;
  const notes = sqlite
    .prepare(
      `SELECT id, number, customer_id AS customerId, place_of_supply AS pos, invoice_id AS invoiceId, status FROM delivery_notes WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(input.deliveryNoteIds)) as {
    id: number;
    number: string;
    customerId: number;
    pos: string;
    invoiceId: number | null;
    status: string;
  }[];
  if (notes.length !== new Set(input.deliveryNoteIds).size)
    throw invalid('One of the delivery notes does not exist', 'deliveryNoteIds');
  const invoiced = notes.find((n) => n.invoiceId !== null);
  if (invoiced) throw conflict(`${invoiced.number} is already invoiced`, 'deliveryNoteIds');
  if (new Set(notes.map((n) => n.customerId)).size > 1)
    throw invalid(
      'An invoice is for one customer: these delivery notes are for different customers',
      'deliveryNoteIds',
    );
  if (new Set(notes.map((n) => n.pos)).size > 1)
    throw invalid(
      'These delivery notes go to different states (places of supply); invoice them separately',
      'deliveryNoteIds',
    );
  const parties = invoiceParties(ctx, input.deliveryNoteIds);
  const customer = sqlite
    .prepare(
      `SELECT name, payment_terms_days AS terms, ${AWAITING_APPROVAL_SQL('customers.id')} AS awaiting FROM customers WHERE id = ?`,
    )
    .get(notes[0]!.customerId) as { name: string; terms: number; awaiting: number };
  if (customer.awaiting) refusePendingCustomer(customer.name, 'deliveryNoteIds', 'it can be billed');
  const seller = (sqlite.prepare('SELECT state_code AS s FROM company WHERE id = 1').get() as { s: string }).s;
  const intra = isIntraState(seller, notes[0]!.pos);
  const lines = sqlite
    .prepare(
      `SELECT dl.id, dl.delivery_note_id AS noteId, ol.order_id AS orderId, dl.order_line_id AS orderLineId, dl.product_id AS productId, dl.batch_id AS batchId,
              dl.quantity, p.hsn, ol.unit_price AS unitPrice, ol.quantity AS lineQuantity, ol.discount AS lineDiscount, ol.total AS lineTotal, ol.tax_inclusive AS taxInclusive,
              ol.tax_rate_bps AS taxRate, ol.is_free AS isFree, dl.cost
       FROM delivery_note_lines dl JOIN order_lines ol ON ol.id = dl.order_line_id JOIN products p ON p.id = dl.product_id
       WHERE dl.delivery_note_id IN (SELECT value FROM json_each(?)) ORDER BY dl.delivery_note_id, dl.id`,
    )
    .all(JSON.stringify(input.deliveryNoteIds)) as NoteLine[];
  const today = businessToday(ctx);
  checkLicencesAtInvoice(ctx, lines, notes[0]!.customerId, today);
  const due = addDays(today, customer.terms);
  const number = nextDocumentNumber(ctx, 'INV');
  const id = Number(
    sqlite
      .prepare(
        `INSERT INTO invoices (number, customer_id, invoice_date, due_date, total, paid, status, place_of_supply, posted_at, posted_by,
                               bill_to_id, ship_to_id, payer_id, end_buyer_id)
         VALUES (?, ?, ?, ?, 0, 0, 'posted', ?, ?, ?, @billToId, @shipToId, @payerId, @endBuyerId)`,
      )
      .run(
        number,
        notes[0]!.customerId,
        today,
        due,
        notes[0]!.pos,
        ctx.now().toISOString(),
        ctx.actor?.id ?? null,
        parties,
      ).lastInsertRowid,
  );
  const insert = sqlite.prepare(
    `INSERT INTO invoice_lines (invoice_id, delivery_note_line_id, order_line_id, product_id, batch_id, hsn, quantity, unit_price, gross, discount, taxable, tax_rate_bps, cgst, sgst, igst, total, is_free, cost)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // Lines of a cancelled invoice were never billed: its notes are being invoiced again.
  const invoicedBefore = sqlite.prepare(
    "SELECT coalesce(sum(il.quantity), 0) AS q FROM invoice_lines il JOIN invoices i ON i.id = il.invoice_id WHERE il.order_line_id = ? AND i.status <> 'cancelled'",
  );
  const amounts: LineAmounts[] = [];
  const forSummary: Parameters<typeof hsnSummary>[0] = [];
  for (const l of lines) {
    const before = (invoicedBefore.get(l.orderLineId) as { q: number }).q;
    const orderLine = {
      quantity: l.lineQuantity,
      unitPrice: l.unitPrice,
      taxInclusive: l.taxInclusive === 1,
      taxRate: l.taxRate,
      discount: l.lineDiscount,
      total: l.lineTotal,
      isFree: l.isFree === 1,
    };
    const a = deliveredAmounts(orderLine, before, l.quantity, intra);
    insert.run(
      id,
      l.id,
      l.orderLineId,
      l.productId,
      l.batchId,
      l.hsn,
      l.quantity,
      l.unitPrice,
      a.gross,
      a.discount,
      a.taxable,
      l.taxRate,
      a.cgst,
      a.sgst,
      a.igst,
      a.total,
      l.isFree,
      l.cost,
    );
    amounts.push(a);
    if (!l.isFree) forSummary.push({ hsn: l.hsn, rateBps: l.taxRate, taxable: a.taxable, tax: a });
  }
  // A percent freight is of the goods billed: free goods carry no value of their own.
  const goodsTaxable = forSummary.reduce((s, l) => s + l.taxable, 0);
  const freight = lines.length
    ? billFreight(ctx, {
        invoiceId: id,
        orderIds: [...new Set(lines.map((l) => l.orderId))],
        goodsTaxable,
        intraState: intra,
      })
    : null;
  if (freight) amounts.push(freight);
  const t = documentTotals(amounts);
  const payable = t.total;
  sqlite
    .prepare(
      'UPDATE invoices SET gross = ?, discount = ?, taxable = ?, cgst = ?, sgst = ?, igst = ?, round_off = ?, total = ? WHERE id = ?',
    )
    .run(t.gross, t.discount, t.taxable, t.cgst, t.sgst, t.igst, t.roundOff, payable, id);
  addToDailySales(ctx, { kind: 'invoice', invoiceId: id, sign: 1 });
  accrueInvoiceRebates(ctx, id);
  accrueInvoice(ctx, id);
  sqlite
    .prepare('UPDATE delivery_notes SET invoice_id = ? WHERE id IN (SELECT value FROM json_each(?))')
    .run(id, JSON.stringify(input.deliveryNoteIds));
  for (const orderId of new Set(lines.map((l) => l.orderId))) {
    const left = sqlite
      .prepare(
        "SELECT (SELECT coalesce(sum(quantity - delivered), 0) FROM order_lines WHERE order_id = ?) + (SELECT count(*) FROM delivery_notes WHERE order_id = ? AND invoice_id IS NULL AND status = 'posted') AS n",
      )
      .get(orderId, orderId) as { n: number };
    if (left.n === 0) sqlite.prepare("UPDATE orders SET status = 'invoiced' WHERE id = ?").run(orderId);
    addOrderEvent(ctx, orderId, 'invoiced', `Invoice ${number} posted${left.n === 0 ? '; order fully invoiced' : ''}`);
  }
  refreshOrderMilestones(
    ctx,
    lines.map((l) => l.orderId),
  );
  recordAudit(ctx, 'post', 'invoice', id, {
    number,
    total: payable,
    summary: hsnSummary(forSummary).length,
    freight: freight?.explanation ?? null,
  });
  publishInvoicePosted(ctx, id);
  return getInvoice(ctx, id);
}
