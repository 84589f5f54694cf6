import type { ProductRow } from '../../../src-shared/contract/products';
import { barcodeVariants } from '../../../src-shared/gtin';
import type { EngineContext } from '../context';
import type { Cursor } from '../keyset';
import { keysetPage, pageWith } from '../keyset-page';
import { Where, addSearch } from '../list-query';

export interface ProductListInput {
  search: string;
  brand: string;
  category: string;
  status: string;
  sort: 'sku' | 'name' | 'brand' | 'category' | 'price' | 'mrp';
  dir: 'asc' | 'desc';
  offset: number;
  limit: number;
  after?: Cursor | null;
  before?: Cursor | null;
}

const sortColumns: Record<ProductListInput['sort'], string> = {
  sku: 'p.sku',
  name: 'p.name',
  brand: 'p.brand',
  category: 'p.category',
  price: 'p.price',
  mrp: 'p.mrp',
};

export function listProducts(ctx: EngineContext, input: ProductListInput) {
  const where = new Where()
    .when(input.brand, 'p.brand = ?', input.brand)
    .when(input.category, 'p.category = ?', input.category)
    .when(input.status, 'p.status = ?', input.status);
  const search = input.search.trim();
  // A scanned barcode in the search box finds its product directly, whatever else it matches.
  if (/^\d{8,14}$/.test(search)) {
    const variants = barcodeVariants(search);
    where.add(
      `(p.id IN (SELECT product_id FROM product_barcodes WHERE code IN (${variants.map(() => '?').join(',')})) OR p.sku = ?)`,
      ...variants,
      search,
    );
  } else {
    addSearch(where, search, { table: 'product_search', idColumn: 'p.id' }, ['p.sku', 'p.name', 'p.brand'], {
      sizes: true,
    });
  }
  const { sqlite } = ctx.ledger;
  const page = keysetPage(sqlite, { ...input, from: 'products p', where, key: sortColumns[input.sort], id: 'p.id' });
  // Barcode, free stock and packs are shown columns: read for the page's rows alone.
  const rows = sqlite
    .prepare(
      `SELECT p.id, p.sku, p.name, p.brand, p.category, p.hsn, p.tax_rate_bps AS taxRate, p.mrp, p.price, p.base_unit AS baseUnit, p.status,
        coalesce((SELECT code FROM product_barcodes b WHERE b.product_id = p.id ORDER BY rowid LIMIT 1), '') AS barcode,
        (SELECT coalesce(sum(on_hand - reserved), 0) FROM stock_balances s WHERE s.product_id = p.id) AS free,
        coalesce((SELECT group_concat(unit || '=' || factor, ' · ') FROM (SELECT unit, factor FROM product_units u WHERE u.product_id = p.id ORDER BY factor DESC)), '') AS packs
       FROM json_each(?) AS page JOIN products p ON p.id = page.value`,
    )
    .all(JSON.stringify(page.ids)) as ProductRow[];
  return pageWith(page, rows);
}
