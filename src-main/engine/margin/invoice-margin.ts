import type { InvoiceMargin } from '../../../src-shared/contract/margin';
import type { EngineContext } from '../context';
import { marginBps, sumMargin } from './margin-rules';

/**
 * What one invoice earns: each line's value before tax less its cost of goods, and the same after its credit
 * notes (a return takes its sales value and the cost that came back off; a price difference only the value).
 */
export function invoiceMargin(ctx: EngineContext, invoiceId: number): InvoiceMargin {
  const { sqlite } = ctx.ledger;
  const lines = sqlite
    .prepare('SELECT id, taxable, cost FROM invoice_lines WHERE invoice_id = ? ORDER BY id')
    .all(invoiceId) as { id: number; taxable: number; cost: number | null }[];
  const credited = sqlite
    .prepare(
      `SELECT cl.invoice_line_id AS lineId, sum(cl.taxable) AS taxable, sum(coalesce(cl.cost, 0)) AS cost
       FROM credit_note_lines cl JOIN invoice_lines il ON il.id = cl.invoice_line_id WHERE il.invoice_id = ? GROUP BY cl.invoice_line_id`,
    )
    .all(invoiceId) as { lineId: number; taxable: number; cost: number }[];
  const figures = sumMargin(lines);
  const after = sumMargin(
    lines.map((l) => {
      const c = credited.find((x) => x.lineId === l.id);
      return { taxable: l.taxable - (c?.taxable ?? 0), cost: l.cost === null ? null : l.cost - (c?.cost ?? 0) };
    }),
  );
  return {
    ...figures,
    afterCredits: {
      sales: after.sales,
      cost: after.cost,
      margin: after.margin,
      marginBps: marginBps(after.margin, after.sales, after.unknownLines < lines.length),
    },
    lines: lines.map((l) => ({ id: l.id, cost: l.cost, margin: l.cost === null ? null : l.taxable - l.cost })),
  };
}
