import type { EngineContext } from '../../context';

/** A customer as HQ sees it on a document: code, name, GSTIN (null when unregistered), state. */
export function partyOf(ctx: EngineContext, customerId: number) {
  const row = ctx.ledger.sqlite
    .prepare('SELECT code, name, gstin, bill_state_code AS stateCode FROM customers WHERE id = ?')
    .get(customerId) as { code: string; name: string; gstin: string; stateCode: string };
  return { code: row.code, name: row.name, gstin: row.gstin || null, stateCode: row.stateCode };
}

/** The document line shape shared by orders, invoices and credit notes. */
export interface LineRow {
  sku: string;
  batchNo: string | null;
  quantity: number;
  isFree: number;
  unitPrice: number;
  discount: number;
  taxable: number;
  taxRate: number;
  tax: number;
  total: number;
}

export function documentLineOf(l: LineRow) {
  return {
    sku: l.sku,
    batchNo: l.batchNo,
    qty: l.isFree ? 0 : l.quantity,
    freeQty: l.isFree ? l.quantity : 0,
    ratePaise: l.unitPrice,
    discountPaise: l.discount,
    taxablePaise: l.taxable,
    taxRateBps: l.taxRate,
    taxPaise: l.tax,
    totalPaise: l.total,
  };
}

export function warehouseCodeOf(ctx: EngineContext, warehouseId: number): string {
  return (ctx.ledger.sqlite.prepare('SELECT code FROM warehouses WHERE id = ?').get(warehouseId) as { code: string })
    .code;
}
