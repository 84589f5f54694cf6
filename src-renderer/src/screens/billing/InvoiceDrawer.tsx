import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { formatMoney, parseMoney } from '../../../../src-shared/money';
import { call } from '../../api/client';
import { useDocumentKey } from '../../api/document-key';
import { Drawer } from '../../components/Drawer';
import { PdfPreview } from '../../components/PdfPreview';
import { toast } from '../../stores/toast-store';
import { CancelInvoiceBox, CancelledBanner } from './CancelInvoiceBox';
import { InvoiceMarginSummary, lineMarginText } from './InvoiceMargin';

type Invoice = OutputOf<'invoices.get'>;

/** One invoice: its lines, the PDF, a credit note for returns or a price difference, or cancelling it. */
export function InvoiceDrawer({
  id,
  canBill,
  onClose,
  onChanged,
}: {
  id: number;
  canBill: boolean;
  onClose(): void;
  onChanged(): void;
}) {
  const [inv, setInv] = useState<Invoice | null>(null);
  const [pdf, setPdf] = useState<OutputOf<'documents.invoice'> | null>(null);
  const [kind, setKind] = useState<'return' | 'price_difference'>('return');
  const [reason, setReason] = useState('');
  const [amounts, setAmounts] = useState<Record<number, string>>({});
  const [damaged, setDamaged] = useState(false);
  const [error, setError] = useState('');
  const documentKey = useDocumentKey();
  useEffect(() => void call('invoices.get', { id }).then(setInv), [id]);
  if (!inv) return null;
  const credit = async () => {
    const lines = Object.entries(amounts)
      .filter(([, v]) => v.trim())
      .map(([lineId, v]) => ({
        invoiceLineId: Number(lineId),
        restock: damaged ? ('damaged' as const) : ('sellable' as const),
        quantity: kind === 'return' ? Number(v) : 0,
        taxable: kind === 'price_difference' ? (parseMoney(v) ?? -1) : 0,
      }));
    try {
      const cn = await call('creditNotes.post', { invoiceId: id, kind, reason, lines }, documentKey.options);
      documentKey.renew();
      toast.ok(
        cn.number === null
          ? `Credit note of ${formatMoney(cn.total)} waits for approval; nothing is credited until approved`
          : `${cn.number}: ${formatMoney(cn.total)} credited`,
      );
      setAmounts({});
      setInv(await call('invoices.get', { id }));
      onChanged();
      setError('');
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Drawer
      title={`Invoice ${inv.number}`}
      onClose={onClose}
      footer={<button onClick={() => void call('documents.invoice', { id }).then(setPdf)}>Print / PDF</button>}
    >
      <div className="detail-head">
        <span>{inv.customerName}</span>
        <span className="muted">
          {inv.invoiceDate} · due {inv.dueDate}
        </span>
        <strong className="num">{formatMoney(inv.total)}</strong>
        <span className="muted">paid {formatMoney(inv.paid)}</span>
      </div>
      <table className="lines compact">
        <thead>
          <tr>
            <th>Product</th>
            <th>Batch</th>
            <th className="right">Qty</th>
            <th className="right">Taxable</th>
            <th className="right">Total</th>
            {inv.margin && <th className="right">Margin</th>}
            {canBill && <th>{kind === 'return' ? 'Return qty' : 'Credit ₹ (taxable)'}</th>}
          </tr>
        </thead>
        <tbody>
          {inv.lines.map((l) => (
            <tr key={l.id}>
              <td>
                <strong>{l.sku}</strong> {l.productName}
              </td>
              <td>{l.batchNo}</td>
              <td className="right num">{l.quantity}</td>
              <td className="right num">{formatMoney(l.taxable)}</td>
              <td className="right num">{formatMoney(l.total)}</td>
              {inv.margin && <td className="right num">{lineMarginText(inv.margin, l.id)}</td>}
              {canBill && (
                <td>
                  <input
                    aria-label={`Credit on ${l.sku}`}
                    className="pct"
                    value={amounts[l.id] ?? ''}
                    onChange={(e) => setAmounts({ ...amounts, [l.id]: e.target.value })}
                  />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {inv.margin && <InvoiceMarginSummary margin={inv.margin} />}
      {inv.status === 'cancelled' && <CancelledBanner invoice={inv} />}
      {canBill && inv.status === 'posted' && (
        <div className="cancel-box">
          <h3>Credit note</h3>
          <select aria-label="Credit note kind" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            <option value="return">Goods returned</option>
            <option value="price_difference">Price difference</option>
          </select>
          {kind === 'return' && (
            <label className="check">
              <input type="checkbox" checked={damaged} onChange={(e) => setDamaged(e.target.checked)} /> Returned
              damaged (write off)
            </label>
          )}
          <input aria-label="Reason" placeholder="Reason" value={reason} onChange={(e) => setReason(e.target.value)} />
          <button className="warn" onClick={() => void credit()}>
            Post credit note
          </button>
          {error && (
            <div className="field-error" role="alert">
              {error}
            </div>
          )}
        </div>
      )}
      {canBill && inv.status === 'posted' && (
        <CancelInvoiceBox
          invoice={inv}
          onCancelled={(next) => {
            setInv(next);
            onChanged();
          }}
        />
      )}
      {pdf && <PdfPreview pdf={pdf} onClose={() => setPdf(null)} />}
    </Drawer>
  );
}
