import type { z } from 'zod';
import type { Supplier, supplierFields } from '../../../src-shared/contract/purchasing';
import { recordAudit } from '../audit';
import type { EngineContext } from '../context';
import { checkGstinState } from '../customers/customer-rules';
import { conflict, isUniqueViolation, notFound } from '../errors';

type SupplierInput = z.output<typeof supplierFields>;

const SELECT = `SELECT id, code, name, gstin, state_code AS stateCode, address, phone, email,
  payment_terms_days AS paymentTermsDays, lead_time_days AS leadTimeDays, tds_194q AS tds194q, status, version
  FROM suppliers`;

type Row = Omit<Supplier, 'tds194q' | 'active'> & { tds194q: number; status: string };

function toSupplier({ status, tds194q, ...r }: Row): Supplier {
  return { ...r, tds194q: tds194q === 1, active: status === 'active' };
}

export function listSuppliers(ctx: EngineContext, includeInactive: boolean): Supplier[] {
  const where = includeInactive ? '' : "WHERE status = 'active'";
  const rows = ctx.ledger.sqlite.prepare(`${SELECT} ${where} ORDER BY status = 'active' DESC, name`).all() as Row[];
  return rows.map(toSupplier);
}

export function getSupplier(ctx: EngineContext, id: number, field = 'id'): Supplier {
  const row = ctx.ledger.sqlite.prepare(`${SELECT} WHERE id = ?`).get(id) as Row | undefined;
  if (!row) throw notFound(`Supplier ${id}`, field);
  return toSupplier(row);
}

const params = (s: SupplierInput) => ({
  code: s.code,
  name: s.name,
  gstin: s.gstin,
  stateCode: s.stateCode,
  address: s.address,
  phone: s.phone,
  email: s.email,
  paymentTermsDays: s.paymentTermsDays,
  leadTimeDays: s.leadTimeDays,
  tds194q: s.tds194q ? 1 : 0,
  status: s.active ? 'active' : 'inactive',
});

function rethrowUnique(error: unknown, code: string): never {
  if (isUniqueViolation(error, 'code')) throw conflict(`Supplier code ${code} is already used`, 'code');
  throw error;
}

export function createSupplier(ctx: EngineContext, input: SupplierInput): Supplier {
  checkGstinState(input.gstin, input.stateCode, 'gstin');
  let id = 0;
  try {
    id = Number(
      ctx.ledger.sqlite
        .prepare(
          `INSERT INTO suppliers (code, name, gstin, state_code, address, phone, email, payment_terms_days,
             lead_time_days, tds_194q, status)
           VALUES (@code, @name, @gstin, @stateCode, @address, @phone, @email, @paymentTermsDays, @leadTimeDays,
             @tds194q, @status)`,
        )
        .run(params(input)).lastInsertRowid,
    );
  } catch (error) {
    rethrowUnique(error, input.code);
  }
  recordAudit(ctx, 'create', 'supplier', id, { code: input.code });
  return getSupplier(ctx, id);
}

export function updateSupplier(ctx: EngineContext, input: SupplierInput & { id: number; version: number }): Supplier {
  getSupplier(ctx, input.id);
  checkGstinState(input.gstin, input.stateCode, 'gstin');
  let changes = 0;
  try {
    changes = ctx.ledger.sqlite
      .prepare(
        `UPDATE suppliers SET code = @code, name = @name, gstin = @gstin, state_code = @stateCode, address = @address,
           phone = @phone, email = @email, payment_terms_days = @paymentTermsDays, lead_time_days = @leadTimeDays,
           tds_194q = @tds194q, status = @status, version = version + 1, updated_at = @now
         WHERE id = @id AND version = @version`,
      )
      .run({ ...params(input), id: input.id, version: input.version, now: ctx.now().toISOString() }).changes;
  } catch (error) {
    rethrowUnique(error, input.code);
  }
  if (changes === 0)
    throw conflict('Someone else changed this supplier since you opened it; reload and try again', 'version');
  recordAudit(ctx, 'update', 'supplier', input.id, { code: input.code, active: input.active });
  return getSupplier(ctx, input.id);
}
