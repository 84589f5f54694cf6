import { noLicences } from '../../../src-shared/contract/customers';
import { businessDate } from '../business-date';
import { gs1CheckDigit } from '../../../src-shared/gtin';
import { gstinCheckChar } from '../../../src-shared/gstin';
import type { EngineContext } from '../context';
import type { Role } from '../../../src-shared/permissions';
import { createCustomer } from '../customers/customer-service';
import { createProduct } from '../catalog/product-service';
import { createWarehouse } from '../inventory/warehouse-service';
import { receiveGoods } from '../inventory/receive-goods';
import { createUser } from '../users/user-service';
import { demoMrp } from './demo-prices';
import { areas, brands, firstNames, itemsByCategory, places, shopWords, surnames, type DemoPlace } from './demo-names';

/** A small deterministic generator (mulberry32), so the demo company is the same every time. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}

export function demoGstin(stateCode: string, n: number): string {
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  const pan = `${letters[n % 24]}${letters[(n * 7) % 24]}${letters[(n * 13) % 24]}P${letters[(n * 5) % 24]}${String(1000 + (n % 9000)).padStart(4, '0')}${letters[(n * 11) % 24]}`;
  const body = `${stateCode}${pan}1Z`;
  return body + gstinCheckChar(body);
}

export function demoEan(n: number): string {
  const body = `890${String(1_000_000_000 + n).slice(1)}`;
  return body + gs1CheckDigit(body);
}

/** Everyone the demo company signs in as (besides the administrator set up on first run). */
export const DEMO_PASSWORD = 'demo-pass-1';
export const demoUsers: { username: string; displayName: string; role: Role }[] = [
  { username: 'ravi', displayName: 'Ravi Kulkarni', role: 'sales_clerk' },
  { username: 'meena', displayName: 'Meena Iyer', role: 'sales_clerk' },
  { username: 'suresh', displayName: 'Suresh Patil', role: 'warehouse_clerk' },
  { username: 'kavita', displayName: 'Kavita Deshmukh', role: 'billing_clerk' },
  { username: 'anita', displayName: 'Anita Shah', role: 'manager' },
];

export interface DemoSize {
  warehouses: number;
  superStockists: number;
  distributors: number;
  retailers: number;
  products: number;
}

export const demoSize: DemoSize = { warehouses: 3, superStockists: 2, distributors: 10, retailers: 50, products: 300 };

