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
  /**
   * Runs a read-only task (an import file's check) in a read worker on its own connection, when the host has
   * one; without it the caller runs the task itself.
   */
  runInWorker?: (task: 'imports.check', input: unknown) => Promise<unknown>;
}

export function isoNow(ctx: EngineContext): string {
  return ctx.now().toISOString();
}
