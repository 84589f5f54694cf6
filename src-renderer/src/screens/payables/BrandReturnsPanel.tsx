import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { formatDocDate } from '../../../../src-shared/dates';
import { formatMoney } from '../../../../src-shared/money';
import { call, type ApiError } from '../../api/client';
import { PdfPreview } from '../../components/PdfPreview';
import { useHotkeys } from '../../components/use-hotkeys';
import { useSession } from '../../stores/session-store';
import { toast } from '../../stores/toast-store';
import { BrandClaimForm } from './BrandClaimForm';
import { NewBrandReturn } from './NewBrandReturn';

type Head = OutputOf<'brandReturns.list'>[number];
const reasonLabel = { expiry: 'Expiry', damage: 'Damage', recall: 'Recall' };
const statusLabel = { claimed: 'Claim pending', settled: 'Settled', short: 'Settled short' };

/** Debit notes for goods sent back to the brand (Alt+N for a new one), their PDF, and the brand's answer. */
export function BrandReturnsPanel({ suppliers }: { suppliers: OutputOf<'suppliers.list'> }) {
  const canWrite = useSession((s) => s.can('purchasing.write'));
  const [rows, setRows] = useState<Head[]>([]);
  const [creating, setCreating] = useState(false);
  const [claiming, setClaiming] = useState<Head | null>(null);
  const [pdf, setPdf] = useState<OutputOf<'documents.debitNote'> | null>(null);
  const reload = () => void call('brandReturns.list', {}).then(setRows);
  useEffect(reload, []);
  useHotkeys({ 'alt+n': () => canWrite && setCreating(true) });
  const openPdf = (id: number) =>
    void call('documents.debitNote', { id })
      .then(setPdf)
      .catch((e: ApiError) => toast.error(e.message));

  return (
    <>
      {canWrite && !creating && (
        <div className="toolbar left">
          <button className="primary" onClick={() => setCreating(true)}>
            New return to the brand <kbd>Alt+N</kbd>
          </button>
        </div>
      )}
      {creating && (
        <NewBrandReturn
          suppliers={suppliers}
          onClose={() => setCreating(false)}
          onPosted={(r) => {
            setCreating(false);
            toast.ok(`${r.number}: ${formatMoney(r.total)} debited to ${r.supplierName}`);
            reload();
            openPdf(r.id);
          }}
        />
      )}
      <table className="plain" aria-label="Returns to the brand">
        <thead>
          <tr>
            <th>Debit note</th>
            <th>Date</th>
            <th>Supplier</th>
            <th>Warehouse</th>
            <th>Reason</th>
            <th className="num">Value</th>
            <th className="num">GST</th>
            <th className="num">Total</th>
            <th>Claim</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td style={{ whiteSpace: 'nowrap' }}>{r.number}</td>
              <td style={{ whiteSpace: 'nowrap' }}>{formatDocDate(r.returnDate)}</td>
              <td>{r.supplierName}</td>
              <td>{r.warehouseName}</td>
              <td>{reasonLabel[r.reason]}</td>
              <td className="num">{formatMoney(r.value)}</td>
              <td className="num">{formatMoney(r.cgst + r.sgst + r.igst)}</td>
              <td className="num">{formatMoney(r.total)}</td>
              <td>
                <span className={`pill ${r.status === 'short' ? 'blocked' : 'active'}`}>{statusLabel[r.status]}</span>
                {r.accepted !== null && r.status === 'short' && (
                  <span className="muted"> {formatMoney(r.accepted)} accepted</span>
                )}
              </td>
              <td>
                <button className="ghost" onClick={() => openPdf(r.id)}>
                  Debit note PDF
                </button>
                {canWrite && r.status === 'claimed' && (
                  <button className="ghost" onClick={() => setClaiming(r)}>
                    Record claim
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p className="muted">Nothing has gone back to a brand yet.</p>}
      {claiming && (
        <BrandClaimForm
          head={claiming}
          onClose={() => setClaiming(null)}
          onSaved={() => {
            setClaiming(null);
            reload();
          }}
        />
      )}
      {pdf && <PdfPreview pdf={pdf} onClose={() => setPdf(null)} />}
    </>
  );
}
