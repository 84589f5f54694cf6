import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';

/*
 * The project's JSON Schemas for the government formats, each checked against one hand-worked sample
 * (tests/fixtures/formats). The samples' figures are worked out in docs/formats/*.md; the arithmetic
 * checks below are the portal's cross-checks that JSON Schema cannot express.
 */
const root = path.resolve(__dirname, '../../..');
const readJson = (file: string): any => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

function validatorFor(schemaFile: string) {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  return ajv.compile(readJson(schemaFile));
}

const einvoiceValid = validatorFor('resources/schemas/einvoice-1.1.schema.json');
const ewaybillValid = validatorFor('resources/schemas/ewaybill-1.0.0621.schema.json');
const gstr1Valid = validatorFor('resources/schemas/gstr1.schema.json');

const einvoice = () => readJson('tests/fixtures/formats/einvoice-sample.json');
const ewaybill = () => readJson('tests/fixtures/formats/ewaybill-sample.json');
const gstr1 = () => readJson('tests/fixtures/formats/gstr1-sample.json');

/** Rupees with up to 2 decimals → integer paise, refusing anything finer (the formats carry 2 decimals). */
function paise(rupees: number): number {
  const p = Math.round(rupees * 100);
  expect(Math.abs(p - rupees * 100)).toBeLessThan(1e-6);
  return p;
}
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('e-invoice schema 1.1', () => {
  it('accepts the hand-worked sample', () => {
    expect(einvoiceValid(einvoice()), JSON.stringify(einvoiceValid.errors)).toBe(true);
  });

  it.each(['0123', '/INV/1', '-INV1', 'INV/25-26/0001234', 'INV 25'])('refuses document number %s', (no) => {
    const doc = einvoice();
    doc.DocDtls.No = no;
    expect(einvoiceValid(doc)).toBe(false);
    expect(einvoiceValid.errors!.some((e) => e.instancePath === '/DocDtls/No')).toBe(true);
  });

  it('refuses a rate the IRP does not know, a unit outside the UQC list and an ISO date', () => {
    const doc = einvoice();
    doc.ItemList[0].GstRt = 17;
    doc.ItemList[1].Unit = 'PIECE';
    doc.DocDtls.Dt = '2025-11-14';
    expect(einvoiceValid(doc)).toBe(false);
    const paths = einvoiceValid.errors!.map((e) => e.instancePath);
    expect(paths).toEqual(expect.arrayContaining(['/ItemList/0/GstRt', '/ItemList/1/Unit', '/DocDtls/Dt']));
  });

  it('refuses a missing place of supply and a PIN sent as text', () => {
    const doc = einvoice();
    delete doc.BuyerDtls.Pos;
    doc.SellerDtls.Pin = '411037';
    expect(einvoiceValid(doc)).toBe(false);
    const paths = einvoiceValid.errors!.map((e) => `${e.instancePath} ${e.keyword}`);
    expect(paths).toEqual(expect.arrayContaining(['/BuyerDtls required', '/SellerDtls/Pin type']));
  });

  it("the sample's figures pass the portal's cross-checks exactly", () => {
    const doc = einvoice();
    for (const item of doc.ItemList) {
      expect(paise(item.TotAmt)).toBe(Math.round(item.UnitPrice * item.Qty * 100));
      expect(paise(item.AssAmt)).toBe(paise(item.TotAmt) - paise(item.Discount));
      const tax = Math.round((paise(item.AssAmt) * item.GstRt) / 100);
      expect(paise(item.CgstAmt) + paise(item.SgstAmt) + paise(item.IgstAmt)).toBeGreaterThanOrEqual(tax - 1);
      const itemTotal = ['AssAmt', 'CgstAmt', 'SgstAmt', 'IgstAmt', 'CesAmt', 'CesNonAdvlAmt', 'OthChrg'];
      expect(paise(item.TotItemVal)).toBe(sum(itemTotal.map((k) => paise(item[k] ?? 0))));
    }
    const v = doc.ValDtls;
    const itemSum = (k: string) => sum(doc.ItemList.map((i: any) => paise(i[k])));
    expect(paise(v.AssVal)).toBe(itemSum('AssAmt'));
    expect(paise(v.CgstVal)).toBe(itemSum('CgstAmt'));
    expect(paise(v.SgstVal)).toBe(itemSum('SgstAmt'));
    expect(paise(v.IgstVal)).toBe(itemSum('IgstAmt'));
    const invoiceTotal =
      paise(v.AssVal) + paise(v.CgstVal) + paise(v.SgstVal) + paise(v.IgstVal) + paise(v.CesVal) + paise(v.OthChrg);
    expect(paise(v.TotInvVal)).toBe(invoiceTotal - paise(v.Discount) + paise(v.RndOffAmt));
  });
});

