import type { z } from 'zod';
import type { schemeInput } from '../../../src-shared/contract/pricing';
import { schemeEligibility, schemeRule, type SchemeRule } from '../../../src-shared/contract/scheme-rules';
import { formatMoney } from '../../../src-shared/money';
import { recordAudit } from '../audit';
import type { EngineContext } from '../context';
import { conflict, invalid, notFound } from '../errors';
import { isEligible, type SchemeDefinition } from './apply-schemes';

type SchemeInput = z.output<typeof schemeInput>;

/** The products a rule names, each with the field that names it (so an error points at it). */
function productIdsIn(rule: SchemeRule): [number, string][] {
  if (rule.kind === 'free_goods')
    return [
      [rule.buyProductId, 'rule.buyProductId'],
      [rule.getProductId, 'rule.getProductId'],
    ];
  if (rule.kind === 'volume') return rule.target.productIds.map((id, i) => [id, `rule.target.productIds.${i}`]);
  return [];
}

export function createScheme(ctx: EngineContext, input: SchemeInput) {
  const { sqlite } = ctx.ledger;
  for (const [productId, field] of productIdsIn(input.rule)) {
    if (!sqlite.prepare('SELECT 1 FROM products WHERE id = ?').get(productId))
      throw invalid(`Product ${productId} does not exist`, field);
  }
  if (
    input.fundedBySupplierId !== null &&
    !sqlite.prepare('SELECT 1 FROM suppliers WHERE id = ?').get(input.fundedBySupplierId)
  )
    throw notFound(`Brand (supplier) ${input.fundedBySupplierId}`, 'fundedBySupplierId');
  if (sqlite.prepare('SELECT 1 FROM schemes WHERE code = ?').get(input.code))
    throw conflict(`Scheme code ${input.code} is already used`, 'code');
  const id = Number(
    sqlite
      .prepare(
        'INSERT INTO schemes (code, name, kind, rule, eligibility, valid_from, valid_to, priority, exclusive, budget_cap, funded_by_supplier_id, active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)',
      )
      .run(
        input.code,
        input.name,
        input.rule.kind,
        JSON.stringify(input.rule),
        JSON.stringify(input.eligibility),
        input.validFrom,
        input.validTo,
        input.priority,
        input.exclusive ? 1 : 0,
        input.budgetCap,
        input.fundedBySupplierId,
        ctx.now().toISOString(),
      ).lastInsertRowid,
  );
  recordAudit(ctx, 'create', 'scheme', id, { code: input.code, kind: input.rule.kind });
  return { id };
}

export function setSchemeActive(ctx: EngineContext, id: number, active: boolean) {
  if (ctx.ledger.sqlite.prepare('UPDATE schemes SET active = ? WHERE id = ?').run(active ? 1 : 0, id).changes === 0)
    throw notFound(`Scheme ${id}`, 'id');
  recordAudit(ctx, active ? 'activate' : 'deactivate', 'scheme', id);
  return { ok: true as const };
}

interface SchemeRow {
  id: number;
  code: string;
  name: string;
  kind: string;
  rule: string;
  eligibility: string;
  validFrom: string | null;
  validTo: string | null;
  priority: number;
  exclusive: number;
  budgetCap: number | null;
  budgetUsed: number;
  fundedBySupplierId: number | null;
  active: number;
}
const SELECT = `SELECT id, code, name, kind, rule, eligibility, valid_from AS validFrom, valid_to AS validTo, priority, exclusive, budget_cap AS budgetCap, budget_used AS budgetUsed, funded_by_supplier_id AS fundedBySupplierId, active FROM schemes`;

function sku(ctx: EngineContext, productId: number): string {
  return (
    (ctx.ledger.sqlite.prepare('SELECT sku FROM products WHERE id = ?').get(productId) as { sku: string } | undefined)
      ?.sku ?? `#${productId}`
  );
}

export function describeRule(ctx: EngineContext, rule: SchemeRule): string {
  if (rule.kind === 'value')
    return rule.slabs
      .map(
        (s) =>
          `order ≥ ${formatMoney(s.minValue)}: ${s.discountBps ? `${s.discountBps / 100}%` : formatMoney(s.flat!)} off`,
      )
      .join('; ');
  if (rule.kind === 'volume') {
    const target = [
      ...rule.target.productIds.map((p) => sku(ctx, p)),
      ...rule.target.categories,
      ...rule.target.brands,
    ].join(', ');
    return `${target}: ${rule.slabs.map((s) => `≥ ${s.minQuantity} units ${s.discountBps ? `${s.discountBps / 100}%` : `${formatMoney(s.perUnit!)}/unit`} off`).join('; ')}`;
  }
  return `buy ${rule.buyQuantity} ${sku(ctx, rule.buyProductId)} get ${rule.getQuantity} ${sku(ctx, rule.getProductId)} free${rule.repeat ? ' (for every multiple)' : ''}`;
}

export function listSchemes(ctx: EngineContext) {
  return (ctx.ledger.sqlite.prepare(`${SELECT} ORDER BY active DESC, priority, id`).all() as SchemeRow[]).map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    summary: describeRule(ctx, schemeRule.parse(JSON.parse(r.rule))),
    validFrom: r.validFrom,
    validTo: r.validTo,
    priority: r.priority,
    exclusive: r.exclusive === 1,
    budgetCap: r.budgetCap,
    budgetUsed: r.budgetUsed,
    fundedBySupplierId: r.fundedBySupplierId,
    active: r.active === 1,
  }));
}

export function getScheme(ctx: EngineContext, id: number) {
  const r = ctx.ledger.sqlite.prepare(`${SELECT} WHERE id = ?`).get(id) as SchemeRow | undefined;
  if (!r) throw notFound(`Scheme ${id}`, 'id');
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    rule: schemeRule.parse(JSON.parse(r.rule)),
    eligibility: schemeEligibility.parse(JSON.parse(r.eligibility)),
    validFrom: r.validFrom,
    validTo: r.validTo,
    priority: r.priority,
    exclusive: r.exclusive === 1,
    budgetCap: r.budgetCap,
    budgetUsed: r.budgetUsed,
    fundedBySupplierId: r.fundedBySupplierId,
    active: r.active === 1,
  };
}

/** Active schemes valid on the date that this customer is eligible for, ready for the rule. */
export function schemesFor(
  ctx: EngineContext,
  customer: { customerId: number; customerType: string; stateCode: string; district: string },
  date: string,
): SchemeDefinition[] {
  const rows = ctx.ledger.sqlite
    .prepare(
      `${SELECT} WHERE active = 1 AND (valid_from IS NULL OR valid_from <= ?) AND (valid_to IS NULL OR valid_to >= ?)`,
    )
    .all(date, date) as SchemeRow[];
  return rows
    .filter((r) => isEligible(schemeEligibility.parse(JSON.parse(r.eligibility)), customer))
    .map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      rule: schemeRule.parse(JSON.parse(r.rule)),
      priority: r.priority,
      exclusive: r.exclusive === 1,
      budgetRemaining: r.budgetCap === null ? null : r.budgetCap - r.budgetUsed,
    }));
}

export function spendSchemeBudget(ctx: EngineContext, schemeId: number, amount: number): void {
  ctx.ledger.sqlite.prepare('UPDATE schemes SET budget_used = budget_used + ? WHERE id = ?').run(amount, schemeId);
}
