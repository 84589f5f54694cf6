import type { ApprovalSubject } from '../../../../src-shared/contract/approvals';
import type { InputOf, OutputOf } from '../../../../src-shared/contract';
import { formatMoney, parseMoney } from '../../../../src-shared/money';

export type Policy = OutputOf<'approvalPolicies.list'>[number];
type PolicyInput = InputOf<'approvalPolicies.save'>;

/** What each subject means to the owner setting it up. */
export const subjectLabels: Record<ApprovalSubject, string> = {
  order: 'Orders',
  credit_breach: 'Orders over the credit limit',
  discount: 'Discount or price below the list',
  customer: 'New customers',
  customer_terms: 'Credit limit or terms raised',
  write_off: 'Stock write-offs',
  credit_note: 'Credit notes',
};

/**
 * The editor holds what the admin types (rupees, percentages, comma lists) under the same paths as the API's
 * input, so an error the API names ("levels.1.role") lands under the field that caused it.
 */
export interface LevelValues {
  /** '' : only the named users */
  role: string;
  userIds: number[];
  minApprovers: string;
  escalateAfterHours: string;
  /** '' : to the next level */
  escalateToUserId: string;
}
export interface PolicyValues {
  id: number | null;
  subject: ApprovalSubject;
  name: string;
  active: boolean;
  priority: string;
  mode: 'sequence' | 'parallel';
  conditions: {
    amountMin: string;
    amountMax: string;
    customerTypes: string;
    regions: string;
    discountBpsMin: string;
    marginBpsMax: string;
  };
  levels: LevelValues[];
}

export const blankLevel = (role = 'manager'): LevelValues => ({
  role,
  userIds: [],
  minApprovers: '1',
  escalateAfterHours: '',
  escalateToUserId: '',
});

const rupees = (p: number | null) => (p === null ? '' : formatMoney(p, { symbol: false }));
const percent = (bps: number | null) => (bps === null ? '' : String(bps / 100));

export function toValues(p: Policy | null, subject: ApprovalSubject): PolicyValues {
  if (!p)
    return {
      id: null,
      subject,
      name: '',
      active: true,
      priority: '100',
      mode: 'sequence',
      conditions: {
        amountMin: '',
        amountMax: '',
        customerTypes: '',
        regions: '',
        discountBpsMin: '',
        marginBpsMax: '',
      },
      levels: [blankLevel()],
    };
  const c = p.conditions;
  return {
    id: p.id,
    subject: p.subject,
    name: p.name,
    active: p.active,
    priority: String(p.priority),
    mode: p.mode,
    conditions: {
      amountMin: rupees(c.amountMin),
      amountMax: rupees(c.amountMax),
      customerTypes: c.customerTypes.join(', '),
      regions: c.regions.join(', '),
      discountBpsMin: percent(c.discountBpsMin),
      marginBpsMax: percent(c.marginBpsMax),
    },
    levels: p.levels.map((l) => ({
      role: l.role ?? '',
      userIds: l.userIds,
      minApprovers: String(l.minApprovers),
      escalateAfterHours: l.escalateAfterHours === null ? '' : String(l.escalateAfterHours),
      escalateToUserId: l.escalateToUserId === null ? '' : String(l.escalateToUserId),
    })),
  };
}

/** A field the admin typed that is not a number, by path: checked here so the message speaks of what was typed. */
export type Problems = Record<string, string>;

export function toInput(v: PolicyValues): { input: PolicyInput; problems: Problems } {
  const problems: Problems = {};
  const num = (path: string, text: string, what: string, scale = 1): number | null => {
    const t = text.trim().replace(/%$/, '');
    if (t === '') return null;
    const n = Number(t);
    if (!Number.isFinite(n)) {
      problems[path] = `Enter ${what}`;
      return null;
    }
    return Math.round(n * scale);
  };
  const money = (path: string, text: string): number | null => {
    if (text.trim() === '') return null;
    const p = parseMoney(text);
    if (p === null) problems[path] = 'Enter an amount in rupees, like 50,000';
    return p;
  };
  const list = (text: string) =>
    text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const c = v.conditions;
  const input: PolicyInput = {
    id: v.id,
    subject: v.subject,
    name: v.name,
    active: v.active,
    priority: num('priority', v.priority, 'a whole number like 100') ?? 100,
    mode: v.mode,
    conditions: {
      amountMin: money('conditions.amountMin', c.amountMin),
      amountMax: money('conditions.amountMax', c.amountMax),
      customerTypes: list(c.customerTypes),
      regions: list(c.regions),
      discountBpsMin: num('conditions.discountBpsMin', c.discountBpsMin, 'a percentage like 7.5', 100),
      marginBpsMax: num('conditions.marginBpsMax', c.marginBpsMax, 'a percentage like 4', 100),
    },
    levels: v.levels.map((l, i) => ({
      role: l.role === '' ? null : (l.role as NonNullable<PolicyInput['levels'][number]['role']>),
      userIds: l.role === '' ? l.userIds : [],
      minApprovers: num(`levels.${i}.minApprovers`, l.minApprovers, 'how many must approve, like 1') ?? 1,
      escalateAfterHours: num(`levels.${i}.escalateAfterHours`, l.escalateAfterHours, 'hours, like 4'),
      escalateToUserId: l.escalateToUserId === '' ? null : Number(l.escalateToUserId),
    })),
  };
  return { input, problems };
}

/** One line per level for the list: "Manager → Administrator (both)". */
export function levelsSummary(
  p: Pick<Policy, 'levels' | 'mode'>,
  names: Map<number, string>,
  roleName: (r: string) => string,
) {
  const each = p.levels.map((l) => {
    const who = l.role ? roleName(l.role) : l.userIds.map((u) => names.get(u) ?? `user ${u}`).join(' / ');
    const many = l.minApprovers > 1 ? ` ×${l.minApprovers}` : '';
    const esc = l.escalateAfterHours !== null ? ` (escalates after ${l.escalateAfterHours} h)` : '';
    return `${who}${many}${esc}`;
  });
  return p.mode === 'parallel' ? `${each.join(' + ')}, together` : each.join(' → ');
}

/** The conditions in words, for the list and the history. */
export function conditionsSummary(c: Policy['conditions']): string {
  const parts: string[] = [];
  if (c.amountMin !== null) parts.push(`from ${formatMoney(c.amountMin)}`);
  if (c.amountMax !== null) parts.push(`up to ${formatMoney(c.amountMax)}`);
  if (c.customerTypes.length) parts.push(`customer type ${c.customerTypes.join('/')}`);
  if (c.regions.length) parts.push(`in ${c.regions.join('/')}`);
  if (c.discountBpsMin !== null) parts.push(`discount ≥ ${c.discountBpsMin / 100}%`);
  if (c.marginBpsMax !== null) parts.push(`margin ≤ ${c.marginBpsMax / 100}%`);
  return parts.length ? parts.join(', ') : 'always';
}
