/** Plain data a service reads for one document; the builder turns it into IRP JSON v1.1 (no SQLite here). */

export interface EinvoiceAddress {
  name: string;
  gstin: string;
  line1: string;
  line2: string;
  city: string;
  pincode: string;
  stateCode: string;
  phone?: string;
  email?: string;
}

export interface EinvoiceLine {
  productName: string;
  hsn: string;
  /** base units billed (for a credit note: returned; 0 for a price difference) */
  quantity: number;
  /** the product's UQC, null when neither the product nor its unit name gives one */
  uqc: string | null;
  /** paise per base unit before tax; null when the line carries no price of its own (a credit note's) */
  unitPrice: number | null;
  gross: number;
  discount: number;
  taxable: number;
  taxRateBps: number;
  cgst: number;
  sgst: number;
  igst: number;
  total: number;
  isFree: boolean;
  /** a charge billed as a service (freight, SAC 99…): IsServc Y, no batch; productId 0 */
  isService?: boolean;
  /** same product and batch: free units fold into the paid line's FreeQty */
  productId: number;
  batchNo: string;
  expiresOn: string | null;
}

export interface EinvoiceTransport {
  transporterName: string;
  vehicleNo: string;
  lrNumber: string;
  lrDate: string | null;
}

export interface EinvoiceDocument {
  type: 'INV' | 'CRN';
  number: string;
  /** business date, yyyy-mm-dd */
  date: string;
  seller: EinvoiceAddress;
  buyer: EinvoiceAddress;
  placeOfSupply: string;
  /** the warehouse goods left from, when it is not the seller's address */
  dispatchFrom: (EinvoiceAddress & { name: string }) | null;
  /** the delivery address, when it is not the buyer's bill-to address */
  shipTo: EinvoiceAddress | null;
  lines: EinvoiceLine[];
  totals: { taxable: number; cgst: number; sgst: number; igst: number; roundOff: number; total: number };
  /** a credit note's original invoice */
  reference: { number: string; date: string } | null;
  transport: EinvoiceTransport | null;
}

/** Where a document's problem is: the document's number and the IRP field ("ItemList.1.HsnCd"). */
export interface EinvoiceProblem {
  field: string;
  message: string;
}
