import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tallyMapping } from '../../../src-shared/contract/tally';
import { defaultMapping } from '../../../src-main/engine/formats/tally/tally-mapping';
import { partyLedger } from '../../../src-main/engine/formats/tally/tally-masters';
import {
  creditNoteVoucher,
  receiptVoucher,
  reversalVoucher,
  salesVoucher,
} from '../../../src-main/engine/formats/tally/tally-vouchers';
import { escapeXml, importEnvelope, leaf, node, tallyAmount } from '../../../src-main/engine/formats/tally/tally-xml';
import { parseTally, readVouchers } from '../../support/tally-read';

/*
 * The worked example of docs/formats/TALLY.md, built by the builders and compared, element by element, with the
 * XML written out by hand there (the e-invoice sample: 2850.00 @ 18 % + 2562.50 @ 5 %, round off +0.38).
 */
const doc = fs.readFileSync(path.resolve(__dirname, '../../../docs/formats/TALLY.md'), 'utf8');
const [vouchersXml, mastersXml] = [...doc.matchAll(/```xml\n([\s\S]*?)```/g)].map((m) => m[1]!) as [string, string];

const GSTIN = '27BHPPF1001M1ZG';
const mapping = { ...defaultMapping('Shree Ganesh Distributors') };
mapping.receiptLedgers = { ...mapping.receiptLedgers, upi: 'HDFC Bank' };
const party = 'Laxmi Kirana Stores';

const sale = {
  number: 'INV/25-26/000123',
  date: '2025-11-14',
  party,
  byRate: [
    { rate: 1800, taxable: 2850_00 },
    { rate: 500, taxable: 2562_50 },
  ],
  cgst: 320_56,
  sgst: 320_56,
  igst: 0,
  roundOff: 38,
  total: 6054_00,
  cancelReason: null,
};
const note = {
  number: 'CN/25-26/000007',
  date: '2025-11-20',
  party,
  invoiceNumber: 'INV/25-26/000123',
  reason: 'Return of 24 Glucose Biscuits',
  byRate: [{ rate: 1800, taxable: 570_00 }],
  cgst: 51_30,
  sgst: 51_30,
  igst: 0,
  total: 672_60,
};
const receipt = {
  number: 'RCPT/25-26/000045',
  date: '2025-11-28',
  party,
  mode: 'upi' as const,
  reference: '533112345678',
  amount: 5381_40,
  tds: 0,
  allocations: [{ invoiceNumber: 'INV/25-26/000123', amount: 5381_40 }],
};

describe('Tally vouchers, against the worked example of TALLY.md', () => {
  it('builds the sales voucher, the credit note and the receipt exactly as worked out by hand', () => {
    const built = importEnvelope('Vouchers', 'Shree Ganesh Distributors', [
      salesVoucher(GSTIN, mapping, sale),
      creditNoteVoucher(GSTIN, mapping, note),
      receiptVoucher(GSTIN, mapping, receipt),
    ]);
    expect(readVouchers(vouchersXml).vouchers.map((v) => v.number)).toHaveLength(3);
    expect(parseTally(built)).toEqual(parseTally(vouchersXml));
  });

  it('builds the party ledger master exactly as worked out by hand, apart from the date its details apply from', () => {
    const built = importEnvelope('All Masters', 'Shree Ganesh Distributors', [
      partyLedger({
        ledgerName: party,
        gstin: '27CQCPL1002Y1ZE',
        state: 'Maharashtra',
        addressLines: ['Shop 4, College Road', 'Nashik'],
        pincode: '422005',
      }),
    ]);
    // GST's first day, so older vouchers find the party's GSTIN too; the example used the financial year's.
    expect(parseTally(built)).toEqual(parseTally(mastersXml.replaceAll('20250401', '20170701')));
  });

  it('signs every line the way Tally reads it and balances each voucher to the paisa', () => {
    const reversal = { ...receipt, tds: 5_38, amount: 5376_02, reversedOn: '2025-12-02', reason: 'Cheque returned' };
    const xml = importEnvelope('Vouchers', 'X', [
      salesVoucher(GSTIN, mapping, { ...sale, roundOff: -12, total: 6053_50, cgst: 320_56 + 0, sgst: 320_56 }),
      receiptVoucher(GSTIN, mapping, { ...receipt, tds: 5_38, amount: 5376_02 }),
      reversalVoucher(GSTIN, mapping, reversal),
    ]);
    const { vouchers } = readVouchers(xml);
    for (const v of vouchers) {
      expect(v.entries.reduce((s, e) => s + e.amount, 0)).toBe(0);
      for (const e of v.entries) {
        expect(e.deemedPositive).toBe(e.amount < 0);
        for (const b of e.bills) expect(Math.sign(b.amount)).toBe(Math.sign(e.amount));
      }
    }
    // rounded down: Round Off is debited
    expect(vouchers[0]!.entries.find((e) => e.ledger === 'Round Off')).toMatchObject({
      amount: -12,
      deemedPositive: true,
    });
    // TDS the buyer kept is a debit to TDS Receivable; the party is credited with money + TDS
    expect(vouchers[1]!.entries.map((e) => [e.ledger, e.amount])).toEqual([
      [party, 5381_40],
      ['HDFC Bank', -5376_02],
      ['TDS Receivable', -5_38],
    ]);
    // the bounced cheque debits the party back against the same bill, on the day it was reversed
    expect(vouchers[2]!).toMatchObject({ type: 'Payment', number: 'RCPT/25-26/000045/REV', date: '20251202' });
    expect(vouchers[2]!.entries[0]!.bills).toEqual([{ name: 'INV/25-26/000123', type: 'Agst Ref', amount: -5381_40 }]);
  });

  it('sends a cancelled invoice as a cancelled voucher with the same identity and no amounts', () => {
    const xml = importEnvelope('Vouchers', 'X', [
      salesVoucher(GSTIN, mapping, { ...sale, cancelReason: 'Wrong party' }),
    ]);
    const v = readVouchers(xml).vouchers[0]!;
    expect(v).toMatchObject({ cancelled: true, guid: `stockist-${GSTIN}-INV-25-26-000123`, entries: [] });
    expect(v.remoteId).toBe(v.guid);
  });

  it('refuses a voucher whose lines do not add up, rather than sending Tally a wrong one', () => {
    expect(() => salesVoucher(GSTIN, mapping, { ...sale, total: 6055_00 })).toThrow(/does not balance.*100 paise/);
  });

  it('puts an unallocated part of a receipt On Account', () => {
    const xml = importEnvelope('Vouchers', 'X', [receiptVoucher(GSTIN, mapping, { ...receipt, amount: 6000_00 })]);
    expect(readVouchers(xml).vouchers[0]!.entries[0]!.bills).toEqual([
      { name: 'INV/25-26/000123', type: 'Agst Ref', amount: 5381_40 },
      { name: null, type: 'On Account', amount: 618_60 },
    ]);
  });
});

