import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { call } from '../../api/client';
import { toast } from '../../stores/toast-store';
import { RestorePanel } from './RestorePanel';

type Status = OutputOf<'backups.status'>;

export function formatSize(bytes: number | null): string {
  if (bytes === null) return '';
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('en-IN') : 'never');

/** Settings › Backups: where the daily backup goes, how many are kept, "Back up now", and restore. */
export function BackupsScreen() {
  const [status, setStatus] = useState<Status | null>(null);
  const [folder, setFolder] = useState('');
  const [keep, setKeep] = useState('14');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const reload = () =>
    void call('backups.status', {}).then((s) => {
      setStatus(s);
      setFolder(s.folder);
      setKeep(String(s.keep));
    });
  useEffect(reload, []);
  if (!status) return <section className="screen" aria-busy="true" />;

  const save = async () => {
    setError('');
    try {
      await call('backups.updateSettings', { folder, keep: Number(keep) });
      toast.ok('Backup settings saved');
      reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const backUpNow = async () => {
    setBusy(true);
    try {
      const made = await call('backups.run', {});
      if (made.result === 'ok') toast.ok(`Backed up: ${made.file} (${formatSize(made.size)})`);
      else toast.error(made.message);
      reload();
    } finally {
      setBusy(false);
    }
  };
  const last = status.last;

  return (
    <section className="screen">
      <header className="screen-head">
        <h1>Backups</h1>
        <div className="toolbar">
          <button className="primary" onClick={() => void backUpNow()} disabled={busy}>
            {busy ? 'Backing up…' : 'Back up now'}
          </button>
        </div>
      </header>
      <section className="card" aria-label="Last backup">
        <h2>Last backup</h2>
        <p role="status">
          {last.result === null && 'No backup has been made yet. One is made every day while Stockist is open.'}
          {last.result === 'ok' && `Made ${when(last.at)}: ${last.file} (${formatSize(last.size)}).`}
          {last.result === 'failed' && (
            <span className="field-error">
              Failed {when(last.at)}: {last.message}
            </span>
          )}
        </p>
      </section>
      <section className="card" aria-label="Backup settings">
        <h2>Where and how many</h2>
        {error && (
          <div className="form-error" role="alert">
            {error}
          </div>
        )}
        <div className="grid">
          <div className="field">
            <label htmlFor="backup-folder">Backup folder (full path; empty = next to the ledger)</label>
            <input
              id="backup-folder"
              value={folder}
              placeholder={status.effectiveFolder}
              onChange={(e) => setFolder(e.target.value)}
            />
            <div className="field-hint">Backups go to {status.effectiveFolder}</div>
          </div>
          <div className="field">
            <label htmlFor="backup-keep">Keep the last (backups)</label>
            <input id="backup-keep" inputMode="numeric" value={keep} onChange={(e) => setKeep(e.target.value)} />
          </div>
        </div>
        <button onClick={() => void save()}>Save</button>
      </section>
      <RestorePanel files={status.files} />
    </section>
  );
}
