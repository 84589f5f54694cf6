import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildEwayBill,
  transactionType,
  type EwbInvoice,
  type EwbParty,
  type EwbTransport,
} from '../../../src-main/engine/formats/ewaybill/build-ewaybill';
import { checkEwayBill } from '../../../src-main/engine/formats/ewaybill/check-ewaybill';
import { checkTransit, localStamp, validityDays, validUpto } from '../../../src-main/engine/formats/ewaybill/validity';

const root = path.resolve(__dirname, '../../..');
const sample = JSON.parse(fs.readFileSync(path.join(root, 'tests/fixtures/formats/ewaybill-sample.json'), 'utf8'));
const IST = 'Asia/Kolkata';

const company: EwbParty = {
  name: 'Shree Ganesh Distributors',
  gstin: '27BHPPF1001M1ZG',
  line1: '12, Market Yard Road',
  line2: 'Gultekdi',
  place: 'Pune',
  pincode: '411037',
  stateCode: '27',
};
const laxmi: EwbParty = {
  name: 'Laxmi Kirana Stores',
  gstin: '27CQCPL1002Y1ZE',
  line1: 'Shop 4, College Road',
  line2: '',
  place: 'Nashik',
  pincode: '422005',
  stateCode: '27',
};

/** The invoice worked by hand in docs/formats/EINVOICE.md: 120 biscuits (+12 free) at 18 %, 41 tea at 5 %. */
const invoice = (changes: Partial<EwbInvoice> = {}): EwbInvoice => ({
  number: 'INV/25-26/000123',
  date: '2025-11-14',
  billFrom: company,
  dispatchFrom: company,
  billTo: laxmi,
  shipTo: laxmi,
  placeOfSupply: '27',
  lines: [
    {
      productName: 'Glucose Biscuits',
      productDesc: 'Glucose Biscuits 100 g',
      hsn: '19053100',
      uqc: 'PCS',
      quantity: 120,
      taxable: 2850_00,
      taxRateBps: 1800,
      isFree: false,
    },
    {
      productName: 'Assam Tea',
      productDesc: 'Assam Tea 250 g',
      hsn: '09024020',
      uqc: 'PCS',
      quantity: 41,
      taxable: 2562_50,
      taxRateBps: 500,
      isFree: false,
    },
    {
      productName: 'Glucose Biscuits',
      productDesc: 'Glucose Biscuits 100 g',
      hsn: '19053100',
      uqc: 'PCS',
      quantity: 12,
      taxable: 0,
      taxRateBps: 1800,
      isFree: true,
    },
  ],
  taxable: 5412_50,
  cgst: 320_56,
  sgst: 320_56,
  igst: 0,
  roundOff: 38,
  total: 6054_00,
  ...changes,
});
const transport: EwbTransport = {
  distanceKm: 212,
  transporterId: '27EEEPW1004W1ZQ',
  transporterName: 'Sahyadri Roadways',
  lrNumber: '',
  lrDate: null,
  vehicleNo: 'MH-12-AB-1234',
  vehicleType: 'R',
};

