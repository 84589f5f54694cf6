import { isStateCode } from './india-states';

const CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const SHAPE = /^(\d{2})([A-Z]{5}\d{4}[A-Z])([1-9A-Z])Z([0-9A-Z])$/;

/** GSTIN check character: the mod-36 scheme GSTN publishes (alternate factors 1 and 2). */
export function gstinCheckChar(first14: string): string {
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    const value = CHARS.indexOf(first14[i]!);
    const product = value * (i % 2 === 0 ? 1 : 2);
    sum += Math.floor(product / 36) + (product % 36);
  }
  return CHARS[(36 - (sum % 36)) % 36]!;
}

/** Returns why a GSTIN is wrong, or null when it is valid. */
export function gstinProblem(raw: string): string | null {
  const gstin = raw.trim().toUpperCase();
  if (gstin.length !== 15) return 'GSTIN must be 15 characters';
  const m = SHAPE.exec(gstin);
  if (!m) return 'GSTIN must look like 27ABCDE1234F1Z5 (state code, PAN, entity number, Z, check character)';
  if (!isStateCode(m[1]!)) return `GSTIN starts with ${m[1]}, which is not a GST state code`;
  if (gstinCheckChar(gstin.slice(0, 14)) !== gstin[14])
    return 'GSTIN check character does not match; check for a typing mistake';
  return null;
}
