import { recordAudit } from '../audit';
import { businessToday } from '../business-date';
import type { EngineContext } from '../context';
import { conflict } from '../errors';
import { postValuedMovement } from '../inventory/stock-ledger';
import { refreshPurchaseOrderStatus } from './purchase-order-status';
import { getPurchaseInvoice } from './purchase-invoice-view';
import { correctStockValue } from './value-correction';

interface Line {
  lineNo: number;
  productId: number;
  batchId: number;
  quantity: number;
  freeQuantity: number;
  taxable: number;
  orderLineId: number | null;
}

/** Takes the billed units off the order again, from the product's last order line back (where excess was put). */
function unreceive(ctx: EngineContext, purchaseOrderId: number, lines: Line[]): void {
  const { sqlite } = ctx.ledger;
  const take = sqlite.prepare('UPDATE purchase_order_lines SET received = received - ? WHERE id = ?');
  for (const l of lines.filter((x) => x.orderLineId !== null)) {
    const onOrder = sqlite
      .prepare(
        `SELECT id, received FROM purchase_order_lines WHERE purchase_order_id = ? AND product_id = ?
         ORDER BY line_no DESC`,
      )
      .all(purchaseOrderId, l.productId) as { id: number; received: number }[];
    let left = l.quantity;
    for (const o of onOrder) {
      const back = Math.min(left, o.received);
      if (back > 0) take.run(back, o.id);
      left -= back;
    }
  }
}

/**
 * Cancels a posted purchase invoice by reversing it, never by deleting: its goods leave again (only while they are
 * all still free in the warehouse) and a value correction makes them leave at what they came in at; a shipment's
 * receipt keeps its goods and only loses the invoice's valuation. The order and the supplier's account (the
 * invoice and its TDS) are set back. Refused once anything has been paid against it.
 */
export function cancelPurchaseInvoice(ctx: EngineContext, input: { id: number; reason: string }) {
  const { sqlite } = ctx.ledger;
  const inv = getPurchaseInvoice(ctx, input.id);
  if (inv.status !== 'posted') throw conflict(`${inv.number} is already cancelled`, 'id');
  if (inv.paid > 0) throw conflict(`${inv.number} has payments against it; they would have to be undone first`, 'id');
  const matched = (
    sqlite.prepare('SELECT matched_receipt AS m FROM purchase_invoices WHERE id = ?').get(inv.id) as { m: number }
  ).m;
  const lines = sqlite
    .prepare(
      `SELECT line_no AS lineNo, product_id AS productId, batch_id AS batchId, quantity, free_quantity AS freeQuantity,
         taxable, purchase_order_line_id AS orderLineId FROM purchase_invoice_lines WHERE purchase_invoice_id = ?
       ORDER BY line_no`,
    )
    .all(inv.id) as Line[];
  const doc = { documentType: 'purchase_invoice', documentId: inv.id };
  const products = [...new Set(lines.map((l) => l.productId))];
  if (matched) {
    for (const productId of products) {
      const { v, batchId } = sqlite
        .prepare(
          `SELECT coalesce(sum(value), 0) AS v, min(batch_id) AS batchId FROM stock_movements
           WHERE document_type = 'purchase_invoice' AND document_id = ? AND product_id = ? AND quantity = 0`,
        )
        .get(inv.id, productId) as { v: number; batchId: number | null };
      if (batchId !== null)
        correctStockValue(
          ctx,
          { warehouseId: inv.warehouseId, productId, batchId, ...doc },
          -v,
          `${inv.number} cancelled`,
        );
    }
  } else {
    const leftWith = new Map<number, number>();
    lines.forEach((l, i) => {
      for (const quantity of [l.quantity, l.freeQuantity].filter((q) => q > 0)) {
        const out = postValuedMovement(
          ctx,
          {
            warehouseId: inv.warehouseId,
            productId: l.productId,
            batchId: l.batchId,
            kind: 'adjustment',
            quantity: -quantity,
            ...doc,
            reason: `${inv.number} cancelled: ${input.reason}`,
          },
          `lines.${i}.quantity`,
        );
        leftWith.set(l.productId, (leftWith.get(l.productId) ?? 0) + out.value);
      }
    });
    for (const productId of products) {
      // The goods left at the average; what they came in at is the invoice's landed value.
      const cameIn = lines.filter((l) => l.productId === productId).reduce((s, l) => s + l.taxable, 0);
      const batchId = lines.find((l) => l.productId === productId)!.batchId;
      correctStockValue(
        ctx,
        { warehouseId: inv.warehouseId, productId, batchId, ...doc },
        -(leftWith.get(productId) ?? 0) - cameIn,
        `${inv.number} cancelled: back to the value before it`,
      );
    }
  }
  if (inv.purchaseOrderId !== null) unreceive(ctx, inv.purchaseOrderId, lines);
  if (inv.purchaseOrderId !== null) refreshPurchaseOrderStatus(ctx, inv.purchaseOrderId);
  const today = businessToday(ctx);
  sqlite.prepare("UPDATE purchase_invoices SET status = 'cancelled', cancelled_on = ? WHERE id = ?").run(today, inv.id);
  const toLedger = sqlite.prepare(
    `INSERT INTO supplier_ledger (supplier_id, date, kind, document_type, document_id, number, debit, credit, narration,
       posted_at) VALUES (?, ?, ?, 'purchase_invoice', ?, ?, ?, ?, ?, ?)`,
  );
  const at = ctx.now().toISOString();
  toLedger.run(
    inv.supplierId,
    today,
    'purchase_invoice',
    inv.id,
    inv.number,
    inv.totals.total,
    0,
    `Cancelled: ${input.reason}`,
    at,
  );
  if (inv.totals.tds > 0)
    toLedger.run(inv.supplierId, today, 'tds', inv.id, inv.number, 0, inv.totals.tds, 'TDS reversed on cancelling', at);
  recordAudit(ctx, 'cancel', 'purchase_invoice', inv.id, { number: inv.number, reason: input.reason });
  return getPurchaseInvoice(ctx, inv.id);
}