describe('XML text', () => {
  it('round-trips names with &, <, quotes and Indian scripts, as ASCII', () => {
    const name = `Laxmi & Sons <Kirana> "Best" 'Deals' — लक्ष्मी किराना`;
    const xml = importEnvelope('All Masters', name, [node('LEDGER', [leaf('NAME', name)], { NAME: name })]);
    expect([...xml].every((ch) => ch === '\t' || ch === '\r' || ch === '\n' || (ch >= ' ' && ch <= '~'))).toBe(true);
    const back = parseTally(xml).ENVELOPE.BODY.IMPORTDATA;
    expect(back.REQUESTDESC.STATICVARIABLES.SVCURRENTCOMPANY).toBe(name);
    expect(back.REQUESTDATA.TALLYMESSAGE[0].LEDGER[0]).toEqual({ NAME: name, '@NAME': name });
  });

  it('drops control characters XML cannot carry', () => {
    expect(escapeXml('a\u0001b\u0008c\td')).toBe('abc\td');
  });

  it('writes paise as rupees with two decimals and the sign', () => {
    expect([605400, -605400, 38, -5, 0].map(tallyAmount)).toEqual(['6054.00', '-6054.00', '0.38', '-0.05', '0.00']);
  });
});

describe('the mapping', () => {
  const errors = (m: unknown) =>
    tallyMapping.safeParse(m).error?.issues.map((i) => [i.path.join('.'), i.message]) ?? [];

  it('accepts the defaults', () => {
    expect(errors(defaultMapping('Shree Ganesh Distributors'))).toEqual([]);
  });

  it('names the field of an empty, long, repeated or shared ledger name', () => {
    const m = defaultMapping('Shree Ganesh');
    expect(errors({ ...m, cgst: '  ' })).toEqual([['cgst', 'Output CGST ledger is required']]);
    expect(errors({ ...m, roundOff: 'R'.repeat(100) })[0]![0]).toBe('roundOff');
    expect(errors({ ...m, sgst: 'output cgst' })).toEqual([
      ['sgst', 'The SGST ledger must differ from the CGST ledger'],
    ]);
    expect(errors({ ...m, salesLedgers: [...m.salesLedgers, { rate: 1800, ledger: 'Sales' }] })).toEqual([
      ['salesLedgers.5.rate', 'Each GST rate may be listed once'],
    ]);
    expect(errors({ ...m, receiptLedgers: { ...m.receiptLedgers, upi: 'Bank\nX' } })[0]![0]).toBe('receiptLedgers.upi');
  });
});
