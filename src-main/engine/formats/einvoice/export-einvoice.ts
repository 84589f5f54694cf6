import type { EngineContext } from '../../context';
import { DomainError, invalid } from '../../errors';
import { buildEinvoice, einvoiceGaps, type EinvoiceJson } from './build-einvoice';
import { checkEinvoice } from './check-einvoice';
import { readEinvoiceDocument, type DocumentRef } from './einvoice-data';

/**
 * The IRP JSON of one document, offered only when it passes the project's schema and the portal's cross-checks;
 * otherwise refused naming the document and the IRP field, so the clerk knows what to fix and where.
 */
export function einvoiceJson(ctx: EngineContext, ref: DocumentRef): { number: string; json: EinvoiceJson } {
  const doc = readEinvoiceDocument(ctx, ref);
  const gap = einvoiceGaps(doc)[0];
  if (gap) throw invalid(`${doc.number}: ${gap.message} (e-invoice field ${gap.field})`, gap.field);
  const json = buildEinvoice(doc);
  const problem = checkEinvoice(json)[0];
  if (problem) throw invalid(`${doc.number}: ${problem.field} ${problem.message}`, problem.field);
  return { number: doc.number, json };
}

export interface RefusedDocument {
  type: DocumentRef['type'];
  id: number;
  number: string;
  field: string;
  message: string;
}

/** Many documents into one bulk file: the ones fit to offer, and the others each with its reason. */
export function einvoiceBulk(ctx: EngineContext, refs: (DocumentRef & { number: string })[]) {
  const documents: EinvoiceJson[] = [];
  const refused: RefusedDocument[] = [];
  for (const ref of refs) {
    try {
      documents.push(einvoiceJson(ctx, ref).json);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      refused.push({ type: ref.type, id: ref.id, number: ref.number, field: e.field ?? '', message: e.message });
    }
  }
  return { documents, refused };
}
