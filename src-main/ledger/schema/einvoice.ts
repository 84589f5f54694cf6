import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { invoices } from './orders';
import { creditNotes } from './returns';
import { users } from './users';

/**
 * What the Invoice Registration Portal (IRP) answered for one invoice or credit note: the IRN and the signed QR
 * it printed with, or the errors it refused the JSON for. One row per document, kept beside the immutable
 * document rather than on it, since the answer comes back (offline) after posting.
 */
export const einvoiceIrns = sqliteTable(
  'einvoice_irns',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** INV for an invoice, CRN for a credit note (the IRP's DocDtls.Typ) */
    documentType: text('document_type', { enum: ['INV', 'CRN'] }).notNull(),
    invoiceId: integer('invoice_id').references(() => invoices.id),
    creditNoteId: integer('credit_note_id').references(() => creditNotes.id),
    /** ACT: registered; CNL: the IRN was cancelled (within 24 h of acknowledgement); ERR: the IRP refused it */
    irnStatus: text('irn_status', { enum: ['ACT', 'CNL', 'ERR'] }).notNull(),
    irn: text('irn'),
    ackNo: text('ack_no'),
    /** AckDt as the IRP wrote it (Indian time, "2026-11-22 15:30:00") */
    ackDate: text('ack_date'),
    /** the same moment as an ISO instant: the 24-hour cancel window counts from it */
    ackAt: text('ack_at'),
    signedQrCode: text('signed_qr_code'),
    signedInvoice: text('signed_invoice'),
    /** JSON array of the IRP's {ErrorCode, ErrorMessage} when it refused the document */
    errors: text('errors').notNull().default('[]'),
    irnCancelledAt: text('irn_cancelled_at'),
    importedAt: text('imported_at').notNull(),
    importedBy: integer('imported_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('einvoice_irns_invoice_uq').on(t.invoiceId),
    uniqueIndex('einvoice_irns_credit_note_uq').on(t.creditNoteId),
  ],
);
