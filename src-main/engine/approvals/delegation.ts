// placeholder: the approval-time branch replaces this file
import type { EngineContext } from '../context';

/** Who stands in for userId at that instant (nobody, until the approval-time branch brings delegation). */
export function activeSubstituteFor(_ctx: EngineContext, _userId: number, _at: Date): number | null {
  return null;
}

/** Whom this user stands in for at that instant. */
export function standingInFor(_ctx: EngineContext, _substituteId: number, _at: Date): number[] {
  return [];
}
