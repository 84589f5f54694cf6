import { priceListInput, schemeInput } from '../../../src-shared/contract/pricing';
import { businessToday } from '../business-date';
import type { EngineContext } from '../context';
import { addDays } from '../../../src-shared/dates';
import { createPriceList } from '../pricing/price-list-service';
import { createScheme } from '../schemes/scheme-service';

/**
 * The demo's trade terms, added after its history so the six weeks of orders keep their prices:
 * a distributor price list (list price less 4%), a Karnataka retailer list, an order-value
 * scheme, a volume scheme on a brand and a buy-12-get-1 free-goods scheme.
 */
export function seedDemoPricing(ctx: EngineContext): void {
  const { sqlite } = ctx.ledger;
  const today = businessToday(ctx);
  const products = sqlite
    .prepare("SELECT id, brand, category, price FROM products WHERE status = 'active' ORDER BY id")
    .all() as {
    id: number;
    brand: string;
    category: string;
    price: number;
  }[];
  if (products.length === 0) return;
  const less = (price: number, bps: number) => Math.max(1, price - Math.round((price * bps) / 10_000));
  createPriceList(
    ctx,
    priceListInput.parse({
      name: 'Distributor price',
      scope: 'type',
      customerType: 'distributor',
      items: products.map((p) => ({ productId: p.id, price: less(p.price, 400) })),
    }),
  );
  const staples = products.filter((p) => p.category === 'Staples' || p.category === 'Spices');
  createPriceList(
    ctx,
    priceListInput.parse({
      name: 'Karnataka retail, staples',
      scope: 'type_geography',
      customerType: 'retailer',
      stateCode: '29',
      items: (staples.length ? staples : products.slice(0, 10)).flatMap((p) => [
        { productId: p.id, minQuantity: 1, price: less(p.price, 150) },
        { productId: p.id, minQuantity: 48, price: less(p.price, 300) },
      ]),
      validFrom: addDays(today, -30),
    }),
  );
  createScheme(
    ctx,
    schemeInput.parse({
      code: 'BIGORDER',
      name: 'Order above ₹25,000: 2% off',
      rule: {
        kind: 'value',
        slabs: [
          { minValue: 25_000_00, discountBps: 200 },
          { minValue: 1_00_000_00, discountBps: 300 },
        ],
      },
      validFrom: addDays(today, -7),
      validTo: addDays(today, 83),
    }),
  );
  const brand = products[0]!.brand;
  createScheme(
    ctx,
    schemeInput.parse({
      code: 'VOL-BRAND',
      name: `${brand}: 5% off 10 cases or more`,
      rule: { kind: 'volume', target: { brands: [brand] }, slabs: [{ minQuantity: 240, discountBps: 500 }] },
      eligibility: { customerTypes: ['retailer'] },
      validFrom: addDays(today, -7),
      validTo: addDays(today, 53),
      budgetCap: 50_000_00,
    }),
  );
  const free = products[1] ?? products[0]!;
  createScheme(
    ctx,
    schemeInput.parse({
      code: 'BUY12GET1',
      name: 'Buy 12, get 1 free',
      rule: {
        kind: 'free_goods',
        buyProductId: free.id,
        buyQuantity: 12,
        getProductId: free.id,
        getQuantity: 1,
        repeat: true,
      },
      validFrom: addDays(today, -7),
      validTo: addDays(today, 53),
    }),
  );
}
