import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { call } from '../../api/client';
import { ago } from './sync-words';

/** The app frame's small line: "Sync: 12 queued · 2 min ago", red when the last run failed. */
export function SyncStatusLine({ onOpen }: { onOpen(): void }) {
  const [status, setStatus] = useState<OutputOf<'sync.status'> | null>(null);
  useEffect(() => {
    const load = () => void call('sync.status', {}).then(setStatus, () => undefined);
    load();
    const timer = setInterval(load, 15_000);
    return () => clearInterval(timer);
  }, []);
  if (!status) return null;
  const text = !status.enrolled
    ? 'Sync: not set up'
    : `Sync: ${status.queued} queued · ${ago(status.lastPushAt)}${status.parked ? ` · ${status.parked} parked` : ''}`;
  return (
    <button
      className={`link sync-line${status.lastError ? ' warn' : ''}`}
      title={status.lastError || 'Open the Sync screen'}
      onClick={onOpen}
    >
      {text}
    </button>
  );
}
