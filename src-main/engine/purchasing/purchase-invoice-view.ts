import type { PurchaseInvoiceView } from '../../../src-shared/contract/purchase-invoices';
import { formatMoney } from '../../../src-shared/money';
import type { EngineContext } from '../context';
import { notFound } from '../errors';

const HEAD = `SELECT pi.id, pi.number, pi.supplier_id AS supplierId, s.name AS supplierName, s.gstin AS supplierGstin,
    pi.supplier_invoice_no AS supplierInvoiceNo, pi.invoice_date AS invoiceDate, pi.warehouse_id AS warehouseId,
    pi.purchase_order_id AS purchaseOrderId, pi.goods_receipt_id AS goodsReceiptId, g.number AS goodsReceiptNumber,
    pi.intra_state AS intraState, pi.due_on AS dueOn, pi.freight, pi.other_charges AS otherCharges, pi.paid,
    pi.status, pi.cancelled_on AS cancelledOn, pi.gross, pi.discount, pi.taxable, pi.cgst, pi.sgst, pi.igst,
    pi.round_off AS roundOff, pi.total, pi.tds
  FROM purchase_invoices pi JOIN suppliers s ON s.id = pi.supplier_id
  LEFT JOIN goods_receipts g ON g.id = pi.goods_receipt_id`;

type Line = PurchaseInvoiceView['lines'][number];
type HeadRow = Omit<PurchaseInvoiceView, 'lines' | 'totals' | 'intraState'> &
  Omit<PurchaseInvoiceView['totals'], 'charges'> & { intraState: number };

/** The differences recorded on a line, in the words the entry screen showed. */
function differencesOf(l: Omit<Line, 'differences'> & { discountBps: number; orderDiscountBps: number | null }) {
  const out: string[] = [];
  if (l.orderRate === null) {
    if (l.excessQuantity > 0) out.push(`${l.sku} is not on the order`);
    return out;
  }
  if (l.rate !== l.orderRate) out.push(`Rate ${formatMoney(l.rate)} against ${formatMoney(l.orderRate)} ordered`);
  if (l.orderDiscountBps !== null && l.discountBps !== l.orderDiscountBps)
    out.push(`Discount ${l.discountBps / 100}% against ${l.orderDiscountBps / 100}% ordered`);
  if (l.excessQuantity > 0) out.push(`${l.excessQuantity} more than is open on the order`);
  return out;
}

export function getPurchaseInvoice(ctx: EngineContext, id: number): PurchaseInvoiceView {
  const { sqlite } = ctx.ledger;
  const head = sqlite.prepare(`${HEAD} WHERE pi.id = ?`).get(id) as HeadRow | undefined;
  if (!head) throw notFound(`Purchase invoice ${id}`, 'id');
  const rows = sqlite
    .prepare(
      `SELECT l.line_no AS lineNo, l.product_id AS productId, p.sku, p.name AS productName, b.batch_no AS batchNo,
         l.quantity, l.free_quantity AS freeQuantity, l.rate, l.tax_rate_bps AS taxRate, l.gross, l.discount, l.charges,
         l.taxable, l.cgst, l.sgst, l.igst, l.total, l.order_rate AS orderRate, l.excess_quantity AS excessQuantity,
         l.discount_bps AS discountBps, ol.discount_bps AS orderDiscountBps
       FROM purchase_invoice_lines l JOIN products p ON p.id = l.product_id JOIN batches b ON b.id = l.batch_id
       LEFT JOIN purchase_order_lines ol ON ol.id = l.purchase_order_line_id
       WHERE l.purchase_invoice_id = ? ORDER BY l.line_no`,
    )
    .all(id) as (Omit<Line, 'differences'> & { discountBps: number; orderDiscountBps: number | null })[];
  const lines = rows.map(({ discountBps: _d, orderDiscountBps: _o, ...l }) => ({
    ...l,
    differences: differencesOf({ ...l, discountBps: _d, orderDiscountBps: _o }),
  }));
  const { gross, discount, taxable, cgst, sgst, igst, roundOff, total, tds, intraState, ...rest } = head;
  const charges = lines.reduce((s, l) => s + l.charges, 0);
  return {
    ...rest,
    intraState: intraState === 1,
    lines,
    totals: { gross, discount, charges, taxable, cgst, sgst, igst, roundOff, total, tds },
  };
}

export function listPurchaseInvoices(ctx: EngineContext, f: { from: string; to: string; supplierId: number | null }) {
  return ctx.ledger.sqlite
    .prepare(
      `SELECT pi.id, pi.number, pi.supplier_invoice_no AS supplierInvoiceNo, pi.invoice_date AS invoiceDate,
         pi.supplier_id AS supplierId, s.name AS supplierName, s.gstin AS supplierGstin, pi.taxable, pi.cgst, pi.sgst,
         pi.igst, pi.total, pi.tds, pi.paid, pi.status,
         (SELECT count(*) FROM purchase_invoice_lines l WHERE l.purchase_invoice_id = pi.id
            AND (l.excess_quantity > 0 OR (l.order_rate IS NOT NULL AND l.order_rate <> l.rate))) AS differences
       FROM purchase_invoices pi JOIN suppliers s ON s.id = pi.supplier_id
       WHERE pi.invoice_date BETWEEN @from AND @to AND (@supplierId IS NULL OR pi.supplier_id = @supplierId)
       ORDER BY pi.invoice_date DESC, pi.id DESC LIMIT 5000`,
    )
    .all(f) as {
    id: number;
    number: string;
    supplierInvoiceNo: string;
    invoiceDate: string;
    supplierId: number;
    supplierName: string;
    supplierGstin: string;
    taxable: number;
    cgst: number;
    sgst: number;
    igst: number;
    total: number;
    tds: number;
    paid: number;
    status: string;
    differences: number;
  }[];
}
