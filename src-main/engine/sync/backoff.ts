/** Exponential backoff with full jitter: the n-th retry waits a random time in [0, min(cap, base·2^n)),
 * so many devices coming back online after an HQ outage do not retry in lockstep. */

export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}
export const defaultBackoff: BackoffPolicy = { baseMs: 500, capMs: 5 * 60_000 };

/** attempt 0 is the first retry; random is in [0, 1). */
export function backoffDelayMs(
  attempt: number,
  policy: BackoffPolicy = defaultBackoff,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(Math.max(0, attempt), 30));
  return Math.floor(random() * ceiling);
}
