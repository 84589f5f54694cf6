import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { call } from '../../api/client';
import { toast } from '../../stores/toast-store';
import { EnrolForm } from './EnrolForm';
import { ago } from './sync-words';

type Status = OutputOf<'sync.status'>;
type Parked = OutputOf<'sync.parked'>[number];

/** The administrator's view of sync with HQ: enrolment, the queue, the last push and pull, errors, parked events, control totals. */
export function SyncScreen() {
  const [status, setStatus] = useState<Status | null>(null);
  const [parked, setParked] = useState<Parked[]>([]);
  const [syncing, setSyncing] = useState(false);
  const reload = () => {
    void call('sync.status', {}).then(setStatus);
    void call('sync.parked', {}).then(setParked);
  };
  useEffect(reload, []);
  const syncNow = async () => {
    setSyncing(true);
    try {
      const run = await call('sync.now', {});
      if (run.ok) toast.ok(`Synced: ${run.pushed} sent, ${run.pulled} received`);
      else toast.error(run.message);
    } finally {
      setSyncing(false);
      reload();
    }
  };
  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      toast.ok(done);
    } catch (error) {
      toast.error((error as Error).message);
    }
    reload();
  };
  if (!status)
    return (
      <section className="screen">
        <h1>Sync with HQ</h1>
      </section>
    );
  const totals = status.controlTotals;
  return (
    <section className="screen sync-screen">
      <header className="screen-head">
        <h1>Sync with HQ</h1>
        <div className="toolbar">
          {status.enrolled && (
            <label className="check">
              <input
                type="checkbox"
                checked={status.enabled}
                onChange={(e) =>
                  void act(
                    () => call('sync.setEnabled', { enabled: e.target.checked }),
                    e.target.checked ? 'Automatic sync is on' : 'Automatic sync is off',
                  )
                }
              />
              Sync automatically
            </label>
          )}
          {status.enrolled && (
            <button className="primary" disabled={syncing} onClick={() => void syncNow()}>
              {syncing ? 'Syncing…' : 'Sync now'}
            </button>
          )}
        </div>
      </header>
      {status.lastError && (
        <div className="form-error" role="alert">
          Last sync failed {ago(status.lastErrorAt)}: {status.lastError}
        </div>
      )}
      {!status.enrolled ? (
        <EnrolForm onEnrolled={reload} />
      ) : (
        <div className="cards">
          <dl className="card" aria-label="Enrolment">
            <dt>HQ</dt>
            <dd>{status.hqAddress}</dd>
            <dt>Distributor</dt>
            <dd>
              {status.distributorName} ({status.distributorCode})
            </dd>
            <dt>This installation</dt>
            <dd>{status.deviceId}</dd>
          </dl>
          <dl className="card" aria-label="Queue">
            <dt>Queued for HQ</dt>
            <dd data-testid="sync-queued">{status.queued} events</dd>
            <dt>HQ holds</dt>
            <dd>
              {status.hqHighWaterMark} of {status.lastSeq} events
            </dd>
            <dt>Last push</dt>
            <dd>{ago(status.lastPushAt)}</dd>
            <dt>Last pull</dt>
            <dd>{ago(status.lastPullAt)}</dd>
          </dl>
          <dl className="card" aria-label="Control totals">
            <dt>Control totals</dt>
            <dd data-testid="sync-totals">
              {!totals
                ? 'not checked yet'
                : totals.matches
                  ? `${totals.businessDate}: match HQ`
                  : `${totals.businessDate}: ${totals.differences.length} difference(s) with HQ`}
            </dd>
            {totals &&
              !totals.matches &&
              totals.differences.map((d) => (
                <dd key={d.field} className="muted">
                  {d.field}: here {JSON.stringify(d.device)}, HQ {JSON.stringify(d.hq)}
                </dd>
              ))}
            {totals && <dd className="muted">checked {ago(totals.checkedAt)}</dd>}
          </dl>
        </div>
      )}
      <h2>Parked events</h2>
      {parked.length === 0 ? (
        <p className="muted">None: HQ has accepted everything sent.</p>
      ) : (
        <table className="plain" aria-label="Parked events">
          <thead>
            <tr>
              <th>#</th>
              <th>Event</th>
              <th>Document</th>
              <th>Day</th>
              <th>Why HQ refused it</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {parked.map((p) => (
              <tr key={p.seq}>
                <td>{p.seq}</td>
                <td>{p.type}</td>
                <td>{p.document}</td>
                <td>{p.businessDate}</td>
                <td>{p.reason}</td>
                <td>
                  <button
                    onClick={() =>
                      void act(() => call('sync.resend', { seq: p.seq }), `Event ${p.seq} will be sent again`)
                    }
                  >
                    Resend
                  </button>{' '}
                  <button
                    onClick={() => {
                      const reason = window.prompt(`Why skip event ${p.seq}? It will never reach HQ.`);
                      if (reason) void act(() => call('sync.skip', { seq: p.seq, reason }), `Event ${p.seq} skipped`);
                    }}
                  >
                    Skip
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
