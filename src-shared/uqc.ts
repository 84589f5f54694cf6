/**
 * GST unit quantity codes (UQC) the e-invoice portal accepts (docs/formats/EINVOICE.md, from india-compliance's
 * UOM_MAP and the IRP master list).
 */
// prettier-ignore
export const UQC_CODES = [
  'BAG', 'BAL', 'BDL', 'BKL', 'BOU', 'BOX', 'BTL', 'BUN', 'CAN', 'CBM', 'CCM', 'CMS', 'CTN', 'DOZ', 'DRM', 'GGK',
  'GMS', 'GRS', 'GYD', 'KGS', 'KLR', 'KME', 'LTR', 'MLT', 'MTR', 'MTS', 'NOS', 'OTH', 'PAC', 'PCS', 'PRS', 'QTL',
  'ROL', 'SET', 'SQF', 'SQM', 'SQY', 'TBS', 'TGM', 'THD', 'TON', 'TUB', 'UGS', 'UNT', 'YDS',
] as const;
export type Uqc = (typeof UQC_CODES)[number];

const codes = new Set<string>(UQC_CODES);

export function isUqc(code: string): code is Uqc {
  return codes.has(code);
}

/** The code a distributor's unit name usually means; a product's own UQC overrides it. */
// prettier-ignore
const USUAL: Record<string, Uqc> = {
  pc: 'PCS', pcs: 'PCS', piece: 'PCS', pieces: 'PCS', nos: 'NOS', no: 'NOS', unit: 'UNT', units: 'UNT', strip: 'PCS',
  sachet: 'PCS', tablet: 'PCS', tab: 'PCS', cap: 'PCS', vial: 'PCS', tube: 'TUB', pouch: 'PCS', kg: 'KGS',
  kgs: 'KGS', g: 'GMS', gm: 'GMS', gms: 'GMS', gram: 'GMS', l: 'LTR', ltr: 'LTR', litre: 'LTR', ml: 'MLT', m: 'MTR',
  mtr: 'MTR', box: 'BOX', case: 'CTN', carton: 'CTN', ctn: 'CTN', bottle: 'BTL', btl: 'BTL', bag: 'BAG', can: 'CAN',
  dozen: 'DOZ', doz: 'DOZ', pack: 'PAC', pkt: 'PAC', packet: 'PAC', pair: 'PRS', set: 'SET', roll: 'ROL',
  drum: 'DRM', bundle: 'BDL', quintal: 'QTL', tonne: 'TON',
};

/** The UQC of a product: its own, else the usual code for its base unit's name, else null (to be set). */
export function uqcFor(product: { uqc: string; baseUnit: string }): Uqc | null {
  if (product.uqc && isUqc(product.uqc)) return product.uqc;
  const name = product.baseUnit.trim().toLowerCase();
  if (isUqc(name.toUpperCase())) return name.toUpperCase() as Uqc;
  return USUAL[name] ?? null;
}

/** For the returns and the e-way bill, which take "OTH" (others) for a unit with no code; the IRP does not. */
export function uqcOrOther(product: { uqc: string; baseUnit: string }): Uqc {
  return uqcFor(product) ?? 'OTH';
}
