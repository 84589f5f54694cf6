import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import schema from '../../../../resources/schemas/einvoice-1.1.schema.json';
import type { EinvoiceJson } from './build-einvoice';
import type { EinvoiceProblem } from './einvoice-types';

/** The total GST rates the IRP's master accepts (EINVOICE.md "Enums"), 40 % since September 2025. */
const GST_RATES = new Set([0, 0.1, 0.25, 1, 1.5, 3, 5, 6, 7.5, 12, 18, 28, 40]);

/** The IRP's tolerance is not published; ERPNext refuses more than ₹1 and so do we (EINVOICE.md "Tolerance"). */
const TOLERANCE_PAISE = 100;

let validate: ValidateFunction | null = null;
function schemaValidator(): ValidateFunction {
  validate ??= new Ajv2020({ allErrors: true, strict: true }).compile(schema);
  return validate;
}

const paise = (rupees: number | undefined) => Math.round((rupees ?? 0) * 100);
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** Ajv's "/ItemList/0/HsnCd" as the field name the rest of Stockist uses: "ItemList.0.HsnCd". */
const fieldOf = (pointer: string) => pointer.replace(/^\//, '').replace(/\//g, '.') || 'Version';

/**
 * Problems with one IRP JSON: first the project's JSON Schema (lengths, patterns, enums), then the portal's
 * arithmetic (EINVOICE.md "Cross-checks"), which a schema cannot express. Empty = fit to offer.
 */
export function checkEinvoice(json: EinvoiceJson): EinvoiceProblem[] {
  const valid = schemaValidator();
  if (!valid(json)) {
    return (valid.errors ?? []).map((e) => ({ field: fieldOf(e.instancePath), message: `${e.message ?? 'invalid'}` }));
  }
  const problems: EinvoiceProblem[] = [];
  const off = (a: number, b: number) => Math.abs(a - b) > TOLERANCE_PAISE;
  const report = (field: string, message: string) => problems.push({ field, message });
  const no: string = json.DocDtls.No;
  if (!/^[a-zA-Z1-9][a-zA-Z0-9/-]{0,15}$/.test(no))
    report('DocDtls.No', 'the number must be at most 16 characters, not starting with 0, / or -');
  const intra = json.SellerDtls.Stcd === json.BuyerDtls.Pos;
  const items = json.ItemList;
  items.forEach((it, i) => {
    const at = `ItemList.${i}`;
    const ass = paise(it.AssAmt);
    if (ass !== paise(it.TotAmt) - paise(it.Discount)) report(`${at}.AssAmt`, 'AssAmt must equal TotAmt − Discount');
    if (!GST_RATES.has(it.GstRt)) report(`${at}.GstRt`, `GST rate ${it.GstRt}% is not one the IRP accepts`);
    const taxes = paise(it.CgstAmt) + paise(it.SgstAmt) + paise(it.IgstAmt);
    if (off(paise(it.TotItemVal), ass + taxes)) report(`${at}.TotItemVal`, 'TotItemVal must equal AssAmt + taxes');
    if (it.Qty > 0 && off(Math.round(it.Qty * it.UnitPrice * 100), paise(it.TotAmt)))
      report(`${at}.TotAmt`, 'TotAmt must equal Qty × UnitPrice');
    // The rate check does not apply to credit and debit notes (NIC's note F).
    if (json.DocDtls.Typ === 'INV') {
      const due = Math.round(ass * it.GstRt) / 100;
      if (intra && (off(paise(it.CgstAmt), due / 2) || off(paise(it.SgstAmt), due / 2)))
        report(`${at}.CgstAmt`, 'CGST and SGST must each be half the GST rate on AssAmt');
      if (!intra && off(paise(it.IgstAmt), due)) report(`${at}.IgstAmt`, 'IGST must be the GST rate on AssAmt');
    }
  });
  const v = json.ValDtls;
  const totals: ['AssVal' | 'CgstVal' | 'SgstVal' | 'IgstVal', number, string][] = [
    ['AssVal', sum(items.map((it) => paise(it.AssAmt))), 'AssAmt'],
    ['CgstVal', sum(items.map((it) => paise(it.CgstAmt))), 'CgstAmt'],
    ['SgstVal', sum(items.map((it) => paise(it.SgstAmt))), 'SgstAmt'],
    ['IgstVal', sum(items.map((it) => paise(it.IgstAmt))), 'IgstAmt'],
  ];
  for (const [field, total, of] of totals)
    if (off(paise(v[field]), total)) report(`ValDtls.${field}`, `${field} must be the sum of the items' ${of}`);
  const invoiceValue =
    paise(v.AssVal) + paise(v.CgstVal) + paise(v.SgstVal) + paise(v.IgstVal) + paise(v.CesVal) + paise(v.StCesVal);
  const expected = invoiceValue + paise(v.OthChrg) - paise(v.Discount) + paise(v.RndOffAmt);
  if (off(paise(v.TotInvVal), expected))
    report('ValDtls.TotInvVal', 'TotInvVal must equal AssVal + taxes + OthChrg − Discount + RndOffAmt');
  return problems;
}
