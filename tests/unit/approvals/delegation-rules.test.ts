import { describe, expect, it } from 'vitest';
import {
  delegationRefusal,
  delegationState,
  type DelegationFacts,
} from '../../../src-main/engine/approvals/delegation-rules';

const facts = (over: Partial<DelegationFacts> = {}): DelegationFacts => ({
  today: '2026-11-30',
  actor: { id: 1, role: 'manager' },
  actorManagesUsers: false,
  substitute: { active: true, role: 'manager', displayName: 'Anil' },
  approverOthers: [],
  substituteAway: [],
  ...over,
});
const draft = { approverId: 1, substituteId: 2, startsOn: '2026-12-01', endsOn: '2026-12-03' };

describe('delegation rules', () => {
  it('allows an approver naming an active approver for days to come', () => {
    expect(delegationRefusal(draft, facts())).toBeNull();
  });

  it('refuses, naming the field: a substitute away then, an inactive one, more than 366 days, a touching range', () => {
    const away = delegationRefusal(
      draft,
      facts({ substituteAway: [{ startsOn: '2026-12-03', endsOn: '2026-12-09' }] }),
    );
    expect(away).toMatchObject({
      code: 'conflict',
      field: 'substituteId',
      message: 'Anil is away from 2026-12-03 to 2026-12-09',
    });
    expect(
      delegationRefusal(draft, facts({ substitute: { active: false, role: 'manager', displayName: 'Anil' } })),
    ).toMatchObject({ field: 'substituteId' });
    expect(delegationRefusal({ ...draft, endsOn: '2027-12-02' }, facts())).toMatchObject({ field: 'endsOn' });
    // Ranges include both days: one ending on the 1st overlaps one starting on the 1st; the 30th does not.
    const other = (endsOn: string) =>
      facts({ approverOthers: [{ startsOn: '2026-11-25', endsOn, substituteName: 'Zia' }] });
    expect(delegationRefusal(draft, other('2026-12-01'))).toMatchObject({ code: 'conflict', field: 'startsOn' });
    expect(delegationRefusal(draft, other('2026-11-30'))).toBeNull();
  });

  it('reads upcoming, active and over from the business date and an early end', () => {
    const d = { startsOn: '2026-12-01', endsOn: '2026-12-03', endedAt: null };
    expect(delegationState(d, '2026-11-30', '2026-11-30T10:00:00.000Z')).toBe('upcoming');
    expect(delegationState(d, '2026-12-03', '2026-12-03T10:00:00.000Z')).toBe('active');
    expect(delegationState(d, '2026-12-04', '2026-12-04T10:00:00.000Z')).toBe('over');
    const ended = { ...d, endedAt: '2026-12-02T06:30:00.000Z' };
    expect(delegationState(ended, '2026-12-02', '2026-12-02T06:29:00.000Z')).toBe('active');
    expect(delegationState(ended, '2026-12-02', '2026-12-02T06:30:00.000Z')).toBe('over');
  });
});
