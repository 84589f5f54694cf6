import type { EngineContext } from '../../src-main/engine/context';
import { createCompany } from '../../src-main/engine/company/company-service';
import { createUser } from '../../src-main/engine/users/user-service';
import { openFreshLedger } from './test-server';

/** A fresh ledger on a temp file, a company, an administrator acting, and a fixed clock. */
export function engineContext(now = new Date('2026-11-22T10:00:00Z')): EngineContext {
  const ledger = openFreshLedger();
  const ctx: EngineContext = { ledger, actor: null, now: () => now };
  createCompany(ctx, { name: 'Test Distributors', stateCode: '27' });
  const admin = createUser(ctx, {
    username: 'admin',
    displayName: 'Asha Admin',
    role: 'admin',
    password: 'correct-horse',
  });
  return { ...ctx, actor: { id: admin.id, username: admin.username, displayName: admin.displayName, role: 'admin' } };
}
