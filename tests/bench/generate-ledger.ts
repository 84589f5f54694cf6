import fs from 'node:fs';
import { openLedger, type Ledger } from '../../src-main/ledger/open-ledger';
import { seededRandom, demoEan, demoGstin } from '../../src-main/engine/demo/seed-demo';
import { hashPassword } from '../../src-main/engine/users/password';
import { historyWriters, type OrderHistory } from './generate-history';
import { writePurchaseHistory } from './generate-purchases';
import { beginBulkLoad } from './bulk-load';
import { rebuildOrderStatusCountsOn } from '../../src-main/engine/summaries/order-status-counts';
import { rebuildOrderSummariesOn } from '../../src-main/engine/summaries/order-summaries';
import { rebuildReceivablesByDueDateOn } from '../../src-main/engine/summaries/receivables-by-due-date';
import { addReceiptsToRollupsOn } from '../../src-main/engine/summaries/sales-rollups';
import { batchedInsert, nextId } from './batched-insert';
import { deliveryLines } from './generate-deliveries';
import { summaryWriter, type SummaryLine } from './generate-summaries';

export const scales = {
  S: { products: 1_000, customers: 500, warehouses: 3, batchesPerProduct: 2, orderLines: 10_000 },
  M: { products: 20_000, customers: 5_000, warehouses: 3, batchesPerProduct: 5, orderLines: 1_000_000 },
  L: { products: 50_000, customers: 20_000, warehouses: 3, batchesPerProduct: 5, orderLines: 10_000_000 },
} as const;
export type Scale = keyof typeof scales;

