import { z } from 'zod';
import { id, isoDate } from './common';
import { operation } from './define';

const documentType = z.enum(['invoice', 'creditNote'], 'Document type must be invoice or creditNote');
const irpError = z.object({ code: z.string(), message: z.string() });

const dueDocument = z.object({
  type: documentType,
  id: z.number(),
  number: z.string(),
  date: z.string(),
  customerName: z.string(),
  total: z.number(),
  /** the IRP's refusal of the JSON last sent, if any */
  errors: z.array(irpError),
});

const refused = z.object({
  type: documentType,
  id: z.number(),
  number: z.string(),
  field: z.string(),
  message: z.string(),
});

const settings = z.object({ appliesFrom: isoDate.nullable() });

/** GST e-invoicing with the IRP, offline: the JSON goes out as a file and the IRP's answer is pasted back in. */
export const einvoiceOperations = {
  'einvoice.settings': operation({
    summary: 'The date e-invoicing (IRN) applies from; null = off.',
    access: 'billing.read',
    kind: 'read',
    input: z.object({}),
    output: settings,
  }),
  'einvoice.updateSettings': operation({
    summary:
      'Sets the date e-invoicing applies from (B2B documents dated on or after it need an IRN); null turns it off.',
    access: 'company.write',
    kind: 'write',
    input: settings,
    output: settings,
  }),
  'einvoice.due': operation({
    summary:
      'B2B invoices and credit notes dated on or after the applies-from date with no IRN yet (never sent, or refused by the IRP with its errors), oldest first.',
    access: 'billing.read',
    kind: 'read',
    input: z.object({}),
    output: z.object({ appliesFrom: z.string().nullable(), count: z.number(), documents: z.array(dueDocument) }),
  }),
  'einvoice.export': operation({
    summary:
      "One invoice's or credit note's IRP JSON (schema 1.1) as a file, checked against the project's schema and the portal's cross-checks; refused naming the document and the e-invoice field when it does not pass.",
    access: 'billing.read',
    kind: 'read',
    input: z.object({ type: documentType, id }),
    output: z.object({ filename: z.string(), number: z.string(), content: z.string() }),
  }),
  'einvoice.exportBulk': operation({
    summary:
      'A bulk file (JSON array) of the chosen documents, or of every document due in a date range: those that pass, and the others each with its reason.',
    access: 'billing.read',
    kind: 'read',
    input: z.object({
      documents: z
        .array(z.object({ type: documentType, id }))
        .max(1000, 'At most 1000 documents in one file')
        .nullable()
        .default(null),
      from: isoDate.nullable().default(null),
      to: isoDate.nullable().default(null),
    }),
    output: z.object({
      filename: z.string(),
      count: z.number(),
      content: z.string(),
      refused: z.array(refused),
    }),
  }),
  'einvoice.importResponse': operation({
    summary:
      "Takes the IRP's answer back (one JSON object or an array): Irn, AckNo, AckDt, SignedQRCode (and SignedInvoice) for each registered document, or DocNo with ErrorDetails for each refused one. Matched to the document by number and checked against it; one answer that does not fit refuses the whole import.",
    access: 'billing.write',
    kind: 'write',
    input: z.object({
      response: z.string().trim().min(1, 'Paste the IRP response').max(20_000_000, 'The response is too large'),
    }),
    output: z.object({
      results: z.array(
        z.object({
          type: documentType,
          id: z.number(),
          number: z.string(),
          outcome: z.enum(['registered', 'refused', 'unchanged']),
          irn: z.string().nullable(),
          ackNo: z.string().nullable(),
          ackDate: z.string().nullable(),
          errors: z.array(irpError),
        }),
      ),
    }),
  }),
};
