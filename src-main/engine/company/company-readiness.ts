import { DEMO_PASSWORD, demoUsers } from '../demo/seed-demo';
import type { EngineContext } from '../context';

/**
 * What a tax invoice needs from the seller that the company profile lacks. GST wants the
 * supplier's GSTIN and address on every invoice; setup lets them wait, billing warns until then.
 */
export function companyReadiness(ctx: EngineContext): { ready: boolean; missing: string[]; warning: string | null } {
  const c = ctx.ledger.sqlite.prepare('SELECT gstin, address_line1 AS line1, city FROM company WHERE id = 1').get() as
    { gstin: string; line1: string; city: string } | undefined;
  const missing = [...(!c?.gstin ? ['GSTIN'] : []), ...(!c?.line1 ? ['address'] : []), ...(!c?.city ? ['city'] : [])];
  const warning = missing.length
    ? `The company profile has no ${missing.join(', ')}: a tax invoice must show the seller's GSTIN and address. Add them in Settings → Company before billing.`
    : null;
  return { ready: missing.length === 0, missing, warning };
}

/** The demo company's sign-ins, for its login screen; none for a real company. */
export function demoSignIns(
  ctx: EngineContext,
): { username: string; displayName: string; role: string; password: string }[] {
  const row = ctx.ledger.sqlite.prepare('SELECT is_demo AS demo FROM company WHERE id = 1').get() as
    { demo: number } | undefined;
  return row?.demo ? demoUsers.map((u) => ({ ...u, password: DEMO_PASSWORD })) : [];
}
