/** GS1 check digit (EAN-8, UPC-A, EAN-13, GTIN-14): weights 3,1 from the right, excluding the check digit. */
export function gs1CheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * Numeric codes of GS1 lengths must carry a correct check digit (a mistyped EAN is the usual
 * cause of "scanner finds nothing"); other codes of 4–32 letters/digits are in-house barcodes.
 */
export function barcodeProblem(code: string): string | null {
  if (/^\d{8}$|^\d{12,14}$/.test(code)) {
    const expected = gs1CheckDigit(code.slice(0, -1));
    if (expected !== Number(code.at(-1))) return `check digit should be ${expected}; the barcode is mistyped`;
    return null;
  }
  if (!/^[A-Za-z0-9\-.]{4,32}$/.test(code)) return 'barcode must be an EAN/GTIN or 4–32 letters and digits';
  return null;
}

/** A GTIN-14 from a scan matches the EAN-13 stored for the product when the leading zero is dropped. */
export function barcodeVariants(code: string): string[] {
  const variants = [code];
  if (/^0\d{13}$/.test(code)) variants.push(code.slice(1));
  if (/^\d{13}$/.test(code)) variants.push(`0${code}`);
  if (/^00\d{12}$/.test(code)) variants.push(code.slice(2));
  return variants;
}
