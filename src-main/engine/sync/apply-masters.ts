import { addDays } from '../../../src-shared/dates';
import type { z } from 'zod';
import type { MasterItem, MasterType, masterData } from '../../../src-shared/sync';
import type { EngineContext } from '../context';

type ItemOf<T extends MasterType> = Omit<MasterItem, 'masterType' | 'data'> & {
  masterType: T;
  data: z.output<(typeof masterData)[T]>;
};

/**
 * What a pulled master becomes here. Every version is kept in hq_masters as sent; products update
 * the catalogue, price lists and customer-type prices become price lists carrying their version in
 * their name (so an order line's price source says which version priced it), schemes become
 * schemes, and primary shipments wait in transit. Runs inside the page's transaction: a throw
 * anywhere undoes the whole page.
 */
export function applyMasterItem(ctx: EngineContext, item: MasterItem): void {
  const { sqlite } = ctx.ledger;
  const fresh = sqlite
    .prepare(
      'INSERT OR IGNORE INTO hq_masters (master_type, key, version, valid_from, valid_to, data, pulled_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    .run(
      item.masterType,
      item.key,
      item.version,
      item.validFrom,
      item.validTo,
      JSON.stringify(item.data),
      ctx.now().toISOString(),
    );
  if (fresh.changes === 0) return; // pulled before (a page fetched again after a lost answer)
  const localRef = apply(ctx, item);
  if (localRef) {
    sqlite
      .prepare('UPDATE hq_masters SET local_ref = ? WHERE master_type = ? AND key = ? AND version = ?')
      .run(localRef, item.masterType, item.key, item.version);
  }
}

function apply(ctx: EngineContext, item: MasterItem): string | null {
  switch (item.masterType) {
    case 'product':
      return applyProduct(ctx, item as ItemOf<'product'>);
    case 'price-list':
      return applyPriceList(ctx, item as ItemOf<'price-list'>);
    case 'customer-type-price':
      return applyCustomerTypePrice(ctx, item as ItemOf<'customer-type-price'>);
    case 'scheme':
      return applyScheme(ctx, item as ItemOf<'scheme'>);
    case 'primary-shipment':
      return applyShipment(ctx, item as ItemOf<'primary-shipment'>);
  }
}

function productId(ctx: EngineContext, sku: string): number | undefined {
  return (ctx.ledger.sqlite.prepare('SELECT id FROM products WHERE sku = ?').get(sku) as { id: number } | undefined)
    ?.id;
}

function applyProduct(ctx: EngineContext, item: ItemOf<'product'>): string {
  const { sqlite } = ctx.ledger;
  const p = item.data;
  const now = ctx.now().toISOString();
  let id = productId(ctx, p.sku);
  if (id) {
    sqlite
      .prepare(
        'UPDATE products SET name = ?, brand = ?, category = ?, hsn = ?, tax_rate_bps = ?, mrp = ?, shelf_life_days = ?, version = version + 1, updated_at = ? WHERE id = ?',
      )
      .run(p.name, p.brand, p.category, p.hsn, p.gstRateBps, p.mrpPaise, p.shelfLifeDays ?? 0, now, id);
  } else {
    id = Number(
      sqlite
        .prepare(
          'INSERT INTO products (sku, name, brand, category, hsn, tax_rate_bps, mrp, price, base_unit, shelf_life_days, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)',
        )
        .run(
          p.sku,
          p.name,
          p.brand,
          p.category,
          p.hsn,
          p.gstRateBps,
          p.mrpPaise,
          p.unitName.toLowerCase(),
          p.shelfLifeDays ?? 0,
          now,
          now,
        ).lastInsertRowid,
    );
  }
  if (p.unitsPerCase > 1)
    sqlite
      .prepare("INSERT OR REPLACE INTO product_units (product_id, unit, factor) VALUES (?, 'case', ?)")
      .run(id, p.unitsPerCase);
  if (p.gtin) {
    const owner = sqlite
      .prepare('SELECT p.sku FROM product_barcodes b JOIN products p ON p.id = b.product_id WHERE b.code = ?')
      .get(p.gtin) as { sku: string } | undefined;
    if (owner && owner.sku !== p.sku)
      throw new Error(`HQ gives ${p.sku} the barcode ${p.gtin}, which here belongs to ${owner.sku}`);
    if (!owner)
      sqlite.prepare("INSERT INTO product_barcodes (code, product_id, unit) VALUES (?, ?, '')").run(p.gtin, id);
  }
  return `product:${id}`;
}

/**
 * A newer version of a key wins on every day it covers: older versions starting on or after it are
 * switched off, older ones starting before it end the day before it starts.
 */
function supersede(ctx: EngineContext, masterType: string, key: string, version: number, validFrom: string): void {
  const { sqlite } = ctx.ledger;
  const older = sqlite
    .prepare(
      "SELECT local_ref AS ref FROM hq_masters WHERE master_type = ? AND key = ? AND version < ? AND local_ref LIKE 'price_list:%'",
    )
    .all(masterType, key, version) as { ref: string }[];
  for (const { ref } of older) {
    const id = Number(ref.split(':')[1]);
    sqlite
      .prepare("UPDATE price_lists SET active = 0 WHERE id = ? AND coalesce(valid_from, '') >= ?")
      .run(id, validFrom);
    sqlite
      .prepare(
        "UPDATE price_lists SET valid_to = ? WHERE id = ? AND coalesce(valid_from, '') < ? AND (valid_to IS NULL OR valid_to >= ?)",
      )
      .run(addDays(validFrom, -1), id, validFrom, validFrom);
  }
}

