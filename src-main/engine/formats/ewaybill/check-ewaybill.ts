import fs from 'node:fs';
import path from 'node:path';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import { resourcesDir } from '../../../paths/resources-path';
import { EWAY_BILL_VERSION, type EwayBillJson } from './build-ewaybill';

export interface EwbProblem {
  /** the invoice number the bill is for */
  document: string;
  /** the bill's field, as the portal names it */
  field: string;
  message: string;
}

let compiled: ValidateFunction | null = null;
function schemaCheck(): ValidateFunction {
  if (!compiled) {
    const file = path.join(resourcesDir(), 'schemas', `ewaybill-${EWAY_BILL_VERSION}.schema.json`);
    compiled = new Ajv2020({ allErrors: true, strict: true }).compile(JSON.parse(fs.readFileSync(file, 'utf8')));
  }
  return compiled;
}

/** What to fix in Stockist, in the office's words, for the fields a schema error usually comes from. */
const HINTS: Record<string, string> = {
  fromPincode: 'set a 6-digit PIN on the warehouse the goods leave from',
  toPincode: 'set a 6-digit PIN on the customer’s ship-to address',
  fromGstin: 'set the company GSTIN',
  userGstin: 'set the company GSTIN',
  toGstin: 'the customer’s GSTIN is not a valid GSTIN',
  docNo: 'the portal takes at most 16 letters, digits, - and /',
  vehicleNo: 'a vehicle number is 7 to 15 letters and digits',
  transDocNo: 'the LR number takes at most 15 letters, digits, - and /',
  transporterId: 'the transporter id is a 15-character GSTIN or TRANSIN',
  hsnCode: 'set a 4, 6 or 8-digit HSN on the product',
  mainHsnCode: 'set a 4, 6 or 8-digit HSN on the product',
  qtyUnit: 'the product’s unit has no GST unit code (UQC)',
  fromStateCode: 'set the company’s state',
  toStateCode: 'the invoice has no place of supply',
  transDistance: 'the distance is 0 to 4000 km',
};

function describe(document: string, e: ErrorObject, bill: EwayBillJson): EwbProblem {
  const parts = e.instancePath.split('/').filter(Boolean);
  const field = parts.filter((p) => !/^\d+$/.test(p)).pop() ?? 'bill';
  const item = parts[0] === 'itemList' ? bill.itemList[Number(parts[1])] : undefined;
  const where = item ? ` (item ${item.itemNo}, ${item.productName})` : '';
  const hint = HINTS[field] ?? e.message ?? 'is not accepted';
  return { document, field: parts.join('.') || 'bill', message: `${document}: ${field}${where}: ${hint}` };
}

/**
 * Every problem the portal would refuse a bill for, before the file is offered: the project's JSON Schema, then the
 * portal's arithmetic, which a schema cannot express — taxable value = the sum of the items' taxable amounts, and the
 * invoice value no more than ₹2 below taxable + taxes + other value (E5 in docs/formats/EWAYBILL.md).
 */
export function checkEwayBill(bill: EwayBillJson): EwbProblem[] {
  const document = bill.docNo;
  const validate = schemaCheck();
  const file = { version: EWAY_BILL_VERSION, billLists: [bill] };
  const problems: EwbProblem[] = [];
  if (!validate(file)) {
    for (const e of validate.errors ?? []) {
      const p = describe(document, { ...e, instancePath: e.instancePath.replace(/^\/billLists\/0/, '') }, bill);
      if (!problems.some((q) => q.field === p.field)) problems.push(p);
    }
  }
  const paise = (r: number) => Math.round(r * 100);
  const itemsTaxable = bill.itemList.reduce((s, i) => s + paise(i.taxableAmount), 0);
  if (itemsTaxable !== paise(bill.totalValue))
    problems.push({
      document,
      field: 'totalValue',
      message: `${document}: taxable value ${bill.totalValue} is not the sum of its items (${itemsTaxable / 100})`,
    });
  const parts = [bill.totalValue, bill.cgstValue, bill.sgstValue, bill.igstValue, bill.cessValue, bill.OthValue];
  const worked = parts.reduce((s, r) => s + paise(r), 0) + paise(bill.TotNonAdvolVal);
  if (worked - paise(bill.totInvValue) > 200)
    problems.push({
      document,
      field: 'totInvValue',
      message: `${document}: invoice value ${bill.totInvValue} is more than ₹2 below taxable + taxes (${worked / 100})`,
    });
  return problems;
}
