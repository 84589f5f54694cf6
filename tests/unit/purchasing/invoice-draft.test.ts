import { describe, expect, it } from 'vitest';
import {
  buildInvoice,
  type DraftHead,
  type DraftLine,
} from '../../../src-renderer/src/screens/purchasing/invoice-draft';

const head: DraftHead = {
  supplierId: 3,
  supplierInvoiceNo: 'CB/24/0917',
  invoiceDate: '2026-11-23',
  warehouseId: 2,
  purchaseOrderId: 7,
  freightText: '240',
  otherText: '',
};
const line = (patch: Partial<DraftLine> = {}): DraftLine => ({
  productId: 11,
  sku: 'KES-0001',
  name: 'Kesar Turmeric',
  batchNo: 'CB2411',
  manufacturedOn: '',
  expiresOn: '2027-10-31',
  mrpText: '120',
  qtyText: '120',
  freeText: '',
  rateText: '86.00',
  discText: '2.5',
  ...patch,
});

describe('the purchase invoice as typed, turned into the API input', () => {
  it('reads rupees as paise, per cent as basis points and blanks as nothing', () => {
    const built = buildInvoice(head, [line()]);
    expect(built).toEqual({
      ok: true,
      input: expect.objectContaining({
        freight: 24_000,
        otherCharges: 0,
        purchaseOrderId: 7,
        lines: [
          {
            productId: 11,
            batchNo: 'CB2411',
            manufacturedOn: null,
            expiresOn: '2027-10-31',
            mrp: 12_000,
            quantity: 120,
            freeQuantity: 0,
            rate: 8_600,
            discountBps: 250,
            discountAmount: 0,
          },
        ],
      }),
    });
  });

  it('names the first box it cannot read the way the API names fields', () => {
    expect(buildInvoice(head, [line(), line({ rateText: '86,5x' })])).toMatchObject({
      ok: false,
      field: 'lines.1.rate',
    });
    expect(buildInvoice(head, [line({ qtyText: '3c' })])).toMatchObject({ ok: false, field: 'lines.0.quantity' });
    expect(buildInvoice(head, [line({ discText: '2.555' })])).toMatchObject({
      ok: false,
      field: 'lines.0.discountBps',
    });
    expect(buildInvoice({ ...head, freightText: 'two hundred' }, [line()])).toMatchObject({
      ok: false,
      field: 'freight',
    });
  });
});
