import { recordAudit } from '../../audit';
import { businessDate } from '../../business-date';
import { isoNow, type EngineContext } from '../../context';
import { conflict, invalid } from '../../errors';
import { irpDate } from './build-einvoice';
import { readIrpAnswer, readIrpAnswers, type IrpAnswer } from './irn-response';

interface Target {
  type: 'invoice' | 'creditNote';
  id: number;
  number: string;
  date: string;
  total: number;
  status: string;
  buyerGstin: string;
  irn: string | null;
  irnStatus: string | null;
}

function findDocument(ctx: EngineContext, docNo: string, docType: string | null): Target | undefined {
  const { sqlite } = ctx.ledger;
  const invoice = () =>
    sqlite
      .prepare(
        `SELECT 'invoice' AS type, i.id, i.number, i.invoice_date AS date, i.total, i.status, c.gstin AS buyerGstin,
                e.irn, e.irn_status AS irnStatus
         FROM invoices i JOIN customers c ON c.id = i.customer_id LEFT JOIN einvoice_irns e ON e.invoice_id = i.id
         WHERE i.number = ?`,
      )
      .get(docNo) as Target | undefined;
  const creditNote = () => {
    const row = sqlite
      .prepare(
        `SELECT 'creditNote' AS type, cn.id, cn.number, cn.posted_at AS postedAt, cn.total, 'posted' AS status,
                c.gstin AS buyerGstin, e.irn, e.irn_status AS irnStatus
         FROM credit_notes cn JOIN customers c ON c.id = cn.customer_id
         LEFT JOIN einvoice_irns e ON e.credit_note_id = cn.id WHERE cn.number = ?`,
      )
      .get(docNo) as (Target & { postedAt: string }) | undefined;
    return row && { ...row, date: businessDate(ctx, new Date(row.postedAt)) };
  };
  if (docType === 'CRN') return creditNote();
  if (docType === 'INV') return invoice();
  return invoice() ?? creditNote();
}

/** Why a registration does not belong to the document of that number (another company's, an edited copy…). */
function mismatch(answer: Extract<IrpAnswer, { kind: 'registered' }>, doc: Target, sellerGstin: string) {
  const q = answer.qr;
  if (q.SellerGstin && q.SellerGstin !== sellerGstin) return `seller GSTIN ${q.SellerGstin}, ours is ${sellerGstin}`;
  if (q.BuyerGstin && q.BuyerGstin !== doc.buyerGstin) return `buyer GSTIN ${q.BuyerGstin}, ours is ${doc.buyerGstin}`;
  if (q.DocDt && q.DocDt !== irpDate(doc.date)) return `date ${q.DocDt}, ours is ${irpDate(doc.date)}`;
  if (q.TotInvVal !== undefined && Math.round(Number(q.TotInvVal) * 100) !== doc.total)
    return `value ${q.TotInvVal}, ours is ${doc.total / 100}`;
  return null;
}

export interface ImportOutcome {
  type: Target['type'];
  id: number;
  number: string;
  outcome: 'registered' | 'refused' | 'unchanged';
  irn: string | null;
  ackNo: string | null;
  ackDate: string | null;
  errors: { code: string; message: string }[];
}

/**
 * Takes the IRP's answers back in: each matched to its document by number and checked against it first, so one
 * answer that does not fit refuses the whole import and nothing is written.
 */
export function importIrpResponse(ctx: EngineContext, input: { response: string }): { results: ImportOutcome[] } {
  const raw = readIrpAnswers(input.response);
  if (typeof raw === 'string') throw invalid(raw, 'response');
  const sellerGstin = (ctx.ledger.sqlite.prepare('SELECT gstin FROM company WHERE id = 1').get() as { gstin: string })
    .gstin;
  const seen = new Set<string>();
  const planned = raw.map((entry, i) => {
    const answer = readIrpAnswer(entry);
    const at = raw.length > 1 ? `Answer ${i + 1}: ` : '';
    if (typeof answer === 'string') throw invalid(`${at}${answer}`, 'response');
    const doc = findDocument(ctx, answer.docNo, answer.docType);
    if (!doc) throw invalid(`${at}no invoice or credit note is numbered ${answer.docNo}`, 'response');
    if (seen.has(doc.number)) throw invalid(`${at}${doc.number} is answered twice`, 'response');
    seen.add(doc.number);
    if (doc.status === 'cancelled') throw conflict(`${at}${doc.number} is cancelled; it takes no IRN`, 'response');
    if (answer.kind === 'registered') {
      const why = mismatch(answer, doc, sellerGstin);
      if (why) throw invalid(`${at}the IRN is for another ${doc.number}: ${why}`, 'response');
      if (doc.irn && doc.irnStatus !== 'ERR' && doc.irn !== answer.irn)
        throw conflict(`${at}${doc.number} already has IRN ${doc.irn}`, 'response');
    } else if (doc.irnStatus === 'ACT' || doc.irnStatus === 'CNL') {
      throw conflict(
        `${at}${doc.number} already has IRN ${doc.irn}; the error list is for an earlier attempt`,
        'response',
      );
    }
    return { answer, doc };
  });
  return { results: planned.map(({ answer, doc }) => record(ctx, answer, doc)) };
}

function record(ctx: EngineContext, answer: IrpAnswer, doc: Target): ImportOutcome {
  const { sqlite } = ctx.ledger;
  const base = { type: doc.type, id: doc.id, number: doc.number };
  if (answer.kind === 'registered' && doc.irn === answer.irn && doc.irnStatus !== 'ERR') {
    return { ...base, outcome: 'unchanged', irn: answer.irn, ackNo: answer.ackNo, ackDate: answer.ackDate, errors: [] };
  }
  const column = doc.type === 'invoice' ? 'invoice_id' : 'credit_note_id';
  sqlite.prepare(`DELETE FROM einvoice_irns WHERE ${column} = ?`).run(doc.id);
  const registered = answer.kind === 'registered' ? answer : null;
  const errors = answer.kind === 'refused' ? answer.errors : [];
  sqlite
    .prepare(
      `INSERT INTO einvoice_irns (document_type, ${column}, irn_status, irn, ack_no, ack_date, ack_at, signed_qr_code,
         signed_invoice, errors, imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      doc.type === 'invoice' ? 'INV' : 'CRN',
      doc.id,
      registered ? 'ACT' : 'ERR',
      registered?.irn ?? null,
      registered?.ackNo ?? null,
      registered?.ackDate ?? null,
      registered?.ackAt ?? null,
      registered?.signedQrCode ?? null,
      registered?.signedInvoice ?? null,
      JSON.stringify(errors),
      isoNow(ctx),
      ctx.actor?.id ?? null,
    );
  const detail = registered
    ? { number: doc.number, irn: registered.irn, ackNo: registered.ackNo, ackDate: registered.ackDate }
    : { number: doc.number, errors };
  recordAudit(ctx, registered ? 'irn_registered' : 'irn_refused', auditEntity(doc.type), doc.id, detail);
  return {
    ...base,
    outcome: registered ? 'registered' : 'refused',
    irn: registered?.irn ?? null,
    ackNo: registered?.ackNo ?? null,
    ackDate: registered?.ackDate ?? null,
    errors,
  };
}

const auditEntity = (type: Target['type']) => (type === 'invoice' ? 'invoice' : 'credit_note');
