import { formatMoney } from '../../../src-shared/money';
import { recordAudit } from '../audit';
import { businessToday } from '../business-date';
import type { EngineContext } from '../context';
import { conflict, invalid } from '../errors';
import { ensureBatch } from '../inventory/batch-master';
import { receiveGoods } from '../inventory/receive-goods';
import { nextDocumentNumber } from '../numbering';
import { refreshPurchaseOrderStatus } from './purchase-order-status';
import { getPurchaseInvoice } from './purchase-invoice-view';
import { valueReceivedShipment } from './value-shipment';
import { type PurchaseInvoiceInput, workPurchaseInvoice } from './work-purchase-invoice';

function refuseRepeat(ctx: EngineContext, input: PurchaseInvoiceInput): void {
  const booked = ctx.ledger.sqlite
    .prepare('SELECT number FROM purchase_invoices WHERE supplier_id = ? AND supplier_invoice_no = ?')
    .get(input.supplierId, input.supplierInvoiceNo) as { number: string } | undefined;
  if (booked)
    throw conflict(
      `The supplier's invoice ${input.supplierInvoiceNo} is already booked as ${booked.number}`,
      'supplierInvoiceNo',
    );
}

/**
 * Books the brand's invoice in one transaction: the goods come in at landed cost (free goods as their own movement
 * at zero, so they lower the average) — or, for goods already received from a shipment, that receipt is valued —
 * the order counts them received, the supplier's account is credited (due after the payment terms) and debited
 * with TDS under 194Q when the supplier is marked for it.
 */
export function postPurchaseInvoice(ctx: EngineContext, input: PurchaseInvoiceInput) {
  const { sqlite } = ctx.ledger;
  const worked = workPurchaseInvoice(ctx, input);
  refuseRepeat(ctx, input);
  const today = businessToday(ctx);
  const batchIds = input.lines.map((l, i) => {
    if (input.goodsReceiptId === null && l.expiresOn && l.expiresOn <= today)
      throw invalid(
        `Batch ${l.batchNo} expired on ${l.expiresOn}; expired stock cannot be received`,
        `lines.${i}.expiresOn`,
      );
    return ensureBatch(ctx, l, `lines.${i}`);
  });
  const number = nextDocumentNumber(ctx, 'PIN');
  const t = worked.totals;
  const id = Number(
    sqlite
      .prepare(
        `INSERT INTO purchase_invoices (number, supplier_id, supplier_invoice_no, invoice_date, warehouse_id,
           purchase_order_id, matched_receipt, intra_state, gross, discount, freight, other_charges, taxable, cgst, sgst,
           igst, round_off, total, tds, due_on, notes, posted_at, user_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        number,
        input.supplierId,
        input.supplierInvoiceNo,
        input.invoiceDate,
        input.warehouseId,
        input.purchaseOrderId,
        input.goodsReceiptId === null ? 0 : 1,
        worked.intraState ? 1 : 0,
        t.gross,
        t.discount,
        input.freight,
        input.otherCharges,
        t.taxable,
        t.cgst,
        t.sgst,
        t.igst,
        t.roundOff,
        t.total,
        t.tds,
        worked.dueOn,
        input.notes,
        ctx.now().toISOString(),
        ctx.actor?.id ?? null,
      ).lastInsertRowid,
  );
  const insertLine = sqlite.prepare(
    `INSERT INTO purchase_invoice_lines (purchase_invoice_id, line_no, product_id, batch_id, purchase_order_line_id,
       quantity, free_quantity, rate, discount_bps, discount_amount, gross, discount, charges, taxable, tax_rate_bps,
       cgst, sgst, igst, total, order_rate, excess_quantity)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  worked.lines.forEach((l, i) => {
    const src = input.lines[i]!;
    insertLine.run(
      id,
      l.lineNo,
      l.productId,
      batchIds[i]!,
      worked.receivedOnOrder[i]?.[0]?.orderLineId ?? null,
      l.quantity,
      l.freeQuantity,
      l.rate,
      src.discountBps,
      src.discountAmount,
      l.gross,
      l.discount,
      l.charges,
      l.taxable,
      l.taxRate,
      l.cgst,
      l.sgst,
      l.igst,
      l.total,
      l.orderRate,
      l.excessQuantity,
    );
  });
  let receiptId: number;
  if (input.goodsReceiptId === null) {
    // Billed and free units of a line go in as two movements: the free ones at zero lower the average.
    const receipt = receiveGoods(ctx, {
      warehouseId: input.warehouseId,
      kind: 'receipt',
      supplier: worked.supplierName.slice(0, 120),
      reference: `${input.supplierInvoiceNo} · ${number}`.slice(0, 60),
      lines: input.lines.flatMap((l, i) => [
        ...(l.quantity > 0 ? [{ ...l, value: worked.lines[i]!.taxable }] : []),
        ...(l.freeQuantity > 0 ? [{ ...l, quantity: l.freeQuantity, value: 0 }] : []),
      ]),
    });
    receiptId = receipt.id;
  } else {
    receiptId = valueReceivedShipment(ctx, { ...input, goodsReceiptId: input.goodsReceiptId }, worked, batchIds, id);
  }
  sqlite.prepare('UPDATE purchase_invoices SET goods_receipt_id = ? WHERE id = ?').run(receiptId, id);
  const addReceived = sqlite.prepare('UPDATE purchase_order_lines SET received = received + ? WHERE id = ?');
  for (const c of worked.receivedOnOrder.flat()) addReceived.run(c.quantity, c.orderLineId);
  if (input.purchaseOrderId !== null) refreshPurchaseOrderStatus(ctx, input.purchaseOrderId);
  const toLedger = sqlite.prepare(
    `INSERT INTO supplier_ledger (supplier_id, date, kind, document_type, document_id, number, debit, credit, due_on,
       narration, posted_at) VALUES (?, ?, ?, 'purchase_invoice', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const at = ctx.now().toISOString();
  toLedger.run(
    input.supplierId,
    input.invoiceDate,
    'purchase_invoice',
    id,
    number,
    0,
    t.total,
    worked.dueOn,
    `Their invoice ${input.supplierInvoiceNo}`,
    at,
  );
  if (t.tds > 0)
    toLedger.run(
      input.supplierId,
      input.invoiceDate,
      'tds',
      id,
      number,
      t.tds,
      0,
      null,
      `TDS u/s 194Q on ${input.supplierInvoiceNo}`,
      at,
    );
  const differences = worked.lines.filter((l) => l.differences.length > 0).length;
  recordAudit(ctx, 'post', 'purchase_invoice', id, {
    number,
    supplierInvoiceNo: input.supplierInvoiceNo,
    total: t.total,
    tds: t.tds,
    differences,
  });
  if (differences > 0)
    recordAudit(ctx, 'differences', 'purchase_invoice', id, {
      lines: worked.lines.filter((l) => l.differences.length > 0).map((l) => ({ line: l.lineNo, what: l.differences })),
      total: formatMoney(t.total),
    });
  return getPurchaseInvoice(ctx, id);
}
