import { formatDocDate } from '../../src-shared/dates';
import type { Pdf } from './pdf-kit';

/**
 * A cancelled invoice still prints (its number stays used), but nobody can mistake it for a bill:
 * a large CANCELLED across the page and a red line with the day and the reason under the header.
 */
export function stampCancelled(
  doc: Pdf,
  inv: { status: string; cancelledOn: string | null; cancelReason: string },
): void {
  if (inv.status !== 'cancelled') return;
  const { width, height } = doc.page;
  const x = doc.x;
  const y = doc.y;
  doc.save();
  doc.rotate(-35, { origin: [width / 2, height / 2] });
  doc.font('Bold').fontSize(88).fillColor('#c62828').fillOpacity(0.18);
  // Wider than the page so the word never wraps; centred on the page's middle.
  doc.text('CANCELLED', -width / 2, height / 2 - 50, { width: width * 2, align: 'center', lineBreak: false });
  doc.restore();
  doc.fillOpacity(1);
  doc.font('Bold').fontSize(11).fillColor('#c62828');
  doc.text(`CANCELLED on ${formatDocDate(inv.cancelledOn)}: ${inv.cancelReason}`, x, y, {
    width: width - doc.page.margins.left - doc.page.margins.right,
  });
  doc.fillColor('black').font('Body').fontSize(9);
  doc.x = x;
  doc.y += 4;
}
