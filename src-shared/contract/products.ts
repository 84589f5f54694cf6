import { z } from 'zod';
import { barcodeProblem } from '../gtin';
import { isUqc } from '../uqc';
import { operation } from './define';
import {
  code,
  id,
  idInput,
  importInput,
  importResult,
  keysetOutput,
  keysetPage,
  money,
  page,
  requiredText,
  text,
} from './common';

export const productStatus = z.enum(['active', 'inactive'], 'Status must be active or inactive');

const unitName = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9 ]{0,15}$/, 'Unit must be a short name such as case or box');

export const pack = z.object({
  unit: unitName,
  factor: z
    .int('Pack size must be a whole number of base units')
    .min(2, 'A pack holds at least 2 base units')
    .max(100_000),
});

export const barcode = z.object({
  code: z
    .string()
    .trim()
    .superRefine((v, ctx) => {
      const problem = barcodeProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  /** Which unit a scan of this code means: a case barcode counts a whole case. */
  unit: z.string().trim().toLowerCase().default(''),
});

/** The licence a buyer must hold to be billed the product. */
export const productLicence = z.enum(['none', 'drug', 'food'], 'Licence must be none, drug or food');

export const productFields = z
  .object({
    sku: code('SKU'),
    name: requiredText('Name', 160),
    brand: text(60),
    category: text(60),
    hsn: z
      .string()
      .trim()
      .refine((v) => v === '' || /^(\d{4}|\d{6}|\d{8})$/.test(v), { message: 'HSN code must be 4, 6 or 8 digits' })
      .default(''),
    taxRate: z
      .int('Tax rate must be whole basis points (18% = 1800)')
      .min(0, 'Tax rate cannot be negative')
      .max(10_000, 'Tax rate must be at most 100%')
      .default(0),
    mrp: money('MRP').default(0),
    price: money('Selling price').default(0),
    licence: productLicence.default('none'),
    baseUnit: unitName.default('pc'),
    /** GST unit code for e-invoice, e-way bill and GSTR-1; empty = the usual code for the base unit. */
    uqc: z
      .string()
      .trim()
      .toUpperCase()
      .refine((v): boolean => v === '' || isUqc(v), { message: 'UQC must be a GST unit code such as PCS, BOX or KGS' })
      .default(''),
    packs: z.array(pack).max(10).default([]),
    barcodes: z.array(barcode).max(20).default([]),
    batchTracked: z.boolean().default(true),
    shelfLifeDays: z.int().min(0).max(36_500).default(0),
    rackLocation: text(20),
    status: productStatus.default('active'),
  })
  .superRefine((p, ctx) => {
    if (p.mrp > 0 && p.price > p.mrp)
      ctx.addIssue({ code: 'custom', path: ['price'], message: 'Selling price cannot be above MRP' });
    const units = new Set([p.baseUnit]);
    p.packs.forEach((pk, i) => {
      if (units.has(pk.unit))
        ctx.addIssue({ code: 'custom', path: ['packs', i, 'unit'], message: `Unit ${pk.unit} is listed twice` });
      units.add(pk.unit);
    });
    const codes = new Set<string>();
    p.barcodes.forEach((b, i) => {
      if (codes.has(b.code))
        ctx.addIssue({ code: 'custom', path: ['barcodes', i, 'code'], message: `Barcode ${b.code} is listed twice` });
      codes.add(b.code);
      if (b.unit && !units.has(b.unit))
        ctx.addIssue({
          code: 'custom',
          path: ['barcodes', i, 'unit'],
          message: `Unit ${b.unit} is not one of this product's units`,
        });
    });
  });
export type ProductFields = z.input<typeof productFields>;

export const product = z.object({
  id,
  sku: z.string(),
  name: z.string(),
  brand: z.string(),
  category: z.string(),
  hsn: z.string(),
  taxRate: z.int(),
  mrp: z.int(),
  price: z.int(),
  licence: productLicence,
  baseUnit: z.string(),
  uqc: z.string(),
  packs: z.array(pack),
  barcodes: z.array(z.object({ code: z.string(), unit: z.string() })),
  batchTracked: z.boolean(),
  shelfLifeDays: z.int(),
  rackLocation: z.string(),
  status: productStatus,
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Product = z.output<typeof product>;

export const productRow = product
  .pick({
    id: true,
    sku: true,
    name: true,
    brand: true,
    category: true,
    hsn: true,
    taxRate: true,
    mrp: true,
    price: true,
    baseUnit: true,
    status: true,
  })
  .extend({
    barcode: z.string(),
    packs: z.string(),
    /** on hand less reserved, in base units, over every warehouse: what a picker's suggestion shows */
    free: z.int(),
  });
export type ProductRow = z.output<typeof productRow>;

export const productOperations = {
  'products.list': operation({
    summary:
      'Products matching a name fragment, SKU or barcode, and filters; one page with the total. Page on with `after: next` (or back with `before: prev`).',
    access: 'products.read',
    kind: 'read',
    input: z.object({
      ...page,
      brand: z.string().trim().default(''),
      category: z.string().trim().default(''),
      status: productStatus.or(z.literal('')).default(''),
      sort: z.enum(['sku', 'name', 'brand', 'category', 'price', 'mrp']).default('name'),
      ...keysetPage,
    }),
    output: z.object({ rows: z.array(productRow), total: z.int(), ...keysetOutput }),
  }),
  'products.get': operation({
    summary: 'One product with packs and barcodes.',
    access: 'products.read',
    kind: 'read',
    input: idInput,
    output: product,
  }),
  'products.findByBarcode': operation({
    summary:
      'The product a scanned barcode belongs to, and which unit the code counts (EAN-13 and GTIN-14 forms match).',
    access: 'products.read',
    kind: 'read',
    input: z.object({ barcode: z.string().trim().min(1, 'Barcode is required').max(64) }),
    output: z.object({ product, unit: z.string(), factor: z.int() }),
  }),
  'products.create': operation({
    summary: 'Adds a product. SKU and each barcode must be unique.',
    access: 'products.write',
    kind: 'write',
    input: productFields,
    output: product,
  }),
  'products.update': operation({
    summary: 'Changes a product; `version` must be the one read.',
    access: 'products.write',
    kind: 'write',
    input: z.intersection(productFields, z.object({ id, version: z.int() })),
    output: product,
  }),
  'products.import': operation({
    summary: 'Imports products from CSV (packs as "case=24;box=6", barcodes as "890…;890…").',
    access: 'products.write',
    kind: 'write',
    input: importInput,
    output: importResult,
  }),
  'products.facets': operation({
    summary: 'Brands and categories in use, for filters and pick lists.',
    access: 'products.read',
    kind: 'read',
    input: z.object({}),
    output: z.object({ brands: z.array(z.string()), categories: z.array(z.string()) }),
  }),
};