/** The bench clock: every generated date is relative to this day. */
export const BENCH_TODAY = '2026-11-22';
const day = (offset: number) =>
  new Date(Date.parse(`${BENCH_TODAY}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * A believable ledger at scale, deterministic from its seed, written with bulk SQL in a few
 * transactions. It keeps the books straight: every balance equals its movements, every
 * reservation is in `reserved`, so `inventory.check` passes on it.
 */
export function generateLedger(file: string, scale: Scale, log: (m: string) => void = () => {}): Ledger {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
  const size = scales[scale];
  const rnd = seededRandom(7 + scale.charCodeAt(0));
  const ledger = openLedger(file, { backup: false });
  const db = ledger.sqlite;
  const bulk = beginBulkLoad(db);
  const now = `${BENCH_TODAY}T09:00:00.000Z`;
  const t0 = Date.now();
  db.transaction(() => {
    db.prepare("INSERT INTO company (id, name, state_code, gstin) VALUES (1, 'Bench Distributors', '27', ?)").run(
      demoGstin('27', 1),
    );
    db.prepare(
      "INSERT INTO users (username, display_name, role, password_hash) VALUES ('admin', 'Bench Admin', 'admin', ?)",
    ).run(hashPassword('bench-password'));
    for (let w = 1; w <= size.warehouses; w++)
      db.prepare("INSERT INTO warehouses (code, name, state_code, city) VALUES (?, ?, '27', 'Pune')").run(
        `WH${w}`,
        `Warehouse ${w}`,
      );
  })();
  const cities = [
    ['Pune', '27'],
    ['Mumbai', '27'],
    ['Nashik', '27'],
    ['Bengaluru', '29'],
    ['Ahmedabad', '24'],
    ['Chennai', '33'],
    ['New Delhi', '07'],
  ] as const;
  const words = [
    'Sharma',
    'Patil',
    'Shah',
    'Iyer',
    'Reddy',
    'Gupta',
    'Agarwal',
    'Kulkarni',
    'Nair',
    'Desai',
    'Mehta',
    'Joshi',
    'Rao',
    'Jain',
  ];
  const shops = ['Traders', 'Stores', 'Medicals', 'Kirana', 'Enterprises', 'Agencies', 'Mart'];
  const customerStates: string[] = [];
  /** products.price by id: the cost of goods is 70% of it (generate-purchases.ts) */
  const productPrices: number[] = [];
  db.transaction(() => {
    const insert = db.prepare(
      `INSERT INTO customers (code, name, type, parent_id, phone, gstin, bill_city, bill_district, bill_state_code, bill_pincode, route, credit_limit, payment_terms_days, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '411001', ?, ?, ?, 'active', ?, ?)`,
    );
    const supers = Math.max(1, Math.floor(size.customers / 100));
    const distributors = Math.max(1, Math.floor(size.customers / 10));
    for (let i = 1; i <= size.customers; i++) {
      customerStates[i] = cities[i % cities.length]![1];
      const type = i <= supers ? 'super_stockist' : i <= supers + distributors ? 'distributor' : 'retailer';
      const parent =
        type === 'super_stockist' ? null : type === 'distributor' ? 1 + (i % supers) : supers + 1 + (i % distributors);
      const [city, state] = cities[i % cities.length]!;
      insert.run(
        `C${String(i).padStart(6, '0')}`,
        `${rnd.pick(words)} ${rnd.pick(words)} ${rnd.pick(shops)} ${i}`,
        type,
        parent,
        `98${String(10_000_000 + i).slice(-8)}`,
        i % 3 === 0 ? demoGstin(state, i) : '',
        city,
        city,
        state,
        `R${i % 40}`,
        5_00_000_00 + rnd.int(0, 50) * 1_00_000_00,
        30,
        now,
        now,
      );
    }
  })();
  log(`customers ${size.customers} in ${Date.now() - t0} ms`);
  const categories = [
    'Biscuits',
    'Snacks',
    'Dairy',
    'Beverages',
    'Spices',
    'Staples',
    'Detergents',
    'Home Care',
    'OTC Pharma',
    'Personal Care',
  ];
  const brandNames = [
    'Sunrise',
    'Amrut',
    'Kesar',
    'CleanHome',
    'Aarogya',
    'Nimbus',
    'Parvati',
    'Tara',
    'Vaidya',
    'Desi',
  ];
  const items = [
    'Glucose',
    'Cream',
    'Chips',
    'Ghee',
    'Tea',
    'Masala',
    'Atta',
    'Detergent',
    'Balm',
    'Soap',
    'Shampoo',
    'Toothpaste',
    'Oil',
    'Rice',
    'Dal',
  ];
  db.transaction(() => {
    const product = db.prepare(
      `INSERT INTO products (sku, name, brand, category, hsn, tax_rate_bps, mrp, price, base_unit, batch_tracked, shelf_life_days, rack_location, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, '19053100', ?, ?, ?, 'pc', 1, 365, ?, 'active', ?, ?)`,
    );
    const unit = db.prepare("INSERT INTO product_units (product_id, unit, factor) VALUES (?, 'case', ?)");
    const barcode = db.prepare("INSERT INTO product_barcodes (code, product_id, unit) VALUES (?, ?, '')");
    const batch = db.prepare(
      'INSERT INTO batches (product_id, batch_no, manufactured_on, expires_on, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    const movement = db.prepare(
      "INSERT INTO stock_movements (at, warehouse_id, product_id, batch_id, kind, quantity, document_type) VALUES (?, ?, ?, ?, 'opening', ?, 'opening')",
    );
    const balance = db.prepare(
      'INSERT INTO stock_balances (warehouse_id, batch_id, product_id, on_hand, reserved, in_transit) VALUES (?, ?, ?, ?, 0, 0)',
    );
    for (let p = 1; p <= size.products; p++) {
      const brand = brandNames[p % brandNames.length]!;
      const mrp = rnd.int(10, 500) * 100;
      productPrices[p] = Math.floor((mrp * 80) / 100);
      product.run(
        `SKU${String(p).padStart(6, '0')}`,
        `${brand} ${rnd.pick(items)} ${rnd.pick(['75 g', '150 g', '500 g', '1 kg', '200 ml', '1 L'])} ${p}`,
        brand,
        categories[p % categories.length]!,
        rnd.pick([500, 1200, 1800]),
        mrp,
        Math.floor((mrp * 80) / 100),
        `${String.fromCharCode(65 + (p % 20))}-${p % 50}`,
        now,
        now,
      );
      unit.run(p, rnd.pick([12, 24, 48]));
      barcode.run(demoEan(p), p);
      for (let b = 0; b < size.batchesPerProduct; b++) {
        const made = -rnd.int(10, 300);
        const batchId = Number(batch.run(p, `B${p}-${b}`, day(made), day(made + 365 + b * 30), now).lastInsertRowid);
        for (let w = 1; w <= size.warehouses; w++) {
          const qty = rnd.int(100, 2000);
          movement.run(now, w, p, batchId, qty);
          balance.run(w, batchId, p, qty);
        }
      }
    }
  })();
  log(
    `products ${size.products}, batches ${size.products * size.batchesPerProduct}, opening stock in ${Date.now() - t0} ms`,
  );

  // History: orders of ~10 lines over the past year, delivered and invoiced; the last 2% still open and reserved.
  const linesPerOrder = 10;
  const orders = Math.ceil(size.orderLines / linesPerOrder);
  const openFrom = Math.floor(orders * 0.98);
  const statuses = ['invoiced', 'invoiced', 'invoiced', 'delivered', 'cancelled'];
  const chunk = 20_000;
  const history = historyWriters(db);
  const summaries = summaryWriter(db);
  /** Units issued per warehouse and batch, brought back in by receipts at the end. */
  const issuedUnits = new Map<number, { w: number; p: number; b: number; q: number }>();
  // Multi-row INSERTs (batched-insert.ts); the ids the engine would get back are counted instead.
  const order = batchedInsert(
    db,
    `INSERT INTO orders (number, status, payment_status, customer_id, warehouse_id, payment_type, order_date,
       required_date, gross, discount, taxable, tax, total, created_by, created_at, confirmed_at, cancelled_at)`,
    "(?, ?, ?, ?, ?, 'credit', ?, ?, ?, 0, ?, ?, ?, 1, ?, ?, ?)",
  );
  const line = batchedInsert(
    db,
    `INSERT INTO order_lines (order_id, line_no, product_id, quantity, entered_as, unit_price, price_source, gross,
       discount, tax_rate_bps, taxable, tax, total, allocated, delivered)`,
    "(?, ?, ?, ?, '', ?, 'product price', ?, 0, 1800, ?, ?, ?, ?, ?)",
  );
  const invoice = batchedInsert(
    db,
    `INSERT INTO invoices (number, customer_id, invoice_date, due_date, total, paid, status, place_of_supply, gross,
       taxable, cgst, sgst, igst, posted_at)`,
    "(?, ?, ?, ?, ?, ?, 'posted', ?, ?, ?, ?, ?, ?, ?)",
  );
  const note = batchedInsert(
    db,
    `INSERT INTO delivery_notes (number, order_id, customer_id, warehouse_id, ship_to, place_of_supply, packages, status,
       posted_at, invoice_id)`,
    "(?, ?, ?, ?, '{}', ?, 2, 'posted', ?, ?)",
  );
  // open orders' reservations, written after the delivered lines' (generate-deliveries.ts)
  const reservation = batchedInsert(
    db,
    'INSERT INTO reservations (order_line_id, warehouse_id, product_id, batch_id, quantity, status, created_at)',
    '(?, ?, ?, ?, ?, ?, ?)',
  );
  const payment = batchedInsert(
    db,
    'INSERT INTO payments (number, customer_id, received_on, mode, amount, unallocated, posted_at)',
    "(?, ?, ?, 'bank', ?, 0, ?)",
  );
  const allocation = batchedInsert(db, 'INSERT INTO payment_allocations (payment_id, invoice_id, amount)', '(?, ?, ?)');
  const reserve = db.prepare(
    'UPDATE stock_balances SET reserved = reserved + ? WHERE warehouse_id = ? AND batch_id = ? AND on_hand - reserved >= ?',
  );
  const deliveredLines = deliveryLines(db);
  const openReservations: unknown[][] = [];
  const ids = {
    order: nextId(db, 'orders'),
    line: nextId(db, 'order_lines'),
    invoice: nextId(db, 'invoices'),
    note: nextId(db, 'delivery_notes'),
    payment: nextId(db, 'payments'),
  };
  const written = [order, line, invoice, note, payment, allocation];
  for (let start = 1; start <= orders; start += chunk) {
    db.transaction(() => {
      for (let o = start; o < Math.min(start + chunk, orders + 1); o++) {
        const open = o >= openFrom;
        const status = open ? 'confirmed' : statuses[o % statuses.length]!;
        const date = day(-Math.floor(((orders - o) / orders) * 365));
        // Placed, confirmed (and cancelled) on its order date, as a clerk would have: booking over a year is spread
        // over the year's days, not piled on the bench day.
        const placedAt = `${date}T05:30:00.000Z`;
        const customer = 1 + ((o * 7919) % size.customers);
        const warehouse = 1 + (o % size.warehouses);
        const orderId = ids.order++;
        let gross = 0;
        const lineRows: {
          lineId: number;
          productId: number;
          batchId: number;
          qty: number;
          price: number;
          g: number;
          tax: number;
        }[] = [];
        for (let l = 1; l <= linesPerOrder; l++) {
          const productId = 1 + ((o * 31 + l * 977) % size.products);
          const qty = rnd.int(1, 48);
          const price = 1000 + ((productId * 37) % 400) * 100;
          const g = qty * price;
          const tax = Math.round(g * 0.18);
          gross += g;
          const lineId = ids.line++;
          line.add(
            orderId,
            l,
            productId,
            qty,
            price,
            g,
            g,
            tax,
            g + tax,
            qty,
            status === 'invoiced' || status === 'delivered' ? qty : 0,
          );
          lineRows.push({
            lineId,
            productId,
            batchId: (productId - 1) * size.batchesPerProduct + 1,
            qty,
            price,
            g,
            tax,
          });
          if (open) {
            const batchId = (productId - 1) * size.batchesPerProduct + 1 + (l % size.batchesPerProduct);
            // after the delivered lines' issued reservations (deliveryLines), as they were numbered before
            if (reserve.run(qty, warehouse, batchId, qty).changes === 1)
              openReservations.push([lineId, warehouse, productId, batchId, qty, 'active', now]);
          }
        }
        const tax = lineRows.reduce((s, r) => s + r.tax, 0);
        let invoiceDate: string | null = null;
        let paidOn: string | null = null;
        order.add(
          `SO/26-27/${String(o).padStart(7, '0')}`,
          status,
          status === 'invoiced' ? (o % 4 === 0 ? 'partly_paid' : 'paid') : 'unpaid',
          customer,
          warehouse,
          date,
          day(-Math.floor(((orders - o) / orders) * 365) + 3),
          gross,
          gross,
          tax,
          gross + tax,
          placedAt,
          placedAt,
          status === 'cancelled' ? placedAt : null,
        );
        const h: OrderHistory = {
          orderId,
          number: `SO/26-27/${String(o).padStart(7, '0')}`,
          status,
          placedAt,
          deliveredAt: '',
          noteId: null,
          noteNumber: '',
          invoiceId: null,
          invoiceNumber: '',
          paymentId: null,
          total: gross + tax,
          units: lineRows.reduce((s, r) => s + r.qty, 0),
          approval: o % 20 === 0,
        };
        if (status === 'invoiced' || status === 'delivered') {
          const pos = customerStates[customer]!;
          const intra = pos === '27';
          const deliveredAt = `${day(-Math.floor(((orders - o) / orders) * 365) + 1)}T11:00:00.000Z`;
          let invoiceId: number | null = null;
          if (status === 'invoiced') {
            const total = gross + tax;
            const paid = o % 4 === 0 ? Math.floor(total / 2) : total;
            invoiceId = ids.invoice++;
            invoice.add(
              `INV/26-27/${String(o).padStart(7, '0')}`,
              customer,
              date,
              day(-Math.floor(((orders - o) / orders) * 365) + 30),
              total,
              paid,
              pos,
              gross,
              gross,
              intra ? tax - Math.floor(tax / 2) : 0,
              intra ? Math.floor(tax / 2) : 0,
              intra ? 0 : tax,
              `${date}T12:00:00.000Z`,
            );
            const receivedOn = day(Math.min(0, -Math.floor(((orders - o) / orders) * 365) + 20)); // never after today
            const paymentId = ids.payment++;
            payment.add(`RCPT/${o}`, customer, receivedOn, paid, `${receivedOn}T10:00:00.000Z`);
            allocation.add(paymentId, invoiceId, paid);
            h.paymentId = paymentId;
            h.invoiceId = invoiceId;
            h.invoiceNumber = `INV/26-27/${String(o).padStart(7, '0')}`;
            invoiceDate = date;
            paidOn = receivedOn;
          }
          const noteId = ids.note++;
          note.add(`DN/26-27/${String(o).padStart(7, '0')}`, orderId, customer, warehouse, pos, deliveredAt, invoiceId);
          h.noteId = noteId;
          h.noteNumber = `DN/26-27/${String(o).padStart(7, '0')}`;
          h.deliveredAt = deliveredAt;
          // the lines' issue, issued reservation, note line and invoice line: by SQL once all orders are in
          deliveredLines.add(orderId, noteId, invoiceId, deliveredAt, intra);
          for (const r of lineRows) {
            const key = r.batchId * 16 + warehouse;
            const seen = issuedUnits.get(key);
            if (seen) seen.q += r.qty;
            else issuedUnits.set(key, { w: warehouse, p: r.productId, b: r.batchId, q: r.qty });
          }
        }
        history.orderEvents(h);
        history.auditRows(h);
        history.approvals(h);
        summaries.add({
          orderId,
          number: h.number,
          customerId: customer,
          warehouseId: warehouse,
          clerkId: 1,
          status,
          paymentStatus: status === 'invoiced' ? (o % 4 === 0 ? 'partly_paid' : 'paid') : 'unpaid',
          orderDate: date,
          requiredDate: day(-Math.floor(((orders - o) / orders) * 365) + 3),
          confirmedAt: placedAt,
          cancelledAt: status === 'cancelled' ? placedAt : null,
          total: gross + tax,
          lines: lineRows.map((r): SummaryLine => ({
            productId: r.productId,
            quantity: r.qty,
            taxable: r.g,
            tax: r.tax,
            total: r.g + r.tax,
            // generate-purchases.ts values every delivered and invoiced line at 70% of the product's price
            cost: r.qty * Math.floor((productPrices[r.productId]! * 70) / 100),
          })),
          deliveredAt: h.noteId === null ? null : h.deliveredAt,
          invoiceDate,
          paidOn,
        });
      }
      for (const rows of written) rows.flush();
      history.flush();
    })();
  }
  log(`orders ${orders}, order lines ${orders * linesPerOrder} in ${Date.now() - t0} ms`);
  // The summaries the app keeps in its posting transactions, summed as the orders went by (generate-summaries.ts)
  // instead of the app's rebuilds over the written rows (an hour at L); the generator's test holds them equal.
  db.transaction(() => summaries.finish())();
  log(`summaries (daily sales, sales rollups, order milestones) written in ${Date.now() - t0} ms`);
  db.transaction(() => {
    deliveredLines.write({ batchesPerProduct: size.batchesPerProduct, now });
    for (const row of openReservations) reservation.addRow(row);
    reservation.flush();
    const at = `${day(-366)}T10:00:00.000Z`;
    for (const s of issuedUnits.values()) history.receipt(at, s.w, s.p, s.b, s.q);
    history.flush();
  })();
  log(`delivered lines (issues, reservations, note and invoice lines) and receipts in ${Date.now() - t0} ms`);
  const bought = writePurchaseHistory(db, day(-366));
  log(`purchase invoices ${bought.invoices} (${bought.lines} lines), every movement and delivered line valued`);
  // Checking every foreign key of 50M rows takes minutes at L; S (the generator's test) checks them all.
  const builds = bulk.finish({ checkForeignKeys: scale === 'S' });
  const slowest = builds.slice(0, 6).map((b) => `${b.index} ${b.ms}`);
  log(`indexes built in ${Date.now() - t0} ms (slowest, ms: ${slowest.join(', ')})`);
  // What the summary triggers keep (they were off during the load), by the app's own rebuilds, with the indexes.
  db.transaction(() => {
    rebuildOrderStatusCountsOn(db);
    rebuildOrderSummariesOn(db);
    rebuildReceivablesByDueDateOn(db);
    addReceiptsToRollupsOn(db);
  })();
  log(
    `order status counts, order summaries, receivables by due date and the rollups' receipts in ${Date.now() - t0} ms`,
  );
  // No ANALYZE here: the statistics are the ones the app gathers itself (PRAGMA optimize when it opens
  // the file and from its idle timer), so the bench's plans are the plans a customer's ledger gets.
  return ledger;
}
