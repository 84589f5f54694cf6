import type { EngineContext } from '../context';

export interface SupplierEntry {
  supplierId: number;
  /** business date of the posting */
  date: string;
  /** purchase_invoice | supplier_payment | tds | debit_note | brand_credit | opening */
  kind: string;
  documentType: string;
  documentId: number;
  number: string;
  /** paise: a debit lowers what is owed to the supplier, a credit raises it */
  debit: number;
  credit: number;
  narration: string;
}

/** One posting on a supplier's account (payables), in the caller's transaction. */
export function postSupplierEntry(ctx: EngineContext, e: SupplierEntry): void {
  ctx.ledger.sqlite
    .prepare(
      `INSERT INTO supplier_ledger (supplier_id, date, kind, document_type, document_id, number, debit, credit,
         narration, posted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      e.supplierId,
      e.date,
      e.kind,
      e.documentType,
      e.documentId,
      e.number,
      e.debit,
      e.credit,
      e.narration,
      ctx.now().toISOString(),
    );
}
