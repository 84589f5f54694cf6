import { describe, expect, it } from 'vitest';
import { licenceProblems, type BuyerLicences } from '../../../src-main/engine/licences/licence-rule';

const none: BuyerLicences = {
  drugLicence20b: '',
  drugLicence21b: '',
  drugLicenceExpiry: null,
  fssaiLicence: '',
  fssaiExpiry: null,
};
const shop = (licences: Partial<BuyerLicences>) => ({ name: 'Lifeline', licences: { ...none, ...licences } });
const syrup = { name: 'Cough syrup', licence: 'drug' as const };
const ghee = { name: 'Ghee 1 l', licence: 'food' as const };
const soap = { name: 'Soap', licence: 'none' as const };

describe('licence rule', () => {
  it('asks nothing for products that need no licence', () => {
    expect(licenceProblems(shop({}), [soap], '2026-11-22')).toEqual([]);
  });

  it('holds a licence valid through its expiry day, and expired the day after', () => {
    const holder = shop({ drugLicence21b: '21B-7', drugLicenceExpiry: '2026-11-22' });
    expect(licenceProblems(holder, [syrup], '2026-11-22')).toEqual([]);
    expect(licenceProblems(holder, [syrup], '2026-11-23')).toEqual([
      "Lifeline's drug licence (20B/21B) 21B-7 expired on 22-11-2026, needed for Cough syrup",
    ]);
  });

  it('says each missing licence once, naming every product that needs it', () => {
    const cheese = { name: 'Cheese slices', licence: 'food' as const };
    expect(licenceProblems(shop({}), [ghee, syrup, cheese, ghee, soap], '2026-11-22')).toEqual([
      'Lifeline has no drug licence (20B/21B) on file, needed for Cough syrup',
      'Lifeline has no FSSAI licence on file, needed for Ghee 1 l, Cheese slices',
    ]);
  });

  it('keeps the two licences apart: a drug licence does not cover food', () => {
    const chemist = shop({ drugLicence20b: '20B-1', drugLicenceExpiry: '2027-01-01' });
    expect(licenceProblems(chemist, [syrup], '2026-11-22')).toEqual([]);
    expect(licenceProblems(chemist, [ghee], '2026-11-22')).toHaveLength(1);
  });
});