describe('e-way bill bulk JSON 1.0.0621', () => {
  it('accepts the sample, which carries the same invoice as the e-invoice sample', () => {
    const file = ewaybill();
    expect(ewaybillValid(file), JSON.stringify(ewaybillValid.errors)).toBe(true);
    const bill = file.billLists[0];
    const inv = einvoice();
    expect(bill.docNo).toBe(inv.DocDtls.No);
    expect(paise(bill.totalValue)).toBe(paise(inv.ValDtls.AssVal));
    expect(paise(bill.OthValue)).toBe(paise(inv.ValDtls.RndOffAmt));
    expect(paise(bill.totInvValue)).toBe(paise(inv.ValDtls.TotInvVal));
    expect(sum(bill.itemList.map((i: any) => paise(i.taxableAmount)))).toBe(paise(bill.totalValue));
    // same bill-to/ship-to and bill-from/dispatch-from: a regular transaction
    expect(bill.transType).toBe(1);
    expect(bill.itemList[1].hsnCode).toBe('09024020');
  });

  it('refuses an unknown transaction type, a distance over 4000 km and an over-long document number', () => {
    const file = ewaybill();
    file.billLists[0].transType = 5;
    file.billLists[0].transDistance = 4001;
    file.billLists[0].docNo = 'INV/25-26/0001234';
    expect(ewaybillValid(file)).toBe(false);
    const paths = ewaybillValid.errors!.map((e) => e.instancePath);
    expect(paths).toEqual(
      expect.arrayContaining(['/billLists/0/transType', '/billLists/0/transDistance', '/billLists/0/docNo']),
    );
  });
});

describe('GSTR-1 offline-tool JSON', () => {
  it('accepts the sample, whose B2B invoice is the e-invoice sample', () => {
    const file = gstr1();
    expect(gstr1Valid(file), JSON.stringify(gstr1Valid.errors)).toBe(true);
    const inv = file.b2b[0].inv[0];
    const einv = einvoice();
    expect(inv.inum).toBe(einv.DocDtls.No);
    expect(paise(inv.val)).toBe(paise(einv.ValDtls.TotInvVal));
    expect(sum(inv.itms.map((i: any) => paise(i.itm_det.txval)))).toBe(paise(einv.ValDtls.AssVal));
  });

  it('counts documents as issued minus cancelled, and HSN B2B rows net of the B2B credit notes', () => {
    const file = gstr1();
    for (const nature of file.doc_issue.doc_det) {
      for (const d of nature.docs) expect(d.net_issue).toBe(d.totnum - d.cancel);
    }
    const b2bTaxable = sum(
      file.b2b.flatMap((c: any) => c.inv.flatMap((i: any) => i.itms)).map((i: any) => paise(i.itm_det.txval)),
    );
    const notesTaxable = sum(
      file.cdnr.flatMap((c: any) => c.nt.flatMap((n: any) => n.itms)).map((i: any) => paise(i.itm_det.txval)),
    );
    expect(sum(file.hsn.hsn_b2b.map((r: any) => paise(r.txval)))).toBe(b2bTaxable - notesTaxable);
  });

  it('refuses a period written as a date, an unknown B2CS type and the pre-2025 single HSN list', () => {
    const file = gstr1();
    file.fp = '2025-11';
    file.b2cs[0].typ = 'B2C';
    file.hsn = { data: file.hsn.hsn_b2b };
    expect(gstr1Valid(file)).toBe(false);
    const paths = gstr1Valid.errors!.map((e) => e.instancePath);
    expect(paths).toEqual(expect.arrayContaining(['/fp', '/b2cs/0/typ', '/hsn']));
  });
});
