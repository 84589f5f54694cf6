import QRCode from 'qrcode';
import type { EngineContext } from '../engine/context';
import type { Pdf } from './pdf-kit';

/** Points per side of the printed QR (about 2 inches): 1.3 pt modules for the IRP's ~1000-character code. */
const QR_SIZE = 150;
/** The blank border a QR reader needs around the code, in modules. */
const QUIET = 4;

/**
 * Draws the IRP's signed QR code as pdfkit squares from qrcode's module matrix (no image step), so the printed
 * code is exactly the SignedQRCode string the IRP returned.
 */
function drawQr(doc: Pdf, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'L' });
  const cell = size / (modules.size + 2 * QUIET);
  doc.save();
  for (let row = 0; row < modules.size; row++)
    for (let col = 0; col < modules.size; col++)
      if (modules.get(row, col)) doc.rect(x + (col + QUIET) * cell, y + (row + QUIET) * cell, cell, cell);
  doc.fill('black');
  doc.restore();
}

/**
 * The e-invoice block under the parties: IRN, Ack No and Ack Date beside the signed QR code, for an invoice the IRP
 * registered; nothing for one without an IRN.
 */
export function drawIrnBlock(ctx: EngineContext, doc: Pdf, invoiceId: number): void {
  const irn = ctx.ledger.sqlite
    .prepare(
      `SELECT irn, ack_no AS ackNo, ack_date AS ackDate, signed_qr_code AS qr, irn_status AS status
       FROM einvoice_irns WHERE invoice_id = ? AND irn_status IN ('ACT', 'CNL')`,
    )
    .get(invoiceId) as { irn: string; ackNo: string; ackDate: string; qr: string; status: string } | undefined;
  if (!irn) return;
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const top = doc.y + 4;
  drawQr(doc, irn.qr, left + width - QR_SIZE, top, QR_SIZE);
  const textWidth = width - QR_SIZE - 10;
  doc
    .font('Bold')
    .fontSize(10)
    .fillColor('black')
    .text('e-Invoice', left, top + 12, { width: textWidth });
  doc.moveDown(0.3).font('Body').fontSize(8.5);
  doc.text(`IRN: ${irn.irn}`, { width: textWidth });
  doc.text(`Ack No: ${irn.ackNo}`, { width: textWidth });
  doc.text(`Ack Date: ${irn.ackDate}`, { width: textWidth });
  if (irn.status === 'CNL') doc.font('Bold').fillColor('#c62828').text('IRN cancelled', { width: textWidth });
  doc.fillColor('black').font('Body').fontSize(9);
  doc.x = left;
  doc.y = top + QR_SIZE + 4;
}
