import { productFields } from '../../../src-shared/contract/products';
import { parseMoney, parseRate } from '../../../src-shared/money';
import { RowError, type CsvImportSpec } from '../csv-import';
import { conflict } from '../errors';
import { createProduct } from './product-service';

function money(text: string | undefined, column: string): number {
  if (!text) return 0;
  const value = parseMoney(text);
  if (value === null) throw new RowError(column, `"${text}" is not an amount in rupees`);
  return value;
}

/** "case=24; box=6" → packs. */
function packs(text: string | undefined) {
  if (!text) return [];
  return text
    .split(/[;|]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const m = /^([A-Za-z][A-Za-z0-9 ]*)\s*[=:x]\s*(\d+)$/.exec(part);
      if (!m) throw new RowError('packs', `Pack "${part}" must look like case=24`);
      return { unit: m[1]!.trim(), factor: Number(m[2]) };
    });
}

/** "8901234567890; 18901234567897@case" → barcodes, the @unit saying a scan counts a whole pack. */
function barcodes(text: string | undefined) {
  if (!text) return [];
  return text
    .split(/[;|]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [code, unit = ''] = part.split('@').map((s) => s.trim());
      return { code: code!, unit };
    });
}

function yesNo(text: string | undefined): boolean {
  return !/^(n|no|false|0)$/i.test(text ?? 'yes');
}

export const productImportSpec: CsvImportSpec<typeof productFields> = {
  columns: {
    sku: ['item code', 'product code', 'code'],
    name: ['item name', 'product name', 'description'],
    brand: [],
    category: ['group', 'item group'],
    hsn: ['hsn code', 'hsn/sac'],
    tax_rate: ['gst rate', 'gst', 'gst %', 'tax %', 'tax'],
    mrp: [],
    price: ['selling price', 'rate', 'sale price'],
    base_unit: ['unit', 'uom'],
    uqc: ['gst unit', 'unit code'],
    packs: ['pack sizes'],
    barcodes: ['barcode', 'ean', 'gtin'],
    batch_tracked: ['batch wise', 'batch'],
    shelf_life_days: ['shelf life'],
    rack: ['rack location', 'bin'],
    status: [],
  },
  required: ['sku', 'name'],
  schema: productFields,
  columnFor: {
    sku: 'sku',
    name: 'name',
    brand: 'brand',
    category: 'category',
    hsn: 'hsn',
    taxRate: 'tax_rate',
    mrp: 'mrp',
    price: 'price',
    baseUnit: 'base_unit',
    uqc: 'uqc',
    packs: 'packs',
    barcodes: 'barcodes',
    batchTracked: 'batch_tracked',
    shelfLifeDays: 'shelf_life_days',
    rackLocation: 'rack',
    status: 'status',
  },
  toInput(r) {
    const rate = r.tax_rate ? parseRate(r.tax_rate) : 0;
    if (rate === null)
      throw new RowError('tax_rate', `Tax rate "${r.tax_rate}" must be a percentage such as 18 or 12.5`);
    return {
      sku: r.sku,
      name: r.name,
      brand: r.brand,
      category: r.category,
      hsn: r.hsn,
      taxRate: rate,
      mrp: money(r.mrp, 'mrp'),
      price: money(r.price, 'price'),
      baseUnit: r.base_unit || 'pc',
      uqc: r.uqc ?? '',
      packs: packs(r.packs),
      barcodes: barcodes(r.barcodes),
      batchTracked: yesNo(r.batch_tracked),
      shelfLifeDays: r.shelf_life_days ? Number(r.shelf_life_days) : 0,
      rackLocation: r.rack,
      status: (r.status || 'active').toLowerCase(),
    };
  },
  // What createProduct refuses, read-only: the SKU and each barcode taken in the ledger or earlier in the file.
  check(ctx, value, file) {
    const { sqlite } = ctx.ledger;
    if (file.has('sku', value.sku) || sqlite.prepare('SELECT 1 FROM products WHERE sku = ?').get(value.sku))
      throw conflict(`SKU ${value.sku} is already used by another product`, 'sku');
    const inRow = new Set<string>();
    value.barcodes.forEach((b, i) => {
      const owner =
        (inRow.has(b.code) ? value.sku : file.get<string>('barcode', b.code)) ??
        (
          sqlite
            .prepare('SELECT p.sku FROM product_barcodes b JOIN products p ON p.id = b.product_id WHERE b.code = ?')
            .get(b.code) as { sku: string } | undefined
        )?.sku;
      if (owner) throw conflict(`Barcode ${b.code} already belongs to ${owner}`, `barcodes.${i}.code`);
      inRow.add(b.code);
    });
  },
  remember(value, file) {
    file.add('sku', value.sku);
    for (const b of value.barcodes) file.add('barcode', b.code, value.sku);
  },
  write: (ctx, value) => void createProduct(ctx, value),
};
