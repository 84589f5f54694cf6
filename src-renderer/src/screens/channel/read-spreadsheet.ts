/** A picked file as the import operations take it: a CSV as text, a workbook as base64. */
export async function readSpreadsheet(file: File): Promise<{ csv: string | null; xlsxBase64: string | null }> {
  if (!/\.xlsx$/i.test(file.name)) return { csv: await file.text(), xlsxBase64: null };
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In slices: String.fromCharCode over a whole workbook overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { csv: null, xlsxBase64: btoa(binary) };
}
