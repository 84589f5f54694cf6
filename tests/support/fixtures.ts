import type { InputOf } from '../../src-shared/contract';

export function retailer(overrides: Partial<InputOf<'customers.create'>> = {}): InputOf<'customers.create'> {
  return {
    code: 'RT0001',
    name: 'Sharma Traders',
    type: 'retailer',
    phone: '9822012345',
    gstin: '27AAPFU0939F1ZV',
    billTo: { line1: 'Shop 4, Market Yard', city: 'Pune', district: 'Pune', stateCode: '27', pincode: '411037' },
    creditLimit: 50_000_00,
    paymentTermsDays: 15,
    ...overrides,
  };
}

export function biscuit(overrides: Partial<InputOf<'products.create'>> = {}): InputOf<'products.create'> {
  return {
    sku: 'SUN-0001',
    name: 'Sunrise Glucose Biscuit 150 g',
    brand: 'Sunrise',
    category: 'Biscuits',
    hsn: '19053100',
    taxRate: 1800,
    mrp: 2000,
    price: 1600,
    packs: [{ unit: 'case', factor: 48 }],
    barcodes: [{ code: '8901063010215' }],
    ...overrides,
  };
}