/** The demo distributor: warehouses, a customer hierarchy across states, products with packs and batches, clerks. */
export function seedDemo(ctx: EngineContext, size: DemoSize = demoSize): void {
  const rnd = seededRandom(20261122);
  const { sqlite } = ctx.ledger;
  const whPlaces = [places[0]!, places[1]!, places[2]!];
  for (let i = 0; i < size.warehouses; i++) {
    const p = whPlaces[i % whPlaces.length]!;
    const [city, district, pincode] = p.cities[0]!;
    createWarehouse(ctx, {
      code: `WH-${city.slice(0, 3).toUpperCase()}`,
      name: `${city} Main Warehouse`,
      active: true,
      address: {
        line1: `Gala ${10 + i}, ${rnd.pick(areas)}`,
        line2: '',
        area: 'Industrial Estate',
        city,
        district,
        stateCode: p.stateCode,
        pincode,
      },
    });
  }
  const users = new Map(
    demoUsers.map((u) => [
      u.username,
      createUser(ctx, { username: u.username, displayName: u.displayName, role: u.role, password: DEMO_PASSWORD }).id,
    ]),
  );
  const clerkIds = [users.get('ravi')!, users.get('meena')!];
  // A demo bills at once, so it gets a seller's GSTIN and address where setup left them empty.
  const { stateCode } = sqlite.prepare('SELECT state_code AS stateCode FROM company WHERE id = 1').get() as {
    stateCode: string;
  };
  const home = places.find((p) => p.stateCode === stateCode)?.cities[0] ?? ['Pune', 'Pune', '411001'];
  sqlite
    .prepare(
      `UPDATE company SET is_demo = 1, gstin = CASE gstin WHEN '' THEN ? ELSE gstin END, address_line1 = CASE address_line1 WHEN '' THEN ? ELSE address_line1 END,
       city = CASE city WHEN '' THEN ? ELSE city END, pincode = CASE pincode WHEN '' THEN ? ELSE pincode END WHERE id = 1`,
    )
    .run(demoGstin(stateCode, 9001), 'Plot 7, Market Yard', home[0], home[2]);

  let n = 0;
  const makeCustomer = (type: string, parentId: number | null, place: DemoPlace, prefix: string) => {
    n += 1;
    const [city, district, pincode] = rnd.pick(place.cities);
    const name = `${rnd.pick(firstNames)} ${rnd.pick(surnames)} ${type === 'retailer' ? rnd.pick(shopWords) : type === 'distributor' ? 'Distributors' : 'Agencies'}`;
    const big = type !== 'retailer';
    return createCustomer(ctx, {
      code: `${prefix}${String(n).padStart(4, '0')}`,
      name,
      type,
      parentId,
      phone: `9${String(800000000 + n * 7919).slice(0, 9)}`,
      email: '',
      gstin: big || rnd.next() < 0.5 ? demoGstin(place.stateCode, n) : '',
      billTo: {
        line1: `Shop ${rnd.int(1, 99)}, ${rnd.pick(areas)}`,
        line2: '',
        area: rnd.pick(areas),
        city,
        district,
        stateCode: place.stateCode,
        pincode,
      },
      shipTo: null,
      billToId: null,
      shipToId: null,
      payerId: null,
      route: `${city.slice(0, 3).toUpperCase()}-R${rnd.int(1, 6)}`,
      creditLimit: big ? rnd.int(5, 50) * 100_000_00 : rnd.int(2, 20) * 5_000_00,
      paymentTermsDays: big ? 30 : rnd.pick([7, 15, 21]),
      status: rnd.next() < 0.06 ? 'on_hold' : 'active',
      assignedUserIds: [rnd.pick(clerkIds)],
      creditPolicy: null,
      overdueBlockDays: null,
      minShelfLifeDays: null,
      defaultWarehouseId: null,
      licences: noLicences,
    }).id;
  };
  const supers = Array.from({ length: size.superStockists }, (_, i) => ({
    id: makeCustomer('super_stockist', null, places[i % 2]!, 'SS'),
    place: places[i % 2]!,
  }));
  const distributors = Array.from({ length: size.distributors }, (_, i) => {
    const place = places[i % places.length]!;
    const parent = supers.find((s) => s.place.stateCode === place.stateCode);
    return { id: makeCustomer('distributor', parent?.id ?? null, place, 'DB'), place };
  });
  for (let i = 0; i < size.retailers; i++) {
    const d = distributors[i % distributors.length]!;
    makeCustomer('retailer', d.id, d.place, 'RT');
  }

  const opening: Map<number, Parameters<typeof receiveGoods>[1]['lines']> = new Map();
  const warehouseIds = (sqlite.prepare('SELECT id FROM warehouses ORDER BY id').all() as { id: number }[]).map(
    (w) => w.id,
  );
  const today = ctx.now();
  // Every brand × item × pack size once, shuffled and cut to size: no two products share a name.
  const catalogue = brands.flatMap(({ brand, categories }) =>
    categories.flatMap((category) =>
      itemsByCategory[category]!.items.flatMap(([name, sizes]) =>
        sizes.map((packSize) => ({ brand, category, name, packSize })),
      ),
    ),
  );
  for (let i = catalogue.length - 1; i > 0; i--) {
    const j = rnd.int(0, i);
    [catalogue[i], catalogue[j]] = [catalogue[j]!, catalogue[i]!];
  }
  const chosen = catalogue
    .slice(0, size.products)
    .sort((a, b) => a.brand.localeCompare(b.brand) || a.name.localeCompare(b.name));
  chosen.forEach(({ brand, category, name, packSize }, i) => {
    const item = itemsByCategory[category]!;
    const mrp = demoMrp(name, packSize, rnd.next());
    const price = Math.floor((mrp * rnd.int(70, 85)) / 100);
    const caseSize = rnd.pick([12, 24, 36, 48, 72]);
    const shelfLifeDays = rnd.pick([180, 270, 365, 540, 730]);
    const product = createProduct(ctx, {
      sku: `${brand.slice(0, 3).toUpperCase()}-${String(i + 1).padStart(4, '0')}`,
      name: `${brand} ${name} ${packSize}`,
      brand,
      category,
      hsn: item.hsn,
      licence: 'none',
      taxRate: item.rate,
      uqc: '',
      mrp,
      price,
      baseUnit: 'pc',
      packs: [{ unit: 'case', factor: caseSize }, ...(caseSize % 6 === 0 ? [{ unit: 'box', factor: 6 }] : [])],
      barcodes: [{ code: demoEan(i + 1), unit: '' }],
      batchTracked: true,
      shelfLifeDays,
      rackLocation: `${String.fromCharCode(65 + (i % 8))}-${(i % 20) + 1}-${(i % 4) + 1}`,
      status: 'active',
    });
    for (let b = 0; b < rnd.int(1, 3); b++) {
      const made = new Date(today.getTime() - rnd.int(10, Math.min(200, shelfLifeDays - 15)) * 86_400_000);
      const expires = new Date(made.getTime() + shelfLifeDays * 86_400_000);
      const line = {
        productId: product.id,
        batchNo: `B${businessDate(ctx, made).replace(/-/g, '').slice(2)}${String.fromCharCode(65 + b)}`,
        manufacturedOn: businessDate(ctx, made),
        expiresOn: businessDate(ctx, expires),
        mrp: b === 0 ? null : mrp + 500,
        quantity: caseSize * rnd.int(2, 40),
      };
      // Most stock sits in the first warehouse; the others carry some of the range.
      for (const [w, warehouseId] of warehouseIds.entries()) {
        if (w > 0 && rnd.next() < 0.5) continue;
        const lines = opening.get(warehouseId) ?? [];
        lines.push({ ...line, quantity: w === 0 ? line.quantity : caseSize * rnd.int(1, 10) });
        opening.set(warehouseId, lines);
      }
    }
  });
  for (const [warehouseId, lines] of opening)
    receiveGoods(ctx, { warehouseId, kind: 'opening', supplier: '', reference: 'Demo opening stock', lines });
}
