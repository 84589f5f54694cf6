import { z } from 'zod';
import { receiptLine } from '../../../src-shared/contract/inventory';
import { parseMoney } from '../../../src-shared/money';
import type { EngineContext } from '../context';
import { RowError, type CsvImportSpec } from '../csv-import';
import { nextDocumentNumber } from '../numbering';
import { checkSameExpiry, ensureBatch, planBatch } from './batch-master';
import { postMovement } from './stock-ledger';

const openingRow = receiptLine.extend({ warehouseId: z.int().positive() });

/** "31/12/2027", "31-12-2027" (Indian order) or ISO "2027-12-31" → ISO. */
function isoDate(text: string | undefined, column: string): string | null {
  if (!text) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) return text;
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (dmy) return `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`;
  throw new RowError(column, `"${text}" is not a date; write 31/12/2027 or 2027-12-31`);
}

/**
 * The row's value in paise from its cost rate (per unit of the row, so rate × quantity is exact) or its stock
 * value; neither given leaves it to the moving average (value 0 on a fresh ledger, until costed).
 */
function openingValue(r: Record<string, string>, qty: number): number | undefined {
  if (r.value && r.cost) throw new RowError('value', 'Give either a cost rate or a stock value, not both');
  if (r.value) {
    const value = parseMoney(r.value);
    if (value === null || value < 0) throw new RowError('value', `Stock value "${r.value}" is not an amount in rupees`);
    return value;
  }
  if (r.cost) {
    const rate = parseMoney(r.cost);
    if (rate === null || rate < 0) throw new RowError('cost', `Cost rate "${r.cost}" is not an amount in rupees`);
    return rate * qty;
  }
  return undefined;
}

/**
 * Opening stock from a spreadsheet: each row becomes an opening movement under one OPN
 * document per import, through the same batch rules as a goods receipt. `state.documentId` is that document
 * once made, kept across the import's transactions (and a resume).
 */
export function openingStockImportSpec(
  ctx: EngineContext,
  state: { documentId?: number | null },
): CsvImportSpec<typeof openingRow> {
  const { sqlite } = ctx.ledger;
  return {
    columns: {
      warehouse: ['warehouse code', 'godown', 'location'],
      sku: ['item code', 'product code'],
      batch_no: ['batch', 'batch number', 'lot'],
      mfg_date: ['mfg', 'manufactured', 'mfg date'],
      expiry_date: ['expiry', 'exp', 'exp date', 'expiry date'],
      quantity: ['qty', 'closing stock', 'stock'],
      unit: ['uom', 'pack'],
      mrp: [],
      // What the stock cost: a rate per unit of the row (rupees, before tax), or the row's whole value.
      cost: ['cost rate', 'purchase rate', 'rate', 'cost price'],
      value: ['stock value', 'closing value', 'amount'],
    },
    required: ['warehouse', 'sku', 'quantity'],
    schema: openingRow,
    columnFor: {
      warehouseId: 'warehouse',
      productId: 'sku',
      batchNo: 'batch_no',
      manufacturedOn: 'mfg_date',
      expiresOn: 'expiry_date',
      quantity: 'quantity',
      mrp: 'mrp',
      value: 'value',
    },
    toInput(r) {
      const wh = sqlite.prepare('SELECT id FROM warehouses WHERE code = ? COLLATE NOCASE').get(r.warehouse ?? '') as
        { id: number } | undefined;
      if (!wh) throw new RowError('warehouse', `Warehouse ${r.warehouse} does not exist`);
      const product = sqlite
        .prepare('SELECT id, base_unit AS baseUnit FROM products WHERE sku = ? COLLATE NOCASE')
        .get(r.sku ?? '') as { id: number; baseUnit: string } | undefined;
      if (!product) throw new RowError('sku', `No product has SKU ${r.sku}`);
      const unit = (r.unit ?? '').trim().toLowerCase();
      let factor = 1;
      if (unit && unit !== product.baseUnit) {
        const pack = sqlite
          .prepare('SELECT factor FROM product_units WHERE product_id = ? AND unit = ?')
          .get(product.id, unit) as { factor: number } | undefined;
        if (!pack) throw new RowError('unit', `${r.sku} has no unit "${unit}"`);
        factor = pack.factor;
      }
      const qty = Number(r.quantity);
      if (!Number.isInteger(qty)) throw new RowError('quantity', `Quantity "${r.quantity}" must be a whole number`);
      const mrp = r.mrp ? parseMoney(r.mrp) : null;
      if (r.mrp && mrp === null) throw new RowError('mrp', `MRP "${r.mrp}" is not an amount in rupees`);
      const value = openingValue(r, qty);
      return {
        warehouseId: wh.id,
        productId: product.id,
        batchNo: r.batch_no ?? '',
        manufacturedOn: isoDate(r.mfg_date, 'mfg_date'),
        expiresOn: isoDate(r.expiry_date, 'expiry_date'),
        mrp,
        quantity: qty * factor,
        value,
      };
    },
    // The batch rules, read-only; a batch made earlier in the file keeps the expiry that row gave it.
    check(c, line, file) {
      const plan = planBatch(c, line, 'row');
      if (plan.id !== null) return;
      const key = `${line.productId}|${plan.batchNo}`;
      if (file.has('batch', key))
        checkSameExpiry(plan, plan.batchNo, file.get<string | null>('batch', key) ?? null, plan.expiresOn, 'row');
      else file.add('batch', key, plan.expiresOn);
    },
    write(c, line) {
      // The document is created with the first good row; if that row fails, its savepoint undoes the insert too.
      const creating = !state.documentId;
      if (creating) {
        state.documentId = Number(
          sqlite
            .prepare(
              "INSERT INTO goods_receipts (number, warehouse_id, supplier, reference, kind, posted_at, user_id) VALUES (?, ?, '', 'CSV import', 'opening', ?, ?)",
            )
            .run(nextDocumentNumber(c, 'OPN'), line.warehouseId, c.now().toISOString(), c.actor?.id ?? null)
            .lastInsertRowid,
        );
      }
      try {
        const batchId = ensureBatch(c, line, 'row');
        postMovement(c, {
          warehouseId: line.warehouseId,
          productId: line.productId,
          batchId,
          kind: 'opening',
          quantity: line.quantity,
          documentType: 'goods_receipt',
          documentId: state.documentId!,
          value: line.value,
        });
      } catch (error) {
        if (creating) state.documentId = null;
        throw error;
      }
    },
  };
}
