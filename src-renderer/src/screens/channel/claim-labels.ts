import type { ClaimStatus } from '../../../../src-shared/contract/channel-claims';

export const claimStatusLabel: Record<ClaimStatus, string> = {
  draft: 'Draft',
  filed: 'Filed',
  accepted: 'Accepted',
  partly_accepted: 'Partly accepted',
  rejected: 'Rejected',
  settled: 'Settled',
};

export const claimKindLabel: Record<string, string> = {
  scheme: 'Scheme',
  price_difference: 'Price difference',
  ship_and_debit: 'Ship and debit',
  rebate: 'Rebate',
  damage: 'Damage',
  expiry: 'Expiry',
  price_protection: 'Price protection',
};

/** The pill colour of a status: waiting on the brand, done well, or refused. */
export const statusPill = (s: ClaimStatus) =>
  s === 'rejected' ? 'blocked' : s === 'settled' || s === 'accepted' ? 'active' : 'on_hold';
