import type { z } from 'zod';
import type { priceListInput } from '../../../src-shared/contract/pricing';
import { stateName } from '../../../src-shared/india-states';
import { recordAudit } from '../audit';
import type { EngineContext } from '../context';
import { invalid, notFound } from '../errors';
import type { PriceListCandidate, PriceScope } from './resolve-price';

export function createPriceList(ctx: EngineContext, input: z.output<typeof priceListInput>) {
  const { sqlite } = ctx.ledger;
  if (input.customerId !== null && !sqlite.prepare('SELECT 1 FROM customers WHERE id = ?').get(input.customerId))
    throw invalid(`Customer ${input.customerId} does not exist`, 'customerId');
  const id = Number(
    sqlite
      .prepare(
        `INSERT INTO price_lists (name, scope, customer_id, customer_type, state_code, district, area, end_buyer, valid_from, valid_to, tax_inclusive, active, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)`,
      )
      .run(
        input.name,
        input.scope,
        input.customerId,
        input.customerType,
        input.stateCode,
        input.district,
        input.area,
        input.endBuyer,
        input.validFrom,
        input.validTo,
        input.taxInclusive ? 1 : 0,
        ctx.now().toISOString(),
      ).lastInsertRowid,
  );
  const insert = sqlite.prepare(
    'INSERT INTO price_list_items (price_list_id, product_id, min_quantity, price) VALUES (?, ?, ?, ?)',
  );
  input.items.forEach((item, i) => {
    if (!sqlite.prepare('SELECT 1 FROM products WHERE id = ?').get(item.productId))
      throw invalid(`Product ${item.productId} does not exist`, `items.${i}.productId`);
    insert.run(id, item.productId, item.minQuantity, item.price);
  });
  recordAudit(ctx, 'create', 'price_list', id, { name: input.name, scope: input.scope, items: input.items.length });
  return { id };
}

export function setPriceListActive(ctx: EngineContext, id: number, active: boolean) {
  if (ctx.ledger.sqlite.prepare('UPDATE price_lists SET active = ? WHERE id = ?').run(active ? 1 : 0, id).changes === 0)
    throw notFound(`Price list ${id}`, 'id');
  recordAudit(ctx, active ? 'activate' : 'deactivate', 'price_list', id);
  return { ok: true as const };
}

interface ListRow {
  id: number;
  name: string;
  scope: PriceScope;
  customerId: number | null;
  customerType: string;
  stateCode: string;
  district: string;
  area: string;
  endBuyer: string;
  validFrom: string | null;
  validTo: string | null;
  taxInclusive: number;
  active: number;
}
const SELECT = `SELECT id, name, scope, customer_id AS customerId, customer_type AS customerType, state_code AS stateCode, district, area, end_buyer AS endBuyer,
  valid_from AS validFrom, valid_to AS validTo, tax_inclusive AS taxInclusive, active FROM price_lists`;

export function listPriceLists(ctx: EngineContext) {
  const { sqlite } = ctx.ledger;
  return (sqlite.prepare(`${SELECT} ORDER BY active DESC, name`).all() as ListRow[]).map((r) => {
    const customer = r.customerId
      ? (sqlite.prepare('SELECT name FROM customers WHERE id = ?').get(r.customerId) as { name: string }).name
      : '';
    const place = [r.area, r.district, r.stateCode ? stateName(r.stateCode) : ''].filter(Boolean).join(', ');
    const appliesTo = {
      end_buyer: `end buyer ${r.endBuyer}`,
      customer,
      type: r.customerType,
      type_geography: `${r.customerType} in ${place}`,
      geography: place,
      brand: 'every customer (from HQ)',
    }[r.scope];
    const items = (
      sqlite.prepare('SELECT count(*) AS n FROM price_list_items WHERE price_list_id = ?').get(r.id) as { n: number }
    ).n;
    return {
      id: r.id,
      name: r.name,
      scope: r.scope,
      appliesTo,
      validFrom: r.validFrom,
      validTo: r.validTo,
      taxInclusive: r.taxInclusive === 1,
      active: r.active === 1,
      items,
    };
  });
}

/** Active lists that price any of these products, with their slabs, for the pricing rule. */
export function candidateLists(ctx: EngineContext, productIds: number[]): Map<number, PriceListCandidate[]> {
  const byProduct = new Map<number, PriceListCandidate[]>();
  if (productIds.length === 0) return byProduct;
  const { sqlite } = ctx.ledger;
  const rows = sqlite
    .prepare(
      `SELECT l.id, l.name, l.scope, l.customer_id AS customerId, l.customer_type AS customerType, l.state_code AS stateCode, l.district, l.area, l.end_buyer AS endBuyer,
              l.valid_from AS validFrom, l.valid_to AS validTo, l.tax_inclusive AS taxInclusive, i.product_id AS productId, i.min_quantity AS minQuantity, i.price
       FROM price_list_items i JOIN price_lists l ON l.id = i.price_list_id
       WHERE l.active = 1 AND i.product_id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify([...new Set(productIds)])) as (ListRow & {
    productId: number;
    minQuantity: number;
    price: number;
  })[];
  const lists = new Map<string, PriceListCandidate>();
  for (const r of rows) {
    const key = `${r.productId}:${r.id}`;
    let list = lists.get(key);
    if (!list) {
      list = { ...r, taxInclusive: r.taxInclusive === 1, slabs: [] };
      lists.set(key, list);
      byProduct.set(r.productId, [...(byProduct.get(r.productId) ?? []), list]);
    }
    list.slabs.push({ minQuantity: r.minQuantity, price: r.price });
  }
  return byProduct;
}
