import { formatDocDate } from '../../../src-shared/dates';

/** What a buyer holds: drug licence numbers (20B general, 21B Schedule C/C1) with one expiry, and FSSAI. */
export interface BuyerLicences {
  drugLicence20b: string;
  drugLicence21b: string;
  drugLicenceExpiry: string | null;
  fssaiLicence: string;
  fssaiExpiry: string | null;
}

export type LicenceKind = 'drug' | 'food';

export interface LicensedProduct {
  name: string;
  licence: 'none' | LicenceKind;
}

const licenceName: Record<LicenceKind, string> = { drug: 'drug licence (20B/21B)', food: 'FSSAI licence' };

function held(buyer: BuyerLicences, kind: LicenceKind): { number: string; expiry: string | null } {
  return kind === 'drug'
    ? { number: buyer.drugLicence20b || buyer.drugLicence21b, expiry: buyer.drugLicenceExpiry }
    : { number: buyer.fssaiLicence, expiry: buyer.fssaiExpiry };
}

/**
 * Why this buyer may not be billed these products on `day` (a business date): one sentence per
 * licence missing or expired, naming the products that need it. Empty when all is in order. The
 * expiry date is the licence's last valid day.
 */
export function licenceProblems(
  buyer: { name: string; licences: BuyerLicences },
  products: LicensedProduct[],
  day: string,
): string[] {
  const problems: string[] = [];
  for (const kind of ['drug', 'food'] as const) {
    const needing = [...new Set(products.filter((p) => p.licence === kind).map((p) => p.name))];
    if (needing.length === 0) continue;
    const { number, expiry } = held(buyer.licences, kind);
    const forWhat = `needed for ${needing.join(', ')}`;
    if (!number) problems.push(`${buyer.name} has no ${licenceName[kind]} on file, ${forWhat}`);
    else if (expiry !== null && expiry < day)
      problems.push(`${buyer.name}'s ${licenceName[kind]} ${number} expired on ${formatDocDate(expiry)}, ${forWhat}`);
  }
  return problems;
}
