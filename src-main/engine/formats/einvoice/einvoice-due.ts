import type { EngineContext } from '../../context';
import type { DocumentRef } from './einvoice-data';

/** The date e-invoicing applies from (company setting), or null when it is off. */
export function einvoiceFrom(ctx: EngineContext): string | null {
  const row = ctx.ledger.sqlite.prepare('SELECT einvoice_from AS d FROM company WHERE id = 1').get() as
    { d: string | null } | undefined;
  return row?.d ?? null;
}

export interface DueDocument extends DocumentRef {
  number: string;
  date: string;
  customerName: string;
  total: number;
  /** the IRP's refusal of the last JSON sent, when there was one */
  errors: { code: string; message: string }[];
}

/**
 * B2B invoices and credit notes dated on or after the applies-from date (within `from`..`to` when given) that have no
 * IRN: the IRP refused them or they were never sent. Cancelled invoices need none.
 */
export function listDue(ctx: EngineContext, range: { from?: string; to?: string } = {}): DueDocument[] {
  const since = einvoiceFrom(ctx);
  if (!since) return [];
  const from = range.from && range.from > since ? range.from : since;
  const to = range.to ?? '9999-12-31';
  const rows = ctx.ledger.sqlite
    .prepare(
      `SELECT 'invoice' AS type, i.id, i.number, i.invoice_date AS date, c.name AS customerName, i.total, e.errors
       FROM invoices i JOIN customers c ON c.id = i.customer_id LEFT JOIN einvoice_irns e ON e.invoice_id = i.id
       WHERE i.invoice_date BETWEEN ? AND ? AND i.status <> 'cancelled' AND c.gstin <> ''
         AND (e.id IS NULL OR e.irn_status = 'ERR')
       UNION ALL
       SELECT 'creditNote', cn.id, cn.number, business_date(cn.posted_at), c.name, cn.total, e.errors
       FROM credit_notes cn JOIN customers c ON c.id = cn.customer_id LEFT JOIN einvoice_irns e ON e.credit_note_id = cn.id
       WHERE business_date(cn.posted_at) BETWEEN ? AND ? AND c.gstin <> '' AND (e.id IS NULL OR e.irn_status = 'ERR')
       ORDER BY date, number`,
    )
    .all(from, to, from, to) as (Omit<DueDocument, 'errors'> & { errors: string | null })[];
  return rows.map((r) => ({ ...r, errors: r.errors ? (JSON.parse(r.errors) as DueDocument['errors']) : [] }));
}
