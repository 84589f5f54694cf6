import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestClient, type TestServer } from '../support/test-server';
import { setCompany } from '../support/world';

/*
 * The demo company's own invoices through the three GST formats: each file validates against the project's schema,
 * and its totals equal the posted invoices to the paisa. Hand-worked figures per section are in einvoice.test.ts,
 * eway-bills.test.ts and gstr1.test.ts; this proves the formats hold on the history a new user first sees.
 */
const validator = (file: string) =>
  new Ajv2020({ allErrors: true, strict: true }).compile(
    JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../resources/schemas', file), 'utf8')),
  );
const einvoiceValid = validator('einvoice-1.1.schema.json');
const ewaybillValid = validator('ewaybill-1.0.0621.schema.json');
const gstr1Valid = validator('gstr1.schema.json');
const rupees = (paise: number) => Math.round(paise) / 100;

interface DemoInvoice {
  id: number;
  number: string;
  invoiceDate: string;
  total: number;
  taxable: number;
  cgst: number;
  sgst: number;
  igst: number;
}

let server: TestServer;
let admin: TestClient;
let b2b: DemoInvoice[];

beforeAll(async () => {
  server = await startTestServer({ demo: true, readWorkers: 1 });
  admin = await server.admin();
  b2b = server.ledger.sqlite
    .prepare(
      `SELECT i.id, i.number, i.invoice_date AS invoiceDate, i.total, i.taxable, i.cgst, i.sgst, i.igst
       FROM invoices i JOIN customers c ON c.id = i.customer_id
       WHERE i.status <> 'cancelled' AND c.gstin <> '' ORDER BY i.total DESC LIMIT 5`,
    )
    .all() as DemoInvoice[];
}, 120_000);
afterAll(() => server.close());

describe('the demo company in the GST formats', () => {
  it('has registered buyers to test with', () => {
    expect(b2b.length).toBe(5);
  });

  it('gives each of its largest B2B invoices an e-invoice that validates and carries the invoice totals', async () => {
    for (const invoice of b2b) {
      const json = JSON.parse((await admin.ok('einvoice.export', { type: 'invoice', id: invoice.id })).content);
      expect(einvoiceValid(json), `${invoice.number}: ${JSON.stringify(einvoiceValid.errors)}`).toBe(true);
      expect(json.DocDtls.No).toBe(invoice.number);
      expect(json.ValDtls).toMatchObject({
        AssVal: rupees(invoice.taxable),
        CgstVal: rupees(invoice.cgst),
        SgstVal: rupees(invoice.sgst),
        IgstVal: rupees(invoice.igst),
        TotInvVal: rupees(invoice.total),
      });
    }
  });

  it('gives them an e-way bill file that validates and carries the invoice values', async () => {
    await setCompany(admin, { ewayBillThreshold: 1_00 });
    const { file, included, skipped } = await admin.ok('ewayBills.export', { invoiceIds: b2b.map((i) => i.id) });
    expect(skipped).toEqual([]);
    expect(ewaybillValid(file), JSON.stringify(ewaybillValid.errors)).toBe(true);
    expect(included.map((i: { invoiceNumber: string }) => i.invoiceNumber)).toEqual(b2b.map((i) => i.number));
    for (const invoice of b2b) {
      const bill = file.billLists.find((b: { docNo: string }) => b.docNo === invoice.number);
      expect(bill).toMatchObject({ totInvValue: rupees(invoice.total), totalValue: rupees(invoice.taxable) });
    }
  });

  it('files a GSTR-1 for the month of its largest invoice that validates and agrees with the invoices', async () => {
    const month = b2b[0]!.invoiceDate.slice(0, 7);
    const summary = await admin.ok('gstr1.summary', { month, span: 'month' });
    expect(summary.problems).toEqual([]);
    expect(summary.reconciliation.agrees).toBe(true);
    const exported = await admin.ok('gstr1.export', { month, span: 'month', format: 'json' });
    const json = JSON.parse(Buffer.from(exported.base64, 'base64').toString('utf8'));
    expect(gstr1Valid(json), JSON.stringify(gstr1Valid.errors)).toBe(true);
    const posted = server.ledger.sqlite
      .prepare(
        `SELECT count(*) AS n, coalesce(sum(i.taxable), 0) AS taxable FROM invoices i JOIN customers c ON c.id = i.customer_id
         WHERE i.status <> 'cancelled' AND c.gstin <> '' AND substr(i.invoice_date, 1, 7) = ?`,
      )
      .get(month) as { n: number; taxable: number };
    const filed = (json.b2b ?? []).flatMap((party: { inv: { itms: { itm_det: { txval: number } }[] }[] }) => party.inv);
    expect(filed.length).toBe(posted.n);
    const taxable = filed
      .flatMap((inv: { itms: { itm_det: { txval: number } }[] }) => inv.itms)
      .reduce((sum: number, item: { itm_det: { txval: number } }) => sum + Math.round(item.itm_det.txval * 100), 0);
    expect(taxable).toBe(posted.taxable);
  });
});
