/**
 * A product's base unit as the GST unit quantity code (UQC) the return wants. Stockist's units are free short
 * names ("pc", "kg", "case"); the common ones map to their code and anything else is "OTH" (others), which the
 * portal accepts. A UQC on the product itself would replace this (docs/formats/README.md, "Gaps").
 */
const codes: Record<string, string> = {
  pc: 'PCS',
  pcs: 'PCS',
  piece: 'PCS',
  nos: 'NOS',
  no: 'NOS',
  kg: 'KGS',
  g: 'GMS',
  gm: 'GMS',
  l: 'LTR',
  ltr: 'LTR',
  ml: 'MLT',
  m: 'MTR',
  box: 'BOX',
  case: 'CTN',
  carton: 'CTN',
  pack: 'PAC',
  pkt: 'PAC',
  bag: 'BAG',
  bottle: 'BTL',
  btl: 'BTL',
  can: 'CAN',
  dozen: 'DOZ',
  doz: 'DOZ',
  set: 'SET',
  tube: 'TUB',
  roll: 'ROL',
  tin: 'TIN',
  unit: 'UNT',
  pair: 'PRS',
};

export function uqcFor(baseUnit: string): string {
  return codes[baseUnit.trim().toLowerCase()] ?? 'OTH';
}
