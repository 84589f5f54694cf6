import { useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { call } from '../../api/client';
import { toast } from '../../stores/toast-store';
import { readSpreadsheet } from './read-spreadsheet';

type Result = OutputOf<'channelStock.import'>;

/** Pick an outlet's file, see what each row will do, then write it; held rows go to mapping, never lost. */
export function SellOutImport({ onHeld }: { onHeld(): void }) {
  const [file, setFile] = useState<{ csv: string | null; xlsxBase64: string | null } | null>(null);
  const [preview, setPreview] = useState<Result | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function send(mode: 'preview' | 'valid-rows', picked = file) {
    if (!picked) return;
    setBusy(true);
    setError('');
    try {
      const result = await call('channelStock.import', { ...picked, mode });
      if (mode === 'preview') return setPreview(result);
      const posted = result.imported - result.held;
      toast.ok(`Posted ${posted} row${posted === 1 ? '' : 's'}; ${result.held} held for mapping`);
      setPreview(null);
      setFile(null);
      if (result.held > 0) onHeld();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const refused = preview ? new Set(preview.errors.map((e) => e.row)).size : 0;
  return (
    <div className="panel">
      <p className="muted">
        Columns: outlet (customer code or GSTIN), product (barcode, SKU or the outlet’s own code), from and to (or one
        date), closing, sold, unit (blank = base unit, or a pack such as case). CSV or Excel (.xlsx).
      </p>
      <label className="file-pick">
        <input
          type="file"
          accept=".csv,.xlsx,text/csv"
          aria-label="Sell-out file"
          onChange={async (e) => {
            const picked = e.target.files?.[0];
            if (!picked) return;
            const read = await readSpreadsheet(picked);
            setFile(read);
            await send('preview', read);
          }}
        />
        <span>Choose a CSV or XLSX file…</span>
      </label>
      {busy && <p>Checking…</p>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {preview && (
        <div className="import-summary" data-testid="sell-out-preview">
          <p>
            <strong>{preview.total}</strong> rows · <strong>{preview.valid - preview.held}</strong> to post ·{' '}
            <strong>{preview.held}</strong> held for mapping ·{' '}
            <strong className={refused ? 'bad' : ''}>{refused}</strong> refused
          </p>
          <table className="plain">
            <thead>
              <tr>
                <th>Row</th>
                <th>Outlet</th>
                <th>Product</th>
                <th>As on</th>
                <th className="num">Closing</th>
                <th className="num">Sold</th>
                <th>Will be</th>
              </tr>
            </thead>
            <tbody>
              {preview.preview.map((r) => (
                <tr key={r.row} className={r.outcome === 'post' ? '' : r.outcome === 'held' ? 'warn' : 'bad'}>
                  <td>{r.row}</td>
                  <td>{r.customerName ?? r.outlet}</td>
                  <td>{r.productName ?? r.product}</td>
                  <td>{r.reportDate}</td>
                  <td className="num">{r.closingQuantity ?? ''}</td>
                  <td className="num">{r.soldQuantity ?? ''}</td>
                  <td>{r.outcome === 'post' ? 'posted' : `${r.outcome}: ${r.reason}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.valid > 0 && (
            <button className="primary" disabled={busy} onClick={() => void send('valid-rows')}>
              Import {preview.valid} rows{refused ? ` (skip ${refused} refused)` : ''}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
