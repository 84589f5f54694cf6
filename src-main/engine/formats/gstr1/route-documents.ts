import type { Gstr1Invoice, Gstr1Note } from './gstr1-source';

export type InvoiceSection = 'b2b' | 'b2cl' | 'b2cs';
export type NoteSection = 'cdnr' | 'cdnur' | 'b2cs';

/**
 * An inter-state invoice to an unregistered buyer above this value (paise, with tax) is reported one by one in
 * B2CL: ₹2,50,000 before 1 August 2024, ₹1,00,000 from then (53rd GST Council; docs/formats/GSTR1.md, G2).
 * The limit is the one in force on the invoice's date.
 */
export function b2clLimit(invoiceDate: string): number {
  return invoiceDate >= '2024-08-01' ? 1_00_000_00 : 2_50_000_00;
}

const isInterState = (placeOfSupply: string, stateCode: string) => placeOfSupply !== stateCode;

/** b2b: any invoice to a GSTIN; b2cl: a large inter-state one to an unregistered buyer; b2cs: every other. */
export function invoiceSection(invoice: Gstr1Invoice, stateCode: string): InvoiceSection {
  if (invoice.gstin) return 'b2b';
  if (isInterState(invoice.placeOfSupply, stateCode) && invoice.total > b2clLimit(invoice.date)) return 'b2cl';
  return 'b2cs';
}

/**
 * cdnr: a note to a GSTIN. cdnur: a note to an unregistered buyer, inter-state, where the larger of the note and
 * its invoice is above the B2CL limit (india-compliance `is_b2cl_cn_dn`). Every other note to an unregistered buyer
 * is netted into the B2CS rows of its place of supply and rate.
 */
export function noteSection(note: Gstr1Note, stateCode: string): NoteSection {
  if (note.gstin) return 'cdnr';
  const larger = Math.max(note.total, note.invoice.total);
  if (isInterState(note.placeOfSupply, stateCode) && larger > b2clLimit(note.invoice.date)) return 'cdnur';
  return 'b2cs';
}
