import { SYNC_LIMITS } from '../../../src-shared/sync';

export interface BatchLimits {
  maxEvents: number;
  maxBytes: number;
}
const protocolLimits: BatchLimits = { maxEvents: SYNC_LIMITS.maxBatchEvents, maxBytes: SYNC_LIMITS.maxBatchBytes };

/** The next push batch from pending events in sequence order: as many as fit in both the count and the
 * byte limit, but always at least one (an oversized event travels alone rather than blocking the queue). */
export function takeBatch<T>(pending: readonly T[], limits: BatchLimits = protocolLimits): T[] {
  const batch: T[] = [];
  let bytes = 2;
  for (const event of pending) {
    if (batch.length >= limits.maxEvents) break;
    const size = Buffer.byteLength(JSON.stringify(event)) + 1;
    if (batch.length > 0 && bytes + size > limits.maxBytes) break;
    batch.push(event);
    bytes += size;
  }
  return batch;
}
