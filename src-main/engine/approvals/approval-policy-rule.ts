import type { ApprovalConditions, ApprovalLevel, ApprovalSubject } from '../../../src-shared/contract/approvals';
import { formatMoney } from '../../../src-shared/money';

/**
 * Which policy governs a request, as a pure rule over plain data. The policies of the request's subjects
 * whose conditions all hold are candidates; the most demanding (most levels) wins, then the lower priority
 * number, then the older policy. No candidate: the built-in default, one manager, as before policies existed.
 */
export interface PolicyVersion {
  policyId: number;
  versionId: number;
  version: number;
  subject: ApprovalSubject;
  name: string;
  active: boolean;
  priority: number;
  mode: 'sequence' | 'parallel';
  conditions: ApprovalConditions;
  levels: ApprovalLevel[];
}

export interface ApprovalFacts {
  /** the subjects this request falls under (an order over its limit with a big discount: credit_breach, discount) */
  subjects: ApprovalSubject[];
  amount: number;
  customerType: string | null;
  stateCode: string | null;
  district: string | null;
  /** the largest line discount, basis points */
  discountBps: number;
  /** the bill's margin, basis points; null when cost is unknown */
  marginBps: number | null;
}

/** What a request keeps for its whole life, whatever happens to the policy later. */
export interface ApprovalPlan {
  policyName: string;
  version: number;
  mode: 'sequence' | 'parallel';
  levels: ApprovalLevel[];
}

export interface PolicyMatch {
  policy: PolicyVersion | null;
  plan: ApprovalPlan;
  why: string;
}

export const DEFAULT_PLAN: ApprovalPlan = {
  policyName: 'Default: one manager',
  version: 0,
  mode: 'sequence',
  levels: [{ role: 'manager', userIds: [], minApprovers: 1, escalateAfterHours: null, escalateToUserId: null }],
};

/** Each condition that does not hold, in words; empty when the policy applies. */
export function unmetConditions(c: ApprovalConditions, f: ApprovalFacts): string[] {
  const unmet: string[] = [];
  if (c.amountMin !== null && f.amount < c.amountMin) unmet.push(`amount below ${formatMoney(c.amountMin)}`);
  if (c.amountMax !== null && f.amount > c.amountMax) unmet.push(`amount above ${formatMoney(c.amountMax)}`);
  if (c.customerTypes.length > 0 && (f.customerType === null || !c.customerTypes.includes(f.customerType)))
    unmet.push(`customer type not ${c.customerTypes.join('/')}`);
  const inRegion = c.regions.some((r) => r === f.stateCode || r.toLowerCase() === (f.district ?? '').toLowerCase());
  if (c.regions.length > 0 && !inRegion) unmet.push(`outside ${c.regions.join('/')}`);
  if (c.discountBpsMin !== null && f.discountBps < c.discountBpsMin)
    unmet.push(`discount below ${c.discountBpsMin / 100}%`);
  if (c.marginBpsMax !== null && (f.marginBps === null || f.marginBps > c.marginBpsMax))
    unmet.push(`margin above ${c.marginBpsMax / 100}%`);
  return unmet;
}

export function matchPolicy(policies: PolicyVersion[], facts: ApprovalFacts): PolicyMatch {
  const candidates = policies
    .filter((p) => p.active && facts.subjects.includes(p.subject) && unmetConditions(p.conditions, facts).length === 0)
    .sort((a, b) => b.levels.length - a.levels.length || a.priority - b.priority || a.policyId - b.policyId);
  const chosen = candidates[0];
  if (!chosen)
    return { policy: null, plan: DEFAULT_PLAN, why: `no policy for ${facts.subjects.join(', ')} applies: default` };
  const { name, version, mode, levels } = chosen;
  const others = candidates.length - 1;
  return {
    policy: chosen,
    plan: { policyName: name, version, mode, levels },
    why: `${name} v${version} (${levels.length} level${levels.length > 1 ? 's' : ''}, ${mode})${
      others > 0 ? `; chosen over ${others} other matching` : ''
    }`,
  };
}
