import type { Ledger } from '../ledger/open-ledger';
import type { Role } from '../../src-shared/permissions';

export interface Actor {
  id: number;
  username: string;
  displayName: string;
  role: Role;
}

/** What every engine service is handed: the ledger, who is acting, and the clock (fake in tests). */
export interface EngineContext {
  ledger: Ledger;
  actor: Actor | null;
  now: () => Date;
}

export function isoNow(ctx: EngineContext): string {
  return ctx.now().toISOString();
}
