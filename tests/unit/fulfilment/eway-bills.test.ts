import { describe, expect, it } from 'vitest';
import { decideEwayBills, type Consignment } from '../../../src-main/engine/fulfilment/eway-bills';

const note = (id: number, invoiceValue: number | null): Consignment => ({
  deliveryNoteId: id,
  number: `DN-${id}`,
  invoiceNumber: invoiceValue === null ? null : `INV-${id}`,
  invoiceValue,
});
const limit = 50_000_00;

describe('decideEwayBills', () => {
  it('asks nothing at or below the limit and explains why', () => {
    const { decisions, refusal } = decideEwayBills([note(1, limit - 1), note(2, limit)], {}, limit);
    expect(refusal).toBeNull();
    expect(decisions.map((d) => d.explanation)).toEqual([
      'INV-1 ₹49,999.99 is within the ₹50,000.00 limit: no e-way bill needed',
      'INV-2 ₹50,000.00 is within the ₹50,000.00 limit: no e-way bill needed',
    ]);
  });

  it('needs a number just above the limit, naming the field', () => {
    expect(decideEwayBills([note(7, limit + 1)], {}, limit).refusal).toMatchObject({
      code: 'invalid_input',
      field: 'ewayBills.7.number',
    });
    const ok = decideEwayBills([note(7, limit + 1)], { 7: { number: '341234567890', overrideReason: '' } }, limit);
    expect(ok.decisions[0]).toMatchObject({ ewayBill: '341234567890', override: '' });
  });

  it('takes a stated reason instead, and refuses a token one', () => {
    expect(
      decideEwayBills([note(7, limit + 1)], { 7: { number: '', overrideReason: 'x' } }, limit).refusal,
    ).toMatchObject({ field: 'ewayBills.7.overrideReason' });
    const ok = decideEwayBills([note(7, limit + 1)], { 7: { number: '', overrideReason: ' portal down ' } }, limit);
    expect(ok.decisions[0]).toMatchObject({ ewayBill: '', override: 'portal down' });
  });

  it('refuses an uninvoiced note by its place on the vehicle, and a bill for a note not loaded', () => {
    expect(decideEwayBills([note(1, 100), note(2, null)], {}, limit).refusal).toMatchObject({
      code: 'conflict',
      field: 'deliveryNoteIds.1',
    });
    expect(
      decideEwayBills([note(1, 100)], { 9: { number: '341234567890', overrideReason: '' } }, limit).refusal,
    ).toMatchObject({ field: 'ewayBills.9' });
  });
});
