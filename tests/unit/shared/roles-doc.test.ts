import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract } from '../../../src-shared/contract';
import { permissions, roleCan, roles, rolePermissions, type Permission } from '../../../src-shared/permissions';

/** The "By permission" matrix of docs/ROLES.md, as role → permissions ticked. */
function documented(): Record<string, string[]> {
  const text = fs.readFileSync(path.resolve(__dirname, '../../../docs/ROLES.md'), 'utf8');
  const section = text.slice(text.indexOf('## By permission'));
  const byRole: Record<string, string[]> = Object.fromEntries(roles.map((r) => [r, []]));
  for (const line of section.split('\n').filter((l) => l.startsWith('| `'))) {
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    const permission = cells[0]!.replaceAll('`', '');
    roles.forEach((r, i) => cells[i + 1] === '✓' && byRole[r]!.push(permission));
  }
  return byRole;
}

describe('docs/ROLES.md', () => {
  it('shows exactly the permissions each role has in code', () => {
    const inCode = Object.fromEntries(roles.map((r) => [r, permissions.filter((p) => rolePermissions[r].includes(p))]));
    expect(documented()).toEqual(inCode);
  });

  it('the billing clerk may call the operations that post delivery notes, invoices and dispatches', () => {
    for (const name of [
      'deliveryNotes.post',
      'invoices.post',
      'dispatches.create',
      'dispatches.confirmDelivery',
    ] as const) {
      expect(roleCan('billing_clerk', contract[name].access as Permission), name).toBe(true);
    }
  });
});
