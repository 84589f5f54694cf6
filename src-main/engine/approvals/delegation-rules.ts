import { roleCan, type Permission, type Role } from '../../../src-shared/permissions';

/** What lets a user decide approval requests; a substitute must hold it to stand in. */
export const APPROVAL_PERMISSION: Permission = 'orders.approve';
/** Longer than a year is not "away", it is a new approver. */
export const MAX_DELEGATION_DAYS = 366;

export interface DelegationDraft {
  approverId: number;
  substituteId: number;
  startsOn: string;
  endsOn: string;
}

export interface DelegationFacts {
  today: string;
  actor: { id: number; role: Role };
  /** the actor may name substitutes for anyone (the administrator) */
  actorManagesUsers: boolean;
  substitute: { active: boolean; role: Role; displayName: string } | null;
  /** the approver's other delegations still in force or to come, for the overlap check */
  approverOthers: { startsOn: string; endsOn: string; substituteName: string }[];
  /** the substitute's own absences in those days: someone away cannot stand in */
  substituteAway: { startsOn: string; endsOn: string }[];
}

export type Refusal = { code: 'forbidden' | 'invalid_input' | 'conflict'; message: string; field: string };

const overlaps = (a: { startsOn: string; endsOn: string }, b: { startsOn: string; endsOn: string }) =>
  a.startsOn <= b.endsOn && b.startsOn <= a.endsOn;

/** Why a delegation may not be made, or null when it may: pure, so every refusal is tested on plain data. */
export function delegationRefusal(d: DelegationDraft, f: DelegationFacts): Refusal | null {
  if (d.approverId !== f.actor.id && !f.actorManagesUsers)
    return { code: 'forbidden', message: 'You can name a substitute only for yourself', field: 'approverId' };
  if (d.substituteId === d.approverId)
    return { code: 'invalid_input', message: 'An approver cannot stand in for themself', field: 'substituteId' };
  if (!f.substitute || !f.substitute.active)
    return { code: 'invalid_input', message: 'Choose an active user as substitute', field: 'substituteId' };
  if (!roleCan(f.substitute.role, APPROVAL_PERMISSION))
    return {
      code: 'invalid_input',
      message: `${f.substitute.displayName} may not approve, so cannot stand in for an approver`,
      field: 'substituteId',
    };
  if (d.endsOn < f.today)
    return { code: 'invalid_input', message: `The last day has passed (today is ${f.today})`, field: 'endsOn' };
  if (Date.parse(d.endsOn) - Date.parse(d.startsOn) >= MAX_DELEGATION_DAYS * 86_400_000)
    return { code: 'invalid_input', message: `At most ${MAX_DELEGATION_DAYS} days`, field: 'endsOn' };
  const clash = f.approverOthers.find((o) => overlaps(o, d));
  if (clash)
    return {
      code: 'conflict',
      message: `${clash.substituteName} already stands in from ${clash.startsOn} to ${clash.endsOn}; end that first`,
      field: 'startsOn',
    };
  const away = f.substituteAway.find((o) => overlaps(o, d));
  if (away)
    return {
      code: 'conflict',
      message: `${f.substitute.displayName} is away from ${away.startsOn} to ${away.endsOn}`,
      field: 'substituteId',
    };
  return null;
}

/** upcoming | active | over, at a business date and instant. */
export function delegationState(
  d: { startsOn: string; endsOn: string; endedAt: string | null },
  today: string,
  nowIso: string,
): 'upcoming' | 'active' | 'over' {
  if (d.endedAt !== null && d.endedAt <= nowIso) return 'over';
  if (d.endsOn < today) return 'over';
  return d.startsOn > today ? 'upcoming' : 'active';
}