describe('e-way bill builder', () => {
  it('builds the hand-worked sample bill exactly, free biscuits riding with the paid line', () => {
    const bill = buildEwayBill(invoice(), transport);
    expect({ version: '1.0.0621', billLists: [bill] }).toEqual(sample);
    expect(checkEwayBill(bill)).toEqual([]);
  });

  it('an inter-state invoice carries IGST at the full rate and the place of supply as the to-state', () => {
    const delhi: EwbParty = { ...laxmi, gstin: '07AAACR5055K1ZE', place: 'Delhi', pincode: '110001', stateCode: '07' };
    const bill = buildEwayBill(
      invoice({ billTo: delhi, shipTo: delhi, placeOfSupply: '07', cgst: 0, sgst: 0, igst: 641_12 }),
      transport,
    );
    expect(bill).toMatchObject({ toStateCode: 7, actualToStateCode: 7, igstValue: 641.12, cgstValue: 0 });
    expect(bill.itemList.map((i) => [i.igstRate, i.cgstRate, i.sgstRate])).toEqual([
      [18, 0, 0],
      [5, 0, 0],
    ]);
    expect(checkEwayBill(bill)).toEqual([]);
  });

  it.each([
    ['regular', {}, 1],
    ['bill-to-ship-to', { shipTo: { ...laxmi, line1: 'Godown 2, MIDC', pincode: '422010' } }, 2],
    ['bill-from-dispatch-from', { dispatchFrom: { ...company, line1: 'Warehouse, Chakan', pincode: '410501' } }, 3],
    [
      'combination',
      {
        shipTo: { ...laxmi, line1: 'Godown 2, MIDC' },
        dispatchFrom: { ...company, line1: 'Warehouse, Chakan' },
      },
      4,
    ],
  ] as const)('transaction type %s is %d', (_name, parties, type) => {
    expect(transactionType({ ...invoice(), ...parties })).toBe(type);
  });

  it('reads addresses that differ only in case and spacing as the same', () => {
    expect(transactionType({ ...invoice(), shipTo: { ...laxmi, line1: 'shop 4,  college road ' } })).toBe(1);
  });

  it('names the invoice and field the portal would refuse, in the office’s words', () => {
    const bill = buildEwayBill(invoice({ shipTo: { ...laxmi, pincode: '' } }), transport);
    const problems = checkEwayBill(bill);
    expect(problems).toEqual([
      {
        document: 'INV/25-26/000123',
        field: 'toPincode',
        message: 'INV/25-26/000123: toPincode: set a 6-digit PIN on the customer’s ship-to address',
      },
    ]);
  });

  it('refuses totals the portal would refuse: items not adding up, invoice value more than ₹2 short', () => {
    const bill = buildEwayBill(invoice({ taxable: 5412_00, total: 6051_00 }), transport);
    expect(checkEwayBill(bill).map((p) => p.field)).toEqual(['totalValue', 'totInvValue']);
    const withinGrace = buildEwayBill(invoice({ total: 6052_00 }), transport);
    expect(checkEwayBill(withinGrace)).toEqual([]);
  });
});

describe('e-way bill validity (Rule 138(10))', () => {
  it.each([
    [0, 'R', 1],
    [1, 'R', 1],
    [200, 'R', 1],
    [201, 'R', 2],
    [400, 'R', 2],
    [401, 'R', 3],
    [2467, 'R', 13],
    [20, 'O', 1],
    [21, 'O', 2],
    [212, 'O', 11],
  ] as const)('%d km %s: %d day(s)', (km, type, days) => {
    expect(validityDays(km, type)).toBe(days);
  });

  it('runs to 23:59:59 of the last day on the company clock (the portal sandbox: 16 Sep 19:29, 2467 km)', () => {
    const generated = new Date('2022-09-16T13:59:00Z'); // 19:29 IST
    const until = validUpto(generated, 2467, 'R', IST);
    expect(until.toISOString()).toBe('2022-09-29T18:29:59.000Z');
    expect(localStamp(until, IST)).toBe('2022-09-29 23:59');
    // generated a minute before midnight, 200 km: still only to the end of the next day
    expect(localStamp(validUpto(new Date('2025-11-14T18:29:00Z'), 200, 'R', IST), IST)).toBe('2025-11-15 23:59');
  });

  it('is fine, warns of expiry in transit, or refuses once run out', () => {
    const until = new Date('2025-11-15T18:29:59Z'); // 15 Nov 23:59 IST
    const at = (iso: string, km: number) =>
      checkTransit({
        ewayBill: '331001234567',
        validUpto: until,
        now: new Date(iso),
        km,
        vehicleType: 'R',
        timeZone: IST,
      });
    expect(at('2025-11-15T04:30:00Z', 100).status).toBe('ok'); // 10:00 + 12 h on the road: 22:00
    expect(at('2025-11-15T04:30:00Z', 150).status).toBe('expires_in_transit'); // 10:00 + 18 h: 04:00 next day
    const late = at('2025-11-15T04:30:00Z', 300); // 36 h on the road
    expect(late.status).toBe('expires_in_transit');
    expect(late.explanation).toBe(
      'E-way bill 331001234567 runs out at 2025-11-15 23:59, before the goods arrive (300 km)',
    );
    const gone = at('2025-11-15T18:30:00Z', 10);
    expect(gone.status).toBe('expired');
    expect(gone.explanation).toContain('expired at 2025-11-15 23:59');
  });
});
