import { companyTimeZone } from '../engine/business-date';
import type { EngineContext } from '../engine/context';
import { localStamp } from '../engine/formats/ewaybill/validity';
import type { Pdf } from './pdf-kit';

/** "2026-11-23 23:59" → "23/11/2026 23:59", as the portal prints it. */
const portalStamp = (stamp: string) => `${stamp.slice(0, 10).split('-').reverse().join('/')} ${stamp.slice(11)}`;

/** The e-way bill line of an invoice imported back from the portal, as the checkpost reads it; '' when none. */
export function ewayBillLine(ctx: EngineContext, invoiceId: number): string {
  const row = ctx.ledger.sqlite
    .prepare('SELECT number, generated_at AS generatedAt, valid_upto AS validUpto FROM eway_bills WHERE invoice_id = ?')
    .get(invoiceId) as { number: string; generatedAt: string; validUpto: string } | undefined;
  if (!row) return '';
  const tz = companyTimeZone(ctx);
  const at = (iso: string) => portalStamp(localStamp(new Date(iso), tz));
  const spaced = row.number.replace(/(\d{4})(?=\d)/g, '$1 ');
  return `E-way bill ${spaced} · generated ${at(row.generatedAt)} · valid upto ${at(row.validUpto)}`;
}

/** Prints the invoice's e-way bill under the parties, when the portal's answer has been imported. */
export function drawInvoiceEwayBill(ctx: EngineContext, doc: Pdf, invoiceId: number): void {
  const line = ewayBillLine(ctx, invoiceId);
  if (!line) return;
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.font('Bold').fontSize(9).text(line, left, doc.y, { width });
  doc.font('Body').moveDown(0.4);
  doc.x = left;
}
