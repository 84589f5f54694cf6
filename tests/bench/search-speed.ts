/**
 * How fast the product search answers on a big catalogue: 300,000 products named the way the
 * demo names them (brand, item, pack size), with stock in three warehouses for a third of them.
 * Run: npx tsx tests/bench/search-speed.ts [products]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listProducts } from '../../src-main/engine/catalog/list-products';
import { brands, itemsByCategory } from '../../src-main/engine/demo/demo-names';
import { openLedger } from '../../src-main/ledger/open-ledger';

const count = Number(process.argv[2] ?? 300_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stockist-search-'));
const ledger = openLedger(path.join(dir, 'search.db'), { backup: false });
const db = ledger.sqlite;
db.pragma('synchronous = OFF');
const brandNames = brands.map((b) => b.brand);
const items = Object.entries(itemsByCategory).flatMap(([category, c]) =>
  c.items.flatMap(([item, sizes]) => sizes.map((size) => ({ category, item, size }))),
);
const t0 = Date.now();
db.transaction(() => {
  db.prepare(
    "INSERT INTO warehouses (code, name, state_code, city) VALUES ('W1', 'One', '27', 'Pune'), ('W2', 'Two', '27', 'Pune'), ('W3', 'Three', '27', 'Pune')",
  ).run();
  const product = db.prepare('INSERT INTO products (sku, name, brand, category, mrp, price) VALUES (?, ?, ?, ?, ?, ?)');
  const batch = db.prepare("INSERT INTO batches (product_id, batch_no) VALUES (?, 'B1')");
  const balance = db.prepare(
    'INSERT INTO stock_balances (warehouse_id, batch_id, product_id, on_hand, reserved) VALUES (?, ?, ?, ?, ?)',
  );
  for (let i = 0; i < count; i++) {
    const it = items[i % items.length]!;
    const brand = brandNames[Math.floor(i / items.length) % brandNames.length]!;
    const id = Number(
      product.run(`P${String(i).padStart(6, '0')}`, `${brand} ${it.item} ${it.size}`, brand, it.category, 10_000, 9_000)
        .lastInsertRowid,
    );
    if (i % 3 === 0) {
      const batchId = Number(batch.run(id).lastInsertRowid);
      for (const w of [1, 2, 3]) balance.run(w, batchId, id, 100, 10);
    }
  }
})();
console.log(
  `${count} products written in ${Date.now() - t0} ms (${items.length} item-sizes × ${brandNames.length} brands)`,
);

const ctx = { ledger, actor: null, now: () => new Date() };
const searches = ['basmati 5', 'face wash 50', '1l', 'oil 1l', '5', 'rice', 'shampoo 180', 'P012345', 'zzz nothing'];
for (const search of searches) {
  const times: number[] = [];
  let total = 0;
  for (let i = 0; i < 40; i++) {
    const start = process.hrtime.bigint();
    total = listProducts(ctx, {
      search,
      brand: '',
      category: '',
      status: 'active',
      sort: 'name',
      dir: 'asc',
      offset: 0,
      limit: 8,
    }).total;
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const p95 = times[Math.ceil(times.length * 0.95) - 1]!;
  console.log(
    `${JSON.stringify(search).padEnd(16)} ${String(total).padStart(7)} matches  p50 ${times[20]!.toFixed(1)} ms  p95 ${p95.toFixed(1)} ms`,
  );
}
ledger.close();
fs.rmSync(dir, { recursive: true, force: true });
