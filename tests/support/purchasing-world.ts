import { gstinCheckChar } from '../../src-shared/gstin';
import type { TestClient } from './test-server';
import { biscuit } from './fixtures';

export interface BuyingWorld {
  /** Pune (27) */
  warehouseId: number;
  /** the brand in Maharashtra (27): CGST+SGST on its invoices to Pune */
  local: number;
  /** a principal in Karnataka (29): IGST */
  karnataka: number;
  glucose: number;
  cream: number;
  tea: number;
}

let seq = 0;

/** A distributor buying: one Pune warehouse, a brand in the same state, one across the border, three products. */
export async function buildBuyingWorld(admin: TestClient, options: { tds194q?: boolean } = {}): Promise<BuyingWorld> {
  const n = ++seq;
  const warehouseId = (
    await admin.ok('warehouses.create', { code: `BUY${n}`, name: `Buying ${n}`, address: { stateCode: '27' } })
  ).id;
  const supplier = (code: string, stateCode: string, gstin: string) =>
    admin.ok('suppliers.create', {
      code: `${code}${n}`,
      name: `${code} ${n} Ltd`,
      gstin,
      stateCode,
      paymentTermsDays: 30,
      tds194q: options.tds194q ?? false,
    });
  const local = (await supplier('SUNRISE', '27', '27AAPFU0939F1ZV')).id;
  const karnataka = (await supplier('MYSORE', '29', `29AAPFU0939F1Z${gstinCheckChar('29AAPFU0939F1Z')}`)).id;
  const product = (sku: string, taxRate: number) =>
    admin.ok('products.create', biscuit({ sku: `${sku}-${n}`, name: `${sku} ${n}`, taxRate, barcodes: [] }));
  return {
    warehouseId,
    local,
    karnataka,
    glucose: (await product('GLU', 1800)).id,
    tea: (await product('TEA', 500)).id,
    cream: (await product('CRM', 1800)).id,
  };
}

/** The hand-worked invoice: three lines, a percentage and a flat discount, free goods, freight and other charges. */
export function handWorkedInvoice(w: BuyingWorld, supplierId: number, supplierInvoiceNo: string) {
  return {
    supplierId,
    supplierInvoiceNo,
    invoiceDate: '2026-11-20',
    warehouseId: w.warehouseId,
    freight: 500_00,
    otherCharges: 12_34,
    lines: [
      // 100 × ₹8.00 = ₹800.00, less 10% = ₹720.00; 10 more free (scheme)
      {
        productId: w.glucose,
        batchNo: 'g1',
        expiresOn: '2027-08-01',
        quantity: 100,
        freeQuantity: 10,
        rate: 8_00,
        discountBps: 1000,
      },
      // 20 × ₹40.00 = ₹800.00, less ₹10.00 flat = ₹790.00
      { productId: w.tea, batchNo: 'T1', expiresOn: '2028-01-01', quantity: 20, rate: 40_00, discountAmount: 10_00 },
      // 7 × ₹13.33 = ₹93.31
      { productId: w.cream, batchNo: 'C1', expiresOn: '2027-06-01', quantity: 7, rate: 13_33 },
    ],
  };
}
