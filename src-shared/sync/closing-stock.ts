/** The text both sides hash (SHA-256, hex) for the daily control total's closingStockHash:
 * one line per warehouse × product × batch with a non-zero quantity, "warehouse\tsku\tbatch\tqty",
 * batch empty when null, lines sorted by code-point order, each ending in "\n". */
export interface ClosingStockLine {
  warehouseCode: string;
  sku: string;
  batchNo: string | null;
  qty: number;
}

export function closingStockCanonical(lines: ClosingStockLine[]): string {
  return lines
    .filter((l) => l.qty !== 0)
    .map((l) => `${l.warehouseCode}\t${l.sku}\t${l.batchNo ?? ''}\t${l.qty}\n`)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .join('');
}
