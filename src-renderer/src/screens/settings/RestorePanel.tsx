import { useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { call } from '../../api/client';
import { useSession } from '../../stores/session-store';
import { toast } from '../../stores/toast-store';
import { formatSize } from './BackupsScreen';

type BackupFile = OutputOf<'backups.status'>['files'][number];
type Check = OutputOf<'backups.check'>;

const countLabels: Record<string, string> = {
  customers: 'Customers',
  products: 'Products',
  orders: 'Orders',
  invoices: 'Invoices',
  payments: 'Payments',
  users: 'Users',
};

/**
 * Restore: pick a backup (or type a path), see what it holds and whether it may be restored, then
 * replace the ledger. Nothing is replaced before the check has passed and the admin pressed restore.
 */
export function RestorePanel({ files }: { files: BackupFile[] }) {
  const [path, setPath] = useState('');
  const [check, setCheck] = useState<Check | null>(null);
  const [otherCompany, setOtherCompany] = useState(false);
  const [error, setError] = useState('');

  const inspect = async (file: string) => {
    setPath(file);
    setCheck(null);
    setOtherCompany(false);
    setError('');
    try {
      setCheck(await call('backups.check', { path: file }));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const restore = async () => {
    if (!check) return;
    try {
      const done = await call('backups.restore', { path: check.path, confirmOtherCompany: otherCompany });
      toast.ok(
        `Restored ${done.restoredFrom}. The ledger it replaced is kept as ${done.replacedFile}. Please sign in again.`,
      );
      useSession.setState({ phase: 'signed-out', user: null });
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const mayRestore = check !== null && check.refusal === null && (check.sameCompany || otherCompany);

  return (
    <section className="card" aria-label="Restore a backup">
      <h2>Restore a backup</h2>
      <p className="muted">
        Restoring replaces everything in this ledger with the backup. The ledger as it is now is kept beside it, and
        everyone signs in again.
      </p>
      <table className="plain" aria-label="Backups in the folder">
        <thead>
          <tr>
            <th>Business date</th>
            <th>Time</th>
            <th>Size</th>
            <th>File</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {files.map((f) => (
            <tr key={f.path}>
              <td>{f.businessDate}</td>
              <td>{`${f.hhmm.slice(0, 2)}:${f.hhmm.slice(2)}`}</td>
              <td>{formatSize(f.size)}</td>
              <td>{f.name}</td>
              <td>
                <button onClick={() => void inspect(f.path)}>Check</button>
              </td>
            </tr>
          ))}
          {files.length === 0 && (
            <tr>
              <td colSpan={5}>No backups in the folder yet.</td>
            </tr>
          )}
        </tbody>
      </table>
      <div className="field">
        <label htmlFor="restore-path">Or a backup file's full path</label>
        <input id="restore-path" value={path} onChange={(e) => setPath(e.target.value)} />
      </div>
      <button onClick={() => void inspect(path)} disabled={path.trim() === ''}>
        Check this file
      </button>
      {error && (
        <div className="form-error" role="alert">
          {error}
        </div>
      )}
      {check && (
        <section aria-label="What the backup holds">
          <h3>What the backup holds</h3>
          <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 24px' }}>
            <dt>Company</dt>
            <dd>
              {check.company?.name} {check.company?.gstin && `(GSTIN ${check.company.gstin})`}
            </dd>
            <dt>Last invoice</dt>
            <dd>{check.lastInvoice ? `${check.lastInvoice.number} of ${check.lastInvoice.date}` : 'none'}</dd>
            {Object.entries(check.counts).map(([table, n]) => (
              <div key={table} style={{ display: 'contents' }}>
                <dt>{countLabels[table] ?? table}</dt>
                <dd>{n}</dd>
              </div>
            ))}
            <dt>Data version</dt>
            <dd>
              {check.schema.applied} of {check.schema.known} changes
            </dd>
          </dl>
          {check.refusal && (
            <div className="form-error" role="alert">
              {check.refusal}
            </div>
          )}
          {!check.refusal && !check.sameCompany && (
            <div className="field check">
              <label>
                <input type="checkbox" checked={otherCompany} onChange={(e) => setOtherCompany(e.target.checked)} />{' '}
                This backup is of a different company ({check.company?.name}); replace this ledger with it anyway
              </label>
            </div>
          )}
          <button className="primary" disabled={!mayRestore} onClick={() => void restore()}>
            Restore this backup
          </button>
        </section>
      )}
    </section>
  );
}
