import { useState } from 'react';
import type { OutputOf } from '../../../src-shared/contract';
import { call } from '../api/client';
import { toast } from '../stores/toast-store';
import { InterruptedImports } from './InterruptedImports';
import { useHotkeys } from './use-hotkeys';

type Result = OutputOf<'customers.import'>;

/**
 * CSV import in two steps: check the file (nothing written), then import all of it, or, only if
 * the clerk chooses, the valid rows alone.
 */
export function ImportDialog({
  what,
  operation,
  columnsHelp,
  extra = {},
  onClose,
  onImported,
}: {
  what: string;
  operation: 'customers.import' | 'products.import' | 'inventory.importOpening' | 'supplierRates.import';
  /** what the operation needs besides the file, e.g. the supplier whose price list it is */
  extra?: { supplierId?: number };
  columnsHelp: string;
  onClose(): void;
  onImported(): void;
}) {
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState('');
  const [preview, setPreview] = useState<Result | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [runs, setRuns] = useState(0);
  useHotkeys({ escape: onClose });

  async function check(text: string) {
    setBusy(true);
    setError('');
    setPreview(null);
    try {
      setPreview(await call(operation, { ...extra, csv: text, mode: 'preview' } as never));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function run(mode: 'all-or-nothing' | 'valid-rows') {
    setBusy(true);
    try {
      const result = await call(operation, { ...extra, csv, mode } as never);
      setRuns((n) => n + 1);
      if (result.interruptedAtRow !== null) {
        // A row clashed with a save made after the check: the rows before it are in, none after.
        setPreview(result);
        setError(
          `Stopped at row ${result.interruptedAtRow}: ${result.imported} rows before it are imported, none after. Fix the row's clash, then resume below.`,
        );
        onImported();
      } else if (result.written) {
        toast.ok(
          `Imported ${result.imported} ${what}${result.errors.length ? `; skipped ${result.total - result.imported} rows with errors` : ''}`,
        );
        onImported();
        onClose();
      } else {
        setPreview(result);
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="drawer-backdrop center">
      <div className="modal" role="dialog" aria-label={`Import ${what}`}>
        <header>
          <h2>Import {what} from CSV</h2>
        </header>
        <div className="modal-body">
          <p className="muted">{columnsHelp}</p>
          <InterruptedImports operation={operation} refresh={runs} onResumed={onImported} />
          <label className="file-pick">
            <input
              type="file"
              accept=".csv,text/csv"
              aria-label="CSV file"
              onChange={async (e) => {
                const file = e.target.files?.[0];
                if (!file) return;
                const text = await file.text();
                setCsv(text);
                setFileName(file.name);
                await check(text);
              }}
            />
            <span>{fileName || 'Choose a CSV file…'}</span>
          </label>
          {busy && <p>Checking…</p>}
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          {preview && (
            <div className="import-summary" data-testid="import-summary">
              <p>
                <strong>{preview.total}</strong> rows · <strong>{preview.valid}</strong> valid ·{' '}
                <strong className={preview.errors.length ? 'bad' : ''}>
                  {new Set(preview.errors.map((e) => e.row)).size}
                </strong>{' '}
                with errors
              </p>
              {preview.errors.length > 0 && (
                <table className="errors">
                  <thead>
                    <tr>
                      <th>Row</th>
                      <th>Column</th>
                      <th>Problem</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.errors.slice(0, 200).map((e, i) => (
                      <tr key={i}>
                        <td>{e.row}</td>
                        <td>{e.field}</td>
                        <td>{e.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
          )}
        </div>
        <footer>
          {preview && preview.errors.length === 0 && (
            <button className="primary" disabled={busy} onClick={() => run('all-or-nothing')}>
              Import all {preview.total} rows
            </button>
          )}
          {preview && preview.errors.length > 0 && preview.valid > 0 && (
            <button className="warn" disabled={busy} onClick={() => run('valid-rows')}>
              Import the {preview.valid} valid rows only
            </button>
          )}
          <button onClick={onClose}>Cancel</button>
        </footer>
      </div>
    </div>
  );
}