function insertPriceList(
  ctx: EngineContext,
  name: string,
  scope: 'brand' | 'type',
  customerType: string,
  item: MasterItem,
  rates: { sku: string; ratePaise: number }[],
): string {
  const { sqlite } = ctx.ledger;
  const id = Number(
    sqlite
      .prepare(
        `INSERT INTO price_lists (name, scope, customer_type, valid_from, valid_to, tax_inclusive, active, created_at) VALUES (?, ?, ?, ?, ?, 0, 1, ?)`,
      )
      .run(name, scope, customerType, item.validFrom, item.validTo, ctx.now().toISOString()).lastInsertRowid,
  );
  const insert = sqlite.prepare(
    'INSERT OR REPLACE INTO price_list_items (price_list_id, product_id, min_quantity, price) VALUES (?, ?, 1, ?)',
  );
  // A rate for a product this distributor does not stock yet is kept in hq_masters only.
  for (const r of rates) {
    const pid = productId(ctx, r.sku);
    if (pid) insert.run(id, pid, r.ratePaise);
  }
  supersede(ctx, item.masterType, item.key, item.version, item.validFrom);
  return `price_list:${id}`;
}

function applyPriceList(ctx: EngineContext, item: ItemOf<'price-list'>): string {
  const name = `${item.data.name} (HQ ${item.data.code} v${item.version})`;
  return insertPriceList(ctx, name, 'brand', '', item, item.data.items);
}

function applyCustomerTypePrice(ctx: EngineContext, item: ItemOf<'customer-type-price'>): string {
  const d = item.data;
  return insertPriceList(
    ctx,
    `HQ ${d.customerType} price for ${d.sku} (v${item.version})`,
    'type',
    d.customerType,
    item,
    [d],
  );
}

type HqScheme = ItemOf<'scheme'>;

/** HQ's scheme rule in this ledger's terms, or null when it names a product we do not have. */
function localRule(ctx: EngineContext, rule: HqScheme['data']['rule']): Record<string, unknown> | null {
  const ids = (skus: string[]) => skus.map((s) => productId(ctx, s));
  if (rule.kind === 'value') {
    return {
      kind: 'value',
      slabs: rule.slabs.map((s) =>
        s.discountBps !== null
          ? { minValue: s.minValuePaise, discountBps: s.discountBps }
          : { minValue: s.minValuePaise, flat: s.flatPaise },
      ),
    };
  }
  if (rule.kind === 'volume') {
    const productIds = ids(rule.skus);
    if (productIds.some((p) => p === undefined)) return null;
    return {
      kind: 'volume',
      target: { productIds, categories: [], brands: [] },
      slabs: rule.slabs.map((s) =>
        s.discountBps !== null
          ? { minQuantity: s.minQty, discountBps: s.discountBps }
          : { minQuantity: s.minQty, perUnit: s.perUnitPaise },
      ),
    };
  }
  const [buy, get] = ids([rule.buySku, rule.getSku]);
  if (!buy || !get) return null;
  return {
    kind: 'free_goods',
    buyProductId: buy,
    buyQuantity: rule.buyQty,
    getProductId: get,
    getQuantity: rule.getQty,
    repeat: rule.repeat,
  };
}

function applyScheme(ctx: EngineContext, item: HqScheme): string | null {
  const { sqlite } = ctx.ledger;
  const rule = localRule(ctx, item.data.rule);
  if (!rule) return null;
  sqlite.prepare("UPDATE schemes SET active = 0 WHERE code LIKE ? || '@v%'").run(item.data.code);
  const eligibility = {
    customerIds: [],
    customerTypes: item.data.customerTypes,
    stateCodes: item.data.stateCodes,
    districts: [],
  };
  const id = Number(
    sqlite
      .prepare(
        'INSERT INTO schemes (code, name, kind, rule, eligibility, valid_from, valid_to, active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)',
      )
      .run(
        `${item.data.code}@v${item.version}`,
        item.data.name,
        rule.kind as string,
        JSON.stringify(rule),
        JSON.stringify(eligibility),
        item.validFrom,
        item.validTo,
        ctx.now().toISOString(),
      ).lastInsertRowid,
  );
  return `scheme:${id}`;
}

/** A shipment is goods on their way; a corrected version replaces it until it is received. */
function applyShipment(ctx: EngineContext, item: ItemOf<'primary-shipment'>): string {
  const { sqlite } = ctx.ledger;
  const d = item.data;
  sqlite
    .prepare(
      `INSERT INTO primary_shipments (brand_invoice_number, invoice_date, data, version, status, pulled_at) VALUES (?, ?, ?, ?, 'in_transit', ?)
       ON CONFLICT (brand_invoice_number) DO UPDATE SET invoice_date = excluded.invoice_date, data = excluded.data, version = excluded.version
       WHERE primary_shipments.status = 'in_transit'`,
    )
    .run(d.brandInvoiceNumber, d.invoiceDate, JSON.stringify(d), item.version, ctx.now().toISOString());
  const { id } = sqlite
    .prepare('SELECT id FROM primary_shipments WHERE brand_invoice_number = ?')
    .get(d.brandInvoiceNumber) as { id: number };
  return `shipment:${id}`;
}
