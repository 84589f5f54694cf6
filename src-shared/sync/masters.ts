import { z } from 'zod';
import { basisPoints, code, day, paise, quantity, sku } from './primitives';

/** What HQ publishes to distributors. Each master record has a key (per type) and numbered versions,
 * each valid for a range of business days; the device keeps every version and uses the one valid on the day. */

const product = z
  .object({
    sku,
    name: z.string().min(1).max(200),
    brand: z.string().max(80),
    category: z.string().max(80),
    hsn: z
      .string()
      .regex(/^\d{4,8}$/)
      .describe('HSN code, 4 to 8 digits'),
    gstRateBps: basisPoints.describe('GST rate in basis points'),
    unitName: z.string().min(1).max(20).describe('Base unit, e.g. PCS'),
    unitsPerCase: z.int().min(1).describe('Base units in one case'),
    mrpPaise: paise.describe('Maximum retail price per base unit, in paise'),
    gtin: z
      .string()
      .regex(/^\d{8,14}$/)
      .nullable()
      .describe('Barcode (GTIN), or null'),
    shelfLifeDays: z.int().min(0).nullable(),
  })
  .describe('A product the brand sells to the distributor. Key: sku');

const priceList = z
  .object({
    code,
    name: z.string().min(1).max(120),
    items: z.array(z.object({ sku, ratePaise: paise.describe('Selling rate per base unit, excluding tax') })).min(1),
  })
  .describe('A price list: selling rates per product. Key: price list code');

const schemeRule = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('value'),
    slabs: z
      .array(z.object({ minValuePaise: paise, discountBps: basisPoints.nullable(), flatPaise: paise.nullable() }))
      .min(1),
  }),
  z.object({
    kind: z.literal('volume'),
    skus: z.array(sku).describe('Products whose quantities count together'),
    slabs: z
      .array(z.object({ minQty: quantity, discountBps: basisPoints.nullable(), perUnitPaise: paise.nullable() }))
      .min(1),
  }),
  z.object({
    kind: z.literal('free_goods'),
    buySku: sku,
    buyQty: quantity,
    getSku: sku,
    getQty: quantity,
    repeat: z.boolean().describe('Repeat the reward for every multiple of buyQty'),
  }),
]);

const scheme = z
  .object({
    code,
    name: z.string().min(1).max(120),
    rule: schemeRule,
    customerTypes: z.array(code).describe('Customer types eligible; empty = all'),
    stateCodes: z.array(z.string().regex(/^\d{2}$/)).describe('States eligible; empty = all'),
  })
  .describe("A trade scheme (discount or free goods). Key: scheme code. Its dates are the version's validity");

const customerTypePrice = z
  .object({ customerType: code, sku, ratePaise: paise })
  .describe('A rate for one product for one customer type. Key: "<customerType>:<sku>"');

const primaryShipment = z
  .object({
    brandInvoiceNumber: z.string().min(1).max(40),
    invoiceDate: day,
    distributorCode: code,
    lines: z
      .array(
        z.object({
          sku,
          batchNo: z.string().min(1).max(40),
          mfgDate: day,
          expiryDate: day,
          qty: quantity,
          ratePaise: paise.describe("Brand's rate to the distributor per base unit, excluding tax"),
        }),
      )
      .min(1),
  })
  .describe('Goods the brand invoiced to this distributor, for receiving against. Key: brand invoice number');

export const masterData = {
  product,
  'price-list': priceList,
  scheme,
  'customer-type-price': customerTypePrice,
  'primary-shipment': primaryShipment,
} as const;
export type MasterType = keyof typeof masterData;
export const masterTypes = Object.keys(masterData) as MasterType[];

/** The key a master record is published under, taken from its data. */
export function masterKey(type: MasterType, data: Record<string, unknown>): string {
  switch (type) {
    case 'product':
      return String(data.sku);
    case 'price-list':
    case 'scheme':
      return String(data.code);
    case 'customer-type-price':
      return `${String(data.customerType)}:${String(data.sku)}`;
    case 'primary-shipment':
      return String(data.brandInvoiceNumber);
  }
}

const itemHead = {
  key: z.string().describe("The record's key within its type"),
  version: z.int().min(1).describe('1 for the first publication of this key, then 2, 3…'),
  validFrom: day.describe('First business day this version applies'),
  validTo: day.nullable().describe('Last business day this version applies, or null for open-ended'),
};

export function masterItemOf<T extends MasterType>(type: T) {
  return z
    .object({ masterType: z.literal(type), ...itemHead, data: masterData[type] })
    .describe(masterData[type].description ?? type);
}
export const masterItem = z.discriminatedUnion(
  'masterType',
  masterTypes.map((t) => masterItemOf(t)) as unknown as [
    ReturnType<typeof masterItemOf>,
    ...ReturnType<typeof masterItemOf>[],
  ],
);
export type MasterItem = z.output<typeof masterItem>;
