import { businessDate } from '../../business-date';
import type { EngineContext } from '../../context';
import { publishEvent } from '../publish-event';
import { partyOf } from './party';

const kinds = { return: 'sales-return', price_difference: 'rate-difference', rebate: 'rebate' } as const;

export function creditNotePayload(ctx: EngineContext, creditNoteId: number) {
  const { sqlite } = ctx.ledger;
  const cn = sqlite
    .prepare(
      `SELECT c.number, c.posted_at AS postedAt, c.customer_id AS customerId, c.kind, c.reason, i.number AS invoiceNumber,
              c.taxable, c.cgst + c.sgst + c.igst AS tax, c.total
       FROM credit_notes c JOIN invoices i ON i.id = c.invoice_id WHERE c.id = ?`,
    )
    .get(creditNoteId) as {
    number: string;
    postedAt: string;
    customerId: number;
    kind: keyof typeof kinds;
    reason: string;
    invoiceNumber: string;
    taxable: number;
    tax: number;
    total: number;
  };
  const lines = sqlite
    .prepare(
      `SELECT p.sku, b.batch_no AS batchNo, cl.quantity, il.unit_price AS unitPrice, cl.taxable, il.tax_rate_bps AS taxRate, cl.tax
       FROM credit_note_lines cl JOIN invoice_lines il ON il.id = cl.invoice_line_id JOIN products p ON p.id = cl.product_id
       JOIN batches b ON b.id = cl.batch_id WHERE cl.credit_note_id = ? ORDER BY cl.id`,
    )
    .all(creditNoteId) as {
    sku: string;
    batchNo: string;
    quantity: number;
    unitPrice: number;
    taxable: number;
    taxRate: number;
    tax: number;
  }[];
  return {
    number: cn.number,
    date: businessDate(ctx, new Date(cn.postedAt)),
    party: partyOf(ctx, cn.customerId),
    kind: kinds[cn.kind] ?? 'other',
    againstInvoiceNumber: cn.invoiceNumber,
    reason: cn.reason || 'not given',
    lines: lines.map((l) => ({
      sku: l.sku,
      batchNo: l.batchNo,
      qty: l.quantity,
      freeQty: 0,
      ratePaise: l.unitPrice,
      discountPaise: 0,
      taxablePaise: l.taxable,
      taxRateBps: l.taxRate,
      taxPaise: l.tax,
      totalPaise: l.taxable + l.tax,
    })),
    totals: { taxablePaise: cn.taxable, taxPaise: cn.tax, roundOffPaise: 0, totalPaise: cn.total },
  };
}

export function publishCreditNotePosted(ctx: EngineContext, creditNoteId: number): void {
  publishEvent(ctx, 'credit-note.posted', creditNotePayload(ctx, creditNoteId));
}
