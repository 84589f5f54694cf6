import type { EngineContext } from '../context';
import { conflict, invalid } from '../errors';
import { recordAudit } from '../audit';

export interface CustomerType {
  code: string;
  name: string;
  parentTypes: string[];
}

export function listCustomerTypes(ctx: EngineContext): CustomerType[] {
  const rows = ctx.ledger.sqlite.prepare('SELECT code, name, parent_types AS parentTypes FROM customer_types ORDER BY sort_order, name').all() as {
    code: string;
    name: string;
    parentTypes: string;
  }[];
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
  const order = (ctx.ledger.sqlite.prepare('SELECT coalesce(max(sort_order), 0) + 1 AS n FROM customer_types').get() as { n: number }).n;
  ctx.ledger.sqlite.prepare('INSERT INTO customer_types (code, name, parent_types, sort_order) VALUES (?, ?, ?, ?)').run(input.code, input.name, JSON.stringify(input.parentTypes), order);
  recordAudit(ctx, 'create', 'customer_type', null, input);
  return input;
}
