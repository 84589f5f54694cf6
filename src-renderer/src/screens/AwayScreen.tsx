import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../src-shared/contract';
import { call } from '../api/client';
import { Drawer } from '../components/Drawer';
import { businessToday } from '../stores/business-date';
import { useSession } from '../stores/session-store';
import { toast } from '../stores/toast-store';

type Delegation = OutputOf<'delegations.list'>[number];
type Person = { id: number; displayName: string };
const stateLabel = { upcoming: 'Upcoming', active: 'Standing in now', over: 'Over' };

/**
 * "Away: substitute": an approver going away names who approves for them, for a range of days; the administrator
 * can do it for anyone. Requests waiting on the approver reach the substitute meanwhile ("approved by X for Y").
 */
export function AwayScreen({ onClose }: { onClose(): void }) {
  const { user, can } = useSession();
  const forAnyone = can('users.write');
  const [list, setList] = useState<Delegation[]>([]);
  const [substitutes, setSubstitutes] = useState<Person[]>([]);
  const [approvers, setApprovers] = useState<Person[]>([]);
  const today = businessToday();
  const [form, setForm] = useState({
    approverId: user!.id,
    substituteId: 0,
    startsOn: today,
    endsOn: today,
    reason: '',
  });
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const reload = () => void call('delegations.list', {}).then(setList);
  useEffect(() => {
    reload();
    void call('delegations.substitutes', {}).then(setSubstitutes);
    if (forAnyone) void call('users.list', {}).then((users) => setApprovers(users.filter((u) => u.active)));
  }, [forAnyone]);

  const save = async () => {
    setSaving(true);
    try {
      const { approverId, ...rest } = form;
      await call('delegations.add', { ...rest, ...(approverId !== user!.id ? { approverId } : {}) });
      toast.ok('Substitute named');
      setError('');
      reload();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  };
  const end = (d: Delegation) =>
    void call('delegations.end', { id: d.id })
      .then(() => {
        toast.ok(`${d.substituteName} no longer stands in`);
        reload();
      })
      .catch((e: Error) => setError(e.message));
  const choices = substitutes.filter((s) => s.id !== form.approverId);

  return (
    <Drawer title="Away: substitute" onClose={onClose} onSave={() => void save()} saving={saving}>
      <p className="muted">
        While you are away, your substitute approves for you; each decision reads “approved by them for you”.
      </p>
      {error && (
        <div className="form-error" role="alert">
          {error}
        </div>
      )}
      {forAnyone && (
        <div className="field">
          <label htmlFor="away-approver">Approver who is away</label>
          <select
            id="away-approver"
            value={form.approverId}
            onChange={(e) => setForm({ ...form, approverId: Number(e.target.value) })}
          >
            {approvers.map((a) => (
              <option key={a.id} value={a.id}>
                {a.displayName}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor="away-substitute">Substitute</label>
        <select
          id="away-substitute"
          value={form.substituteId}
          onChange={(e) => setForm({ ...form, substituteId: Number(e.target.value) })}
        >
          <option value={0}>Choose who approves meanwhile…</option>
          {choices.map((s) => (
            <option key={s.id} value={s.id}>
              {s.displayName}
            </option>
          ))}
        </select>
      </div>
      <div className="grid">
        <div className="field">
          <label htmlFor="away-from">From</label>
          <input
            id="away-from"
            type="date"
            value={form.startsOn}
            onChange={(e) => setForm({ ...form, startsOn: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="away-to">To (included)</label>
          <input
            id="away-to"
            type="date"
            value={form.endsOn}
            onChange={(e) => setForm({ ...form, endsOn: e.target.value })}
          />
        </div>
      </div>
      <div className="field">
        <label htmlFor="away-reason">Reason</label>
        <input id="away-reason" value={form.reason} onChange={(e) => setForm({ ...form, reason: e.target.value })} />
      </div>
      <h3>Substitutes</h3>
      {list.length === 0 && <p className="muted">None yet.</p>}
      <table className="plain" aria-label="Substitutes">
        <tbody>
          {list.map((d) => (
            <tr key={d.id} className={d.state === 'over' ? 'muted' : ''}>
              <td>
                {d.substituteName} for {d.approverName}
              </td>
              <td>
                {d.startsOn} to {d.endsOn}
              </td>
              <td>{stateLabel[d.state]}</td>
              <td>{d.reason}</td>
              <td>
                {d.state !== 'over' && (d.approverId === user!.id || forAnyone) && (
                  <button type="button" className="link" onClick={() => end(d)}>
                    End now
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Drawer>
  );
}
