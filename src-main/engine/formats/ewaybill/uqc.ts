/**
 * Stockist's unit names → the GST unit quantity code (UQC) the portals take. A unit outside the list goes as OTH
 * (others), which both portals accept; the e-invoice list of codes is in docs/formats/EINVOICE.md.
 */
const UQC: Record<string, string> = {
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
  bottle: 'BTL',
  btl: 'BTL',
  doz: 'DOZ',
  dozen: 'DOZ',
  bag: 'BAG',
  set: 'SET',
  tube: 'TUB',
  strip: 'OTH',
};

export const uqcOf = (unit: string) => UQC[unit.trim().toLowerCase()] ?? 'OTH';
