/**
 * Reading the IRP's answers (pure: text in, plain entries or the reason out). An answer is either a registration
 * {Irn, AckNo, AckDt, SignedQRCode, SignedInvoice?} or a refusal {DocNo, ErrorDetails: [{ErrorCode, ErrorMessage}]}.
 * The document it belongs to is its DocNo when given, else the DocNo inside the signed QR code's payload.
 */

export interface QrPayload {
  SellerGstin?: string;
  BuyerGstin?: string;
  DocNo?: string;
  DocTyp?: string;
  DocDt?: string;
  TotInvVal?: number;
  Irn?: string;
}

export type IrpAnswer =
  | {
      kind: 'registered';
      docNo: string;
      docType: string | null;
      irn: string;
      ackNo: string;
      ackDate: string;
      ackAt: string;
      signedQrCode: string;
      signedInvoice: string | null;
      qr: QrPayload;
    }
  | { kind: 'refused'; docNo: string; docType: string | null; errors: { code: string; message: string }[] };

/** The payload of the IRP's signed QR code (a JWT): {"data": "<JSON text>"}. Its signature needs NIC's key. */
export function qrPayload(signedQrCode: string): QrPayload | null {
  const part = signedQrCode.split('.')[1];
  if (!part || signedQrCode.split('.').length !== 3) return null;
  try {
    const outer = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as { data?: unknown };
    const data = typeof outer.data === 'string' ? JSON.parse(outer.data) : outer.data;
    return data && typeof data === 'object' ? (data as QrPayload) : null;
  } catch {
    return null;
  }
}

const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v).trim() : '');

/** "2026-11-22 15:30:00" (Indian time, as the IRP writes AckDt) → an ISO instant; null when not that form. */
export function ackInstant(ackDt: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(:\d{2})?)$/.exec(ackDt);
  if (!m) return null;
  const at = new Date(`${m[1]}T${m[2]}${m[3] ? '' : ':00'}+05:30`);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

/** One answer, or why it cannot be read ("AckDt must be yyyy-mm-dd hh:mm:ss"). */
export function readIrpAnswer(raw: unknown): IrpAnswer | string {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return 'each answer must be a JSON object';
  const r = raw as Record<string, unknown>;
  const details = r.ErrorDetails ?? r.errorDetails ?? r.Errors;
  if (Array.isArray(details) && details.length > 0) {
    const docNo = text(r.DocNo);
    if (!docNo) return 'an IRP error list must carry the DocNo it refused';
    const errors = details.map((d: Record<string, unknown>) => ({
      code: text(d?.ErrorCode),
      message: text(d?.ErrorMessage) || 'refused',
    }));
    return { kind: 'refused', docNo, docType: text(r.DocTyp) || null, errors };
  }
  const irn = text(r.Irn);
  if (!/^[0-9a-f]{64}$/i.test(irn)) return 'Irn must be 64 hexadecimal characters';
  const ackNo = text(r.AckNo);
  if (!/^\d{1,20}$/.test(ackNo)) return 'AckNo must be the IRP acknowledgement number (digits)';
  const ackDate = text(r.AckDt);
  const ackAt = ackInstant(ackDate);
  if (!ackAt) return 'AckDt must be yyyy-mm-dd hh:mm:ss';
  const signedQrCode = text(r.SignedQRCode);
  const qr = qrPayload(signedQrCode);
  if (!qr) return 'SignedQRCode must be the signed QR code (a JWT) the IRP returned';
  if (qr.Irn && qr.Irn !== irn) return 'the signed QR code carries a different IRN';
  const docNo = text(r.DocNo) || text(qr.DocNo);
  if (!docNo) return 'the answer names no document (DocNo)';
  const signedInvoice = text(r.SignedInvoice) || null;
  return {
    kind: 'registered',
    docNo,
    docType: text(r.DocTyp ?? qr.DocTyp) || null,
    irn,
    ackNo,
    ackDate,
    ackAt,
    signedQrCode,
    signedInvoice,
    qr,
  };
}

/** The pasted or uploaded text: one answer or an array of them. */
export function readIrpAnswers(textIn: string): unknown[] | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(textIn);
  } catch {
    return 'The IRP response is not JSON';
  }
  const list = Array.isArray(parsed) ? parsed : [parsed];
  return list.length ? list : 'The IRP response holds no answers';
}
