import { stateName } from '../../src-shared/india-states';
import type { EngineContext } from '../engine/context';

/** The seller's block as it prints on every document. */
export function companyBlock(ctx: EngineContext): { name: string; lines: string[] } {
  const c = ctx.ledger.sqlite.prepare('SELECT * FROM company WHERE id = 1').get() as Record<string, string>;
  return {
    name: c.name ?? 'Stockist',
    lines: [
      [c.address_line1, c.address_line2].filter(Boolean).join(', '),
      [c.city, stateName(c.state_code ?? ''), c.pincode].filter(Boolean).join(', '),
      c.gstin ? `GSTIN ${c.gstin} · State code ${c.state_code}` : `State code ${c.state_code}`,
      [c.phone, c.email].filter(Boolean).join(' · '),
    ],
  };
}
