import { z } from 'zod';

const bps = z.int().min(1, 'Discount must be more than 0%').max(10_000, 'Discount must be at most 100%');
const paise = z.int().min(1);

export const valueSchemeRule = z.object({
  kind: z.literal('value'),
  /** order value ≥ minValue (paise) → discountBps on the order, or a flat amount */
  slabs: z
    .array(
      z
        .object({ minValue: paise, discountBps: bps.optional(), flat: paise.optional() })
        .refine((s) => (s.discountBps === undefined) !== (s.flat === undefined), 'Give either discountBps or flat'),
    )
    .min(1),
});

export const volumeSchemeRule = z.object({
  kind: z.literal('volume'),
  /** which lines count: any of these products, categories or brands (mixed across products) */
  target: z
    .object({
      productIds: z.array(z.int().positive()).default([]),
      categories: z.array(z.string()).default([]),
      brands: z.array(z.string()).default([]),
    })
    .refine(
      (t) => t.productIds.length + t.categories.length + t.brands.length > 0,
      'Name at least one product, category or brand',
    ),
  /** quantity in base units ≥ minQuantity → discountBps on those lines, or perUnit paise off each unit */
  slabs: z
    .array(
      z
        .object({ minQuantity: z.int().min(1), discountBps: bps.optional(), perUnit: paise.optional() })
        .refine(
          (s) => (s.discountBps === undefined) !== (s.perUnit === undefined),
          'Give either discountBps or perUnit',
        ),
    )
    .min(1),
});

export const freeGoodsRule = z.object({
  kind: z.literal('free_goods'),
  buyProductId: z.int().positive(),
  buyQuantity: z.int().min(1),
  /** the same product or another */
  getProductId: z.int().positive(),
  getQuantity: z.int().min(1),
  /** "for every X": repeat the reward for each multiple */
  repeat: z.boolean().default(true),
});

export const schemeRule = z.discriminatedUnion('kind', [valueSchemeRule, volumeSchemeRule, freeGoodsRule]);
export type SchemeRule = z.output<typeof schemeRule>;

export const schemeEligibility = z.object({
  customerIds: z.array(z.int().positive()).default([]),
  customerTypes: z.array(z.string()).default([]),
  stateCodes: z.array(z.string()).default([]),
  districts: z.array(z.string()).default([]),
});
export type SchemeEligibility = z.output<typeof schemeEligibility>;
