import type { z } from 'zod';
import type { Warehouse, warehouseFields } from '../../../src-shared/contract/warehouses';
import { recordAudit } from '../audit';
import type { EngineContext } from '../context';
import { conflict, isUniqueViolation, notFound } from '../errors';

type WarehouseInput = z.output<typeof warehouseFields>;

const SELECT = `SELECT id, code, name, line1, line2, area, city, district, state_code AS stateCode, pincode, active, version FROM warehouses`;

interface Row {
  id: number;
  code: string;
  name: string;
  line1: string;
  line2: string;
  area: string;
  city: string;
  district: string;
  stateCode: string;
  pincode: string;
  active: number;
  version: number;
}

function toWarehouse(r: Row): Warehouse {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    active: r.active === 1,
    version: r.version,
    address: {
      line1: r.line1,
      line2: r.line2,
      area: r.area,
      city: r.city,
      district: r.district,
      stateCode: r.stateCode,
      pincode: r.pincode,
    },
  };
}

export function listWarehouses(ctx: EngineContext, includeInactive: boolean): Warehouse[] {
  const rows = ctx.ledger.sqlite
    .prepare(`${SELECT} ${includeInactive ? '' : 'WHERE active = 1'} ORDER BY active DESC, code`)
    .all() as Row[];
  return rows.map(toWarehouse);
}

export function getWarehouse(ctx: EngineContext, id: number): Warehouse {
  const row = ctx.ledger.sqlite.prepare(`${SELECT} WHERE id = ?`).get(id) as Row | undefined;
  if (!row) throw notFound(`Warehouse ${id}`, 'id');
  return toWarehouse(row);
}

const params = (w: WarehouseInput) => ({ code: w.code, name: w.name, ...w.address, active: w.active ? 1 : 0 });

function rethrowUnique(error: unknown, code: string): never {
  if (isUniqueViolation(error, 'code')) throw conflict(`Warehouse code ${code} is already used`, 'code');
  throw error;
}

export function createWarehouse(ctx: EngineContext, input: WarehouseInput): Warehouse {
  let id: number;
  try {
    id = Number(
      ctx.ledger.sqlite
        .prepare(
          `INSERT INTO warehouses (code, name, line1, line2, area, city, district, state_code, pincode, active)
                  VALUES (@code, @name, @line1, @line2, @area, @city, @district, @stateCode, @pincode, @active)`,
        )
        .run(params(input)).lastInsertRowid,
    );
  } catch (error) {
    rethrowUnique(error, input.code);
  }
  recordAudit(ctx, 'create', 'warehouse', id, { code: input.code });
  return getWarehouse(ctx, id);
}

export function updateWarehouse(
  ctx: EngineContext,
  input: WarehouseInput & { id: number; version: number },
): Warehouse {
  getWarehouse(ctx, input.id);
  let changes = 0;
  try {
    changes = ctx.ledger.sqlite
      .prepare(
        `UPDATE warehouses SET code=@code, name=@name, line1=@line1, line2=@line2, area=@area, city=@city, district=@district,
                state_code=@stateCode, pincode=@pincode, active=@active, version = version + 1 WHERE id = @id AND version = @version`,
      )
      .run({ ...params(input), id: input.id, version: input.version }).changes;
  } catch (error) {
    rethrowUnique(error, input.code);
  }
  if (changes === 0)
    throw conflict('Someone else changed this warehouse since you opened it; reload and try again', 'version');
  recordAudit(ctx, 'update', 'warehouse', input.id, { code: input.code, active: input.active });
  return getWarehouse(ctx, input.id);
}
