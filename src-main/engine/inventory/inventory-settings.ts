import type { AllocationMethod } from './allocate-batches';
import { recordAudit } from '../audit';
import type { EngineContext } from '../context';

export function getInventorySettings(ctx: EngineContext) {
  const { sqlite } = ctx.ledger;
  const company = sqlite
    .prepare('SELECT allocation_method AS m, near_expiry_days AS d FROM company WHERE id = 1')
    .get() as { m: AllocationMethod; d: number } | undefined;
  const categoryRules = sqlite.prepare('SELECT category, method FROM allocation_rules ORDER BY category').all() as {
    category: string;
    method: AllocationMethod;
  }[];
  return { defaultMethod: company?.m ?? 'fefo', nearExpiryDays: company?.d ?? 90, categoryRules };
}

export function updateInventorySettings(
  ctx: EngineContext,
  input: {
    defaultMethod: AllocationMethod;
    nearExpiryDays: number;
    categoryRules: { category: string; method: AllocationMethod }[];
  },
) {
  const { sqlite } = ctx.ledger;
  sqlite
    .prepare('UPDATE company SET allocation_method = ?, near_expiry_days = ? WHERE id = 1')
    .run(input.defaultMethod, input.nearExpiryDays);
  sqlite.prepare('DELETE FROM allocation_rules').run();
  const insert = sqlite.prepare('INSERT OR REPLACE INTO allocation_rules (category, method) VALUES (?, ?)');
  for (const rule of input.categoryRules) insert.run(rule.category, rule.method);
  recordAudit(ctx, 'update', 'inventory_settings', null, input);
  return { ok: true as const };
}
