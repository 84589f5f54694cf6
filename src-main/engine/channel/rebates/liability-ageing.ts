import { daysBetween } from '../../../../src-shared/dates';

export const liabilityBuckets = ['d0_30', 'd31_60', 'd61_90', 'd90'] as const;
export type LiabilityBucket = (typeof liabilityBuckets)[number];

/** One movement of a liability: a rebate accrual or allowance earned (+), or what reduced it (−), on its date. */
export interface LiabilityMovement {
  group: string;
  kind: string;
  date: string;
  amount: number;
}

export interface AgedLiability {
  group: string;
  kind: string;
  buckets: Record<LiabilityBucket, number>;
  total: number;
}

const bucketOf = (days: number): LiabilityBucket =>
  days <= 30 ? 'd0_30' : days <= 60 ? 'd31_60' : days <= 90 ? 'd61_90' : 'd90';

/**
 * Ages what is outstanding per group and kind by the date it accrued: reductions (true-downs, reversals, returns
 * taken) use up the oldest amounts first, so what remains is the youngest. A group whose reductions exceed what
 * accrued shows the excess, negative, in 0–30.
 */
export function ageLiabilities(movements: LiabilityMovement[], today: string): AgedLiability[] {
  const groups = new Map<string, LiabilityMovement[]>();
  for (const m of movements) {
    const key = `${m.group}\u0000${m.kind}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  const out: AgedLiability[] = [];
  for (const list of groups.values()) {
    const sorted = [...list].sort((a, b) => a.date.localeCompare(b.date));
    const open = sorted.filter((m) => m.amount > 0).map((m) => ({ date: m.date, amount: m.amount }));
    let reduce = -sorted.filter((m) => m.amount < 0).reduce((s, m) => s + m.amount, 0);
    for (const o of open) {
      const used = Math.min(o.amount, reduce);
      o.amount -= used;
      reduce -= used;
    }
    const buckets: Record<LiabilityBucket, number> = { d0_30: -reduce, d31_60: 0, d61_90: 0, d90: 0 };
    for (const o of open) buckets[bucketOf(daysBetween(o.date, today))] += o.amount;
    const total = buckets.d0_30 + buckets.d31_60 + buckets.d61_90 + buckets.d90;
    if (total !== 0) out.push({ group: list[0]!.group, kind: list[0]!.kind, buckets, total });
  }
  return out.sort((a, b) => a.group.localeCompare(b.group) || a.kind.localeCompare(b.kind));
}
