/**
 * What the GSTR-1 rules are handed: plain data read from the ledger for one return period, in paise and base
 * units. No SQLite here; the reader (read-gstr1.ts) fills it, tests build it by hand.
 */

/** One line of an invoice or credit note, with its tax already split into heads. */
export interface Gstr1Line {
  hsn: string;
  /** the product's name: the HSN summary's description (cut to 30) */
  description: string;
  /** the unit quantity code the return wants (PCS, KGS, …) */
  uqc: string;
  rateBps: number;
  /** base units supplied (free goods included); on a price-difference note 0 */
  quantity: number;
  taxable: number;
  cgst: number;
  sgst: number;
  igst: number;
  /** free goods under a scheme: no value, but the units count in the HSN summary */
  isFree: boolean;
}

/** The header figures as posted: the reconciliation holds the lines to them. */
export interface Gstr1Figures {
  taxable: number;
  cgst: number;
  sgst: number;
  igst: number;
  /** the document's value with round-off: the return's `val` */
  total: number;
}

export interface Gstr1Invoice extends Gstr1Figures {
  number: string;
  /** ISO business date */
  date: string;
  cancelled: boolean;
  /** the buyer's GSTIN, '' for an unregistered buyer */
  gstin: string;
  /** two-digit state code */
  placeOfSupply: string;
  lines: Gstr1Line[];
}

export interface Gstr1Note extends Gstr1Figures {
  number: string;
  date: string;
  gstin: string;
  placeOfSupply: string;
  /** the invoice the note is against: its value decides whether an unregistered buyer's note is B2CL-sized */
  invoice: { number: string; date: string; total: number };
  lines: Gstr1Line[];
}

export interface Gstr1Source {
  gstin: string;
  /** the company's state: a place of supply equal to it is an intra-state supply */
  stateCode: string;
  /** return period MMYYYY (a quarter's last month for quarterly filers) */
  fp: string;
  /** the offline tool's version the file is written for */
  version: string;
  invoices: Gstr1Invoice[];
  notes: Gstr1Note[];
}
