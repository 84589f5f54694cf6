/** GST state codes: the first two digits of a GSTIN, and the place-of-supply code on invoices. */
export const indiaStates = [
  ['01', 'Jammu and Kashmir'],
  ['02', 'Himachal Pradesh'],
  ['03', 'Punjab'],
  ['04', 'Chandigarh'],
  ['05', 'Uttarakhand'],
  ['06', 'Haryana'],
  ['07', 'Delhi'],
  ['08', 'Rajasthan'],
  ['09', 'Uttar Pradesh'],
  ['10', 'Bihar'],
  ['11', 'Sikkim'],
  ['12', 'Arunachal Pradesh'],
  ['13', 'Nagaland'],
  ['14', 'Manipur'],
  ['15', 'Mizoram'],
  ['16', 'Tripura'],
  ['17', 'Meghalaya'],
  ['18', 'Assam'],
  ['19', 'West Bengal'],
  ['20', 'Jharkhand'],
  ['21', 'Odisha'],
  ['22', 'Chhattisgarh'],
  ['23', 'Madhya Pradesh'],
  ['24', 'Gujarat'],
  ['26', 'Dadra and Nagar Haveli and Daman and Diu'],
  ['27', 'Maharashtra'],
  ['29', 'Karnataka'],
  ['30', 'Goa'],
  ['31', 'Lakshadweep'],
  ['32', 'Kerala'],
  ['33', 'Tamil Nadu'],
  ['34', 'Puducherry'],
  ['35', 'Andaman and Nicobar Islands'],
  ['36', 'Telangana'],
  ['37', 'Andhra Pradesh'],
  ['38', 'Ladakh'],
  ['97', 'Other Territory'],
] as const;

export type StateCode = (typeof indiaStates)[number][0];
const byCode = new Map<string, string>(indiaStates);
const byName = new Map<string, string>(indiaStates.map(([c, n]) => [n.toLowerCase(), c]));

export function stateName(code: string): string | undefined {
  return byCode.get(code);
}
export function isStateCode(code: string): boolean {
  return byCode.has(code);
}
/** Accepts "27", "Maharashtra" or "maharashtra": CSV files from other tools use either. */
export function toStateCode(text: string): string | undefined {
  const t = text.trim();
  if (byCode.has(t)) return t;
  if (/^\d$/.test(t) && byCode.has(`0${t}`)) return `0${t}`;
  return byName.get(t.toLowerCase());
}
