import type { BrandReturn } from '../../../src-shared/contract/brand-returns';
import { formatMoney } from '../../../src-shared/money';
import { recordAudit } from '../audit';
import { lineGst } from '../billing/gst';
import { businessToday } from '../business-date';
import type { EngineContext } from '../context';
import { conflict, invalid, notFound } from '../errors';
import { postValuedMovement } from '../inventory/stock-ledger';
import { postSupplierEntry } from '../payables/supplier-entry';
import { nextDocumentNumber } from '../numbering';
import { getBrandReturn } from './brand-return-view';
import { getSupplier } from './supplier-service';

interface ReturnInput {
  supplierId: number;
  warehouseId: number;
  reason: 'expiry' | 'damage' | 'recall';
  notes: string;
  lines: { batchId: number; quantity: number }[];
}

/**
 * Goods back to the brand under a debit note. Each batch leaves the shelf at the moving-average cost (the stock
 * ledger decides it); the supplier is debited that cost plus the input GST taken on it when it was bought, so the
 * purchase is undone as it was booked: CGST + SGST when the supplier is in the warehouse's state, else IGST.
 */
export function postBrandReturn(ctx: EngineContext, input: ReturnInput): BrandReturn {
  const { sqlite } = ctx.ledger;
  const supplier = getSupplier(ctx, input.supplierId, 'supplierId');
  const warehouse = sqlite
    .prepare('SELECT state_code AS stateCode FROM warehouses WHERE id = ?')
    .get(input.warehouseId) as { stateCode: string } | undefined;
  if (!warehouse) throw notFound(`Warehouse ${input.warehouseId}`, 'warehouseId');
  const intraState = supplier.stateCode === warehouse.stateCode;
  const seen = new Set<number>();
  input.lines.forEach((l, i) => {
    if (seen.has(l.batchId)) throw invalid('This batch is already on the return', `lines.${i}.batchId`);
    seen.add(l.batchId);
  });
  const number = nextDocumentNumber(ctx, 'DN');
  const today = businessToday(ctx);
  const postedAt = ctx.now().toISOString();
  const id = Number(
    sqlite
      .prepare(
        `INSERT INTO brand_returns (number, supplier_id, warehouse_id, return_date, reason, notes, value, total,
           posted_at, user_id) VALUES (?, ?, ?, ?, ?, ?, 0, 0, ?, ?)`,
      )
      .run(
        number,
        input.supplierId,
        input.warehouseId,
        today,
        input.reason,
        input.notes,
        postedAt,
        ctx.actor?.id ?? null,
      ).lastInsertRowid,
  );
  const totals = { value: 0, cgst: 0, sgst: 0, igst: 0 };
  const insertLine = sqlite.prepare(
    `INSERT INTO brand_return_lines (brand_return_id, line_no, product_id, batch_id, quantity, value, tax_rate_bps,
       tax) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  input.lines.forEach((l, i) => {
    const batch = sqlite
      .prepare(
        'SELECT b.product_id AS productId, p.tax_rate_bps AS taxRate FROM batches b JOIN products p ON p.id = b.product_id WHERE b.id = ?',
      )
      .get(l.batchId) as { productId: number; taxRate: number } | undefined;
    if (!batch) throw notFound(`Batch ${l.batchId}`, `lines.${i}.batchId`);
    const moved = postValuedMovement(
      ctx,
      {
        warehouseId: input.warehouseId,
        productId: batch.productId,
        batchId: l.batchId,
        kind: 'purchase_return',
        quantity: -l.quantity,
        documentType: 'brand_return',
        documentId: id,
        reason: input.reason,
      },
      `lines.${i}.quantity`,
    );
    const cost = -moved.value;
    const tax = lineGst(cost, batch.taxRate, intraState);
    totals.value += cost;
    totals.cgst += tax.cgst;
    totals.sgst += tax.sgst;
    totals.igst += tax.igst;
    insertLine.run(
      id,
      i + 1,
      batch.productId,
      l.batchId,
      l.quantity,
      cost,
      batch.taxRate,
      tax.cgst + tax.sgst + tax.igst,
    );
  });
  const total = totals.value + totals.cgst + totals.sgst + totals.igst;
  sqlite
    .prepare('UPDATE brand_returns SET value = ?, cgst = ?, sgst = ?, igst = ?, total = ? WHERE id = ?')
    .run(totals.value, totals.cgst, totals.sgst, totals.igst, total, id);
  postSupplierEntry(ctx, {
    ...{ supplierId: input.supplierId, date: today, kind: 'debit_note', documentType: 'brand_return', documentId: id },
    ...{ number, debit: total, credit: 0, narration: `Goods returned (${input.reason})` },
  });
  recordAudit(ctx, 'post', 'brand_return', id, { number, supplierId: input.supplierId, total });
  return getBrandReturn(ctx, id);
}

/**
 * The brand's answer to a debit note. All of it accepted settles it; less is a short claim, and the part refused
 * goes back onto the supplier's account (a credit), since the debit note had taken all of it off.
 */
export function recordBrandClaim(
  ctx: EngineContext,
  input: { id: number; accepted: number; reference: string; settledOn?: string | undefined },
): BrandReturn {
  const r = getBrandReturn(ctx, input.id);
  if (r.status !== 'claimed') throw conflict(`${r.number}'s claim was already recorded as ${r.status}`, 'id');
  if (input.accepted > r.total)
    throw invalid(`The brand cannot accept more than the debit note's ${formatMoney(r.total)}`, 'accepted');
  const today = businessToday(ctx);
  const settledOn = input.settledOn ?? today;
  if (settledOn > today) throw invalid('The claim cannot be settled on a future date', 'settledOn');
  if (settledOn < r.returnDate) throw invalid('The claim cannot be settled before the return was made', 'settledOn');
  const status = input.accepted === r.total ? 'settled' : 'short';
  const { sqlite } = ctx.ledger;
  sqlite
    .prepare(
      'UPDATE brand_returns SET status = ?, accepted = ?, claim_reference = ?, claim_settled_on = ? WHERE id = ?',
    )
    .run(status, input.accepted, input.reference, settledOn, r.id);
  if (status === 'short') {
    const shortBy = r.total - input.accepted;
    sqlite
      .prepare(
        `INSERT INTO supplier_ledger (supplier_id, date, kind, document_type, document_id, number, debit, credit,
           narration, posted_at) VALUES (?, ?, 'brand_credit', 'brand_return', ?, ?, 0, ?, ?, ?)`,
      )
      .run(
        r.supplierId,
        settledOn,
        r.id,
        r.number,
        shortBy,
        `Claim short: brand accepted ${formatMoney(input.accepted)} of ${formatMoney(r.total)}${input.reference ? ` (${input.reference})` : ''}`,
        ctx.now().toISOString(),
      );
  }
  recordAudit(ctx, 'claim', 'brand_return', r.id, { accepted: input.accepted, status });
  return getBrandReturn(ctx, r.id);
}
