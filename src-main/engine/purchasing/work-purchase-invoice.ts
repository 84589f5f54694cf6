import type { z } from 'zod';
import type { purchaseInvoiceInput, purchaseInvoiceWorked } from '../../../src-shared/contract/purchase-invoices';
import { addDays } from '../../../src-shared/dates';
import { formatMoney } from '../../../src-shared/money';
import { businessToday } from '../business-date';
import type { EngineContext } from '../context';
import { invalid } from '../errors';
import { UNTRACKED_BATCH } from '../inventory/batch-master';
import { assertActiveWarehouse } from '../inventory/receive-goods';
import { financialYearOf, landedCost, tds194q } from './landed-cost';
import { getSupplier } from './supplier-service';

export type PurchaseInvoiceInput = z.output<typeof purchaseInvoiceInput>;
export type WorkedPurchaseInvoice = z.output<typeof purchaseInvoiceWorked> & {
  /** which order lines the billed units are counted against, per invoice line */
  receivedOnOrder: { orderLineId: number; quantity: number }[][];
  supplierName: string;
};

interface ProductRow {
  id: number;
  sku: string;
  name: string;
  taxRate: number;
  batchTracked: number;
}
interface OrderLine {
  id: number;
  productId: number;
  open: number;
  rate: number;
  discountBps: number;
}

function orderLines(ctx: EngineContext, input: PurchaseInvoiceInput): OrderLine[] | null {
  if (input.purchaseOrderId === null) return null;
  const po = ctx.ledger.sqlite
    .prepare('SELECT supplier_id AS supplierId, warehouse_id AS warehouseId, status FROM purchase_orders WHERE id = ?')
    .get(input.purchaseOrderId) as { supplierId: number; warehouseId: number; status: string } | undefined;
  if (!po) throw invalid(`Purchase order ${input.purchaseOrderId} does not exist`, 'purchaseOrderId');
  if (po.supplierId !== input.supplierId)
    throw invalid('That purchase order is to another supplier', 'purchaseOrderId');
  if (po.warehouseId !== input.warehouseId)
    throw invalid('That purchase order is for another warehouse', 'purchaseOrderId');
  if (po.status === 'cancelled') throw invalid('That purchase order was cancelled', 'purchaseOrderId');
  return ctx.ledger.sqlite
    .prepare(
      `SELECT id, product_id AS productId, max(quantity - received, 0) AS open, rate, discount_bps AS discountBps
       FROM purchase_order_lines WHERE purchase_order_id = ? ORDER BY line_no`,
    )
    .all(input.purchaseOrderId) as OrderLine[];
}

/** Purchase value (taxable, without GST) booked from a supplier in the financial year of `day`, for 194Q. */
export function yearPurchases(ctx: EngineContext, supplierId: number, day: string): number {
  const fy = financialYearOf(day);
  return (
    ctx.ledger.sqlite
      .prepare(
        `SELECT coalesce(sum(taxable), 0) AS v FROM purchase_invoices
         WHERE supplier_id = ? AND status = 'posted' AND invoice_date BETWEEN ? AND ?`,
      )
      .get(supplierId, fy.from, fy.to) as { v: number }
  ).v;
}

/**
 * The brand's invoice worked out, without writing anything: landed cost and GST per line, totals, TDS, due date,
 * and the differences from the purchase order (rate other than ordered, more than is still open, not ordered).
 * Differences never stop the posting — the brand has billed what it billed — they are shown and recorded.
 */
export function workPurchaseInvoice(ctx: EngineContext, input: PurchaseInvoiceInput): WorkedPurchaseInvoice {
  const supplier = getSupplier(ctx, input.supplierId, 'supplierId');
  if (!supplier.active) throw invalid(`${supplier.name} is inactive`, 'supplierId');
  assertActiveWarehouse(ctx, input.warehouseId, 'warehouseId');
  if (input.invoiceDate > businessToday(ctx)) throw invalid('The invoice date cannot be after today', 'invoiceDate');
  const warehouseState = (
    ctx.ledger.sqlite.prepare('SELECT state_code AS s FROM warehouses WHERE id = ?').get(input.warehouseId) as {
      s: string;
    }
  ).s;
  const intraState = supplier.stateCode === warehouseState;
  const productOf = ctx.ledger.sqlite.prepare(
    `SELECT id, sku, name, tax_rate_bps AS taxRate, batch_tracked AS batchTracked FROM products WHERE id = ?`,
  );
  const products = input.lines.map((l, i) => {
    const p = productOf.get(l.productId) as ProductRow | undefined;
    if (!p) throw invalid(`Product ${l.productId} does not exist`, `lines.${i}.productId`);
    if (p.batchTracked && !l.batchNo)
      throw invalid(`${p.sku} is batch-tracked: enter the batch number`, `lines.${i}.batchNo`);
    return p;
  });
  const worked = landedCost(
    input.lines.map((l, i) => ({ ...l, taxRate: products[i]!.taxRate })),
    input.freight + input.otherCharges,
    intraState,
  );
  const onOrder = orderLines(ctx, input);
  const receivedOnOrder: { orderLineId: number; quantity: number }[][] = [];
  const lines = input.lines.map((l, i) => {
    const p = products[i]!;
    const differences: string[] = [];
    let orderRate: number | null = null;
    let excessQuantity = 0;
    const counted: { orderLineId: number; quantity: number }[] = [];
    if (onOrder) {
      const mine = onOrder.filter((o) => o.productId === l.productId);
      if (mine.length === 0) {
        differences.push(`${p.sku} is not on the order`);
        excessQuantity = l.quantity;
      } else {
        orderRate = mine[0]!.rate;
        if (l.rate !== orderRate)
          differences.push(`Rate ${formatMoney(l.rate)} against ${formatMoney(orderRate)} ordered`);
        if (l.discountBps !== mine[0]!.discountBps)
          differences.push(`Discount ${l.discountBps / 100}% against ${mine[0]!.discountBps / 100}% ordered`);
        let left = l.quantity;
        for (const o of mine) {
          const take = Math.min(left, o.open);
          if (take > 0) counted.push({ orderLineId: o.id, quantity: take });
          o.open -= take;
          left -= take;
        }
        if (left > 0) {
          excessQuantity = left;
          differences.push(`${left} more than is open on the order`);
          // Received is what came, even beyond the order: the excess counts on the product's last order line.
          counted.push({ orderLineId: mine[mine.length - 1]!.id, quantity: left });
        }
      }
    }
    receivedOnOrder.push(counted);
    return {
      lineNo: i + 1,
      productId: l.productId,
      sku: p.sku,
      productName: p.name,
      batchNo: p.batchTracked ? l.batchNo.trim().toUpperCase() : UNTRACKED_BATCH,
      quantity: l.quantity,
      freeQuantity: l.freeQuantity,
      rate: l.rate,
      taxRate: p.taxRate,
      ...worked.lines[i]!,
      orderRate,
      excessQuantity,
      differences,
    };
  });
  const tds = supplier.tds194q
    ? tds194q(yearPurchases(ctx, supplier.id, input.invoiceDate), worked.totals.taxable).tds
    : 0;
  return {
    intraState,
    dueOn: addDays(input.invoiceDate, supplier.paymentTermsDays),
    lines,
    totals: { ...worked.totals, tds },
    receivedOnOrder,
    supplierName: supplier.name,
  };
}
