import type { EngineContext } from '../context';
import { conflict, invalid } from '../errors';
import { recordAudit } from '../audit';

export interface CustomerType {
  code: string;
  name: string;
  parentTypes: string[];
  creditPolicy: 'block' | 'warn' | 'approval';
  overdueBlockDays: number | null;
  minShelfLifeDays: number;
}

export function listCustomerTypes(ctx: EngineContext): CustomerType[] {
  const rows = ctx.ledger.sqlite
    .prepare(
      `SELECT code, name, parent_types AS parentTypes, credit_policy AS creditPolicy, overdue_block_days AS overdueBlockDays, min_shelf_life_days AS minShelfLifeDays
       FROM customer_types ORDER BY sort_order, name`,
    )
    .all() as (Omit<CustomerType, 'parentTypes'> & { parentTypes: string })[];
  return rows.map((r) => ({ ...r, parentTypes: JSON.parse(r.parentTypes) as string[] }));
}

export function customerTypeOf(ctx: EngineContext, code: string): CustomerType | undefined {
  return listCustomerTypes(ctx).find((t) => t.code === code);
}

export function createCustomerType(ctx: EngineContext, input: CustomerType): CustomerType {
  if (customerTypeOf(ctx, input.code)) throw conflict(`Customer type ${input.code} already exists`, 'code');
  const known = new Set(listCustomerTypes(ctx).map((t) => t.code));
  input.parentTypes.forEach((p, i) => {
    if (!known.has(p)) throw invalid(`Parent type ${p} is not configured`, `parentTypes.${i}`);
  });
  const order = (
    ctx.ledger.sqlite.prepare('SELECT coalesce(max(sort_order), 0) + 1 AS n FROM customer_types').get() as { n: number }
  ).n;
  ctx.ledger.sqlite
    .prepare(
      'INSERT INTO customer_types (code, name, parent_types, sort_order, credit_policy, overdue_block_days, min_shelf_life_days) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    .run(
      input.code,
      input.name,
      JSON.stringify(input.parentTypes),
      order,
      input.creditPolicy,
      input.overdueBlockDays,
      input.minShelfLifeDays,
    );
  recordAudit(ctx, 'create', 'customer_type', null, input);
  return input;
}

export function updateCustomerType(ctx: EngineContext, input: CustomerType): CustomerType {
  const before = customerTypeOf(ctx, input.code);
  if (!before) throw invalid(`Customer type ${input.code} is not configured`, 'code');
  const known = new Set(listCustomerTypes(ctx).map((t) => t.code));
  input.parentTypes.forEach((p, i) => {
    if (!known.has(p) || p === input.code)
      throw invalid(`Parent type ${p} is not a valid parent for ${input.code}`, `parentTypes.${i}`);
  });
  ctx.ledger.sqlite
    .prepare(
      'UPDATE customer_types SET name = ?, parent_types = ?, credit_policy = ?, overdue_block_days = ?, min_shelf_life_days = ? WHERE code = ?',
    )
    .run(
      input.name,
      JSON.stringify(input.parentTypes),
      input.creditPolicy,
      input.overdueBlockDays,
      input.minShelfLifeDays,
      input.code,
    );
  recordAudit(ctx, 'update', 'customer_type', null, { before, after: input });
  return customerTypeOf(ctx, input.code)!;
}
