import { daysBetween } from '../../../src-shared/dates';

/**
 * Which batches an order line takes its stock from. Pure: plain data in, picks and the reasons
 * for them out, so the clerk can see why batch B was taken before batch A.
 */
export const allocationMethods = ['fefo', 'fifo', 'lifo', 'manual'] as const;
export type AllocationMethod = (typeof allocationMethods)[number];

export interface CandidateBatch {
  batchId: number;
  batchNo: string;
  manufacturedOn: string | null;
  expiresOn: string | null;
  /** on hand − reserved in the order's warehouse, base units */
  available: number;
}

export interface AllocationRequest {
  quantity: number;
  method: AllocationMethod;
  /** yyyy-mm-dd of the allocation */
  today: string;
  /** the customer's minimum remaining shelf life; batches expiring sooner are skipped */
  minShelfLifeDays: number;
  /** for manual allocation: the batches the clerk chose, in order, with quantities */
  manual?: { batchId: number; quantity: number }[];
}

export interface BatchPick {
  batchId: number;
  batchNo: string;
  quantity: number;
  expiresOn: string | null;
}

export interface SkippedBatch {
  batchId: number;
  batchNo: string;
  reason: 'expired' | 'short-dated' | 'not available';
  detail: string;
}

export interface Allocation {
  picks: BatchPick[];
  allocated: number;
  shortfall: number;
  skipped: SkippedBatch[];
  explanation: string;
}

/** Undated batches always go last: nothing proves they are older, or newer, than a dated one. */
function orderBatches(batches: CandidateBatch[], method: Exclude<AllocationMethod, 'manual'>): CandidateBatch[] {
  const key = (b: CandidateBatch) => (method === 'fefo' ? b.expiresOn : b.manufacturedOn);
  return [...batches].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka !== kb) {
      if (ka === null) return 1;
      if (kb === null) return -1;
      const cmp = ka < kb ? -1 : 1;
      return method === 'lifo' ? -cmp : cmp;
    }
    // Ties (same date) go to the earlier expiry, then the batch number, so the result never depends on row order.
    if (a.expiresOn !== b.expiresOn) return (a.expiresOn ?? '9999') < (b.expiresOn ?? '9999') ? -1 : 1;
    return a.batchNo < b.batchNo ? -1 : a.batchNo > b.batchNo ? 1 : a.batchId - b.batchId;
  });
}

const methodText: Record<AllocationMethod, string> = {
  fefo: 'FEFO: earliest expiry first',
  fifo: 'FIFO: oldest manufactured first',
  lifo: 'LIFO: newest manufactured first',
  manual: 'manual: batches chosen by the clerk',
};

export function allocateBatches(batches: CandidateBatch[], request: AllocationRequest): Allocation {
  if (!Number.isSafeInteger(request.quantity) || request.quantity < 0)
    throw new RangeError('quantity must be a whole number of base units');
  const skipped: SkippedBatch[] = [];
  const usable: CandidateBatch[] = [];
  for (const b of batches) {
    if (b.expiresOn !== null && b.expiresOn <= request.today) {
      skipped.push({ batchId: b.batchId, batchNo: b.batchNo, reason: 'expired', detail: `expired on ${b.expiresOn}` });
    } else if (
      b.expiresOn !== null &&
      request.minShelfLifeDays > 0 &&
      daysBetween(request.today, b.expiresOn) < request.minShelfLifeDays
    ) {
      skipped.push({
        batchId: b.batchId,
        batchNo: b.batchNo,
        reason: 'short-dated',
        detail: `${daysBetween(request.today, b.expiresOn)} days left, customer needs ${request.minShelfLifeDays}`,
      });
    } else if (b.available > 0) usable.push(b);
  }

  const picks: BatchPick[] = [];
  let remaining = request.quantity;
  if (request.method === 'manual') {
    const byId = new Map(usable.map((b) => [b.batchId, b]));
    for (const choice of request.manual ?? []) {
      if (remaining === 0) break;
      const b = byId.get(choice.batchId);
      if (!b) {
        const known = batches.find((x) => x.batchId === choice.batchId);
        const reason = skipped.find((s) => s.batchId === choice.batchId);
        if (!reason)
          skipped.push({
            batchId: choice.batchId,
            batchNo: known?.batchNo ?? String(choice.batchId),
            reason: 'not available',
            detail: 'no free stock in this warehouse',
          });
        continue;
      }
      const take = Math.min(choice.quantity, b.available, remaining);
      if (take > 0) {
        picks.push({ batchId: b.batchId, batchNo: b.batchNo, quantity: take, expiresOn: b.expiresOn });
        remaining -= take;
      }
    }
  } else {
    for (const b of orderBatches(usable, request.method)) {
      if (remaining === 0) break;
      const take = Math.min(b.available, remaining);
      picks.push({ batchId: b.batchId, batchNo: b.batchNo, quantity: take, expiresOn: b.expiresOn });
      remaining -= take;
    }
  }

  const allocated = request.quantity - remaining;
  const parts = [`${methodText[request.method]}`];
  if (picks.length)
    parts.push(
      `took ${picks.map((p) => `${p.quantity} from ${p.batchNo}${p.expiresOn ? ` (exp ${p.expiresOn})` : ''}`).join(', ')}`,
    );
  if (skipped.length) parts.push(`skipped ${skipped.map((s) => `${s.batchNo} (${s.detail})`).join(', ')}`);
  if (remaining > 0) parts.push(`${remaining} short: backordered`);
  return { picks, allocated, shortfall: remaining, skipped, explanation: parts.join('; ') };
}
