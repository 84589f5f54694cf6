import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { ApiError, call } from '../../api/client';
import { Fingerprint } from '../../components/Fingerprint';
import { useSession } from '../../stores/session-store';
import { toast } from '../../stores/toast-store';

type Devices = OutputOf<'devices.list'>;
type Session = Devices['sessions'][number];

const when = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('en-IN', { dateStyle: 'medium', timeStyle: 'short' }) : '—';

/** A browser's User-Agent in the words a clerk would use: "Chrome on Windows". */
function describeAgent(agent: string): string {
  if (!agent) return 'Unknown browser';
  if (agent === 'Stockist desktop app') return agent;
  const browser = /Edg\//.test(agent)
    ? 'Edge'
    : /Firefox\//.test(agent)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(agent)
        ? 'Chrome'
        : /Safari\//.test(agent)
          ? 'Safari'
          : agent.slice(0, 40);
  const system = /Windows/.test(agent)
    ? ' on Windows'
    : /Android/.test(agent)
      ? ' on Android'
      : /Mac OS X/.test(agent)
        ? ' on a Mac'
        : /Linux/.test(agent)
          ? ' on Linux'
          : '';
  return browser + system;
}

/**
 * Other computers: the LAN setting, the fingerprint terminals compare, and every signed-in
 * session by device, each of which an admin can end (that terminal shows sign-in on its next call).
 */
export function DevicesScreen() {
  const me = useSession((s) => s.user);
  const [data, setData] = useState<Devices | null>(null);
  const reload = () => void call('devices.list', {}).then(setData);
  useEffect(() => {
    reload();
    const timer = setInterval(reload, 15_000);
    return () => clearInterval(timer);
  }, []);
  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      toast.ok(done);
    } catch (error) {
      toast.error(error instanceof ApiError ? error.message : String(error));
    }
    reload();
  };
  if (!data) return <section className="screen">Loading…</section>;
  const devices = new Map<string, Session[]>();
  for (const s of data.sessions) devices.set(s.deviceId, [...(devices.get(s.deviceId) ?? []), s]);
  const { network } = data;
  return (
    <section className="screen devices-screen">
      <header className="screen-head">
        <h1>Other computers</h1>
      </header>
      <div className="card">
        <label className="field check">
          <input
            type="checkbox"
            checked={data.lanEnabled}
            onChange={(e) =>
              void act(
                () => call('lan.setEnabled', { enabled: e.target.checked }),
                e.target.checked ? 'Other computers may now use Stockist' : 'Other computers are now turned away',
              ).then(() => setTimeout(reload, 1500))
            }
          />
          <span>Let other computers on this network use Stockist</span>
        </label>
        <p className="muted">
          The desktop app then serves this ledger over HTTPS on this computer’s network address; each counter or
          warehouse PC opens that address in a browser and signs in. In browser mode the command line decides (
          <code>npm run serve -- --lan</code>).
        </p>
        {network.mode === 'lan' ? (
          <div data-testid="lan-serving">
            <p>
              Serving <strong>{network.url}</strong>
              {network.secure ? '' : ' without encryption (--insecure-http)'}
            </p>
            {network.fingerprint && (
              <>
                <p className="muted">Certificate fingerprint (SHA-256): terminals compare this before signing in.</p>
                <Fingerprint value={network.fingerprint} />
              </>
            )}
          </div>
        ) : (
          <p className="muted">
            Not serving the network now ({network.mode === 'loopback' ? 'this computer only' : 'desktop window only'}).
          </p>
        )}
      </div>
      <table className="plain" aria-label="Signed-in sessions">
        <thead>
          <tr>
            <th>Device</th>
            <th>User</th>
            <th>Address</th>
            <th>Signed in</th>
            <th>Last seen</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {[...devices].map(([deviceId, sessions]) =>
            sessions.map((s, i) => (
              <tr key={s.id} data-testid="session-row">
                {i === 0 && (
                  <td rowSpan={sessions.length} className="agent" title={s.userAgent}>
                    {describeAgent(s.userAgent)}
                    <div className="muted">device {deviceId.slice(0, 6)}</div>
                    {sessions.length > 1 && (
                      <button
                        className="warn"
                        onClick={() =>
                          void act(
                            () => call('devices.endDevice', { deviceId }),
                            'Everyone on that device is signed out',
                          )
                        }
                      >
                        End all on this device
                      </button>
                    )}
                  </td>
                )}
                <td>
                  {s.userName} <span className="muted">({s.username})</span>
                  {s.current && <span className="muted"> — you, here</span>}
                </td>
                <td>{s.address}</td>
                <td>{when(s.signedInAt)}</td>
                <td>{when(s.lastSeenAt)}</td>
                <td>
                  {!(s.current && s.userId === me?.id) && (
                    <button
                      onClick={() =>
                        void act(() => call('devices.endSession', { id: s.id }), `${s.userName} is signed out there`)
                      }
                    >
                      End session
                    </button>
                  )}
                </td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </section>
  );
}
