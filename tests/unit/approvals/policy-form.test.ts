import { describe, expect, it } from 'vitest';
import {
  conditionsSummary,
  toInput,
  toValues,
  type Policy,
} from '../../../src-renderer/src/screens/settings/policy-form';
import { wallClock } from '../../../src-shared/dates';

const policy: Policy = {
  id: 7,
  subject: 'order',
  versionId: 9,
  version: 2,
  name: 'Big orders',
  active: true,
  priority: 50,
  mode: 'parallel',
  conditions: {
    amountMin: 50_000_00,
    amountMax: null,
    customerTypes: ['retailer'],
    regions: ['27', 'Pune'],
    discountBpsMin: 750,
    marginBpsMax: -200,
  },
  levels: [
    { role: 'manager', userIds: [], minApprovers: 2, escalateAfterHours: 4, escalateToUserId: null },
    { role: null, userIds: [1, 3], minApprovers: 1, escalateAfterHours: null, escalateToUserId: 1 },
  ],
  createdAt: '2026-11-23T18:06:00.000Z',
  createdBy: 'Owner',
  history: [],
  inFlight: 0,
};

describe('the approval policy editor', () => {
  it('shows a policy in rupees and percentages and gives back the same policy to save', () => {
    const values = toValues(policy, 'order');
    expect(values.conditions.amountMin).toBe('50,000.00');
    expect(values.conditions.discountBpsMin).toBe('7.5');
    expect(values.conditions.marginBpsMax).toBe('-2');
    expect(values.levels[1]!.role).toBe('');
    const { input, problems } = toInput(values);
    expect(problems).toEqual({});
    const { id, subject, name, active, priority, mode, conditions, levels } = policy;
    expect(input).toEqual({ id, subject, name, active, priority, mode, conditions, levels });
  });

  it('names the field the admin mistyped, and blank means no bound', () => {
    const values = toValues(null, 'credit_note');
    values.conditions.amountMax = 'lots';
    values.levels[0]!.escalateAfterHours = 'soon';
    const { input, problems } = toInput(values);
    expect(problems).toEqual({
      'conditions.amountMax': 'Enter an amount in rupees, like 50,000',
      'levels.0.escalateAfterHours': 'Enter hours, like 4',
    });
    expect(input.conditions!.amountMin).toBeNull();
    expect(conditionsSummary(policy.conditions)).toBe(
      'from ₹50,000.00, customer type retailer, in 27/Pune, discount ≥ 7.5%, margin ≤ -2%',
    );
  });

  it('shows times on the company clock, not UTC', () => {
    expect(wallClock('2026-11-23T18:06:00.000Z', 'Asia/Kolkata')).toBe('2026-11-23 23:36');
  });
});
