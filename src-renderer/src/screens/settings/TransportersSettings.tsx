import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { ApiError, call } from '../../api/client';
import { useSession } from '../../stores/session-store';
import { toast } from '../../stores/toast-store';

type Transporter = OutputOf<'transporters.list'>[number];
const blank = { id: null as number | null, name: '', transporterId: '', active: true };

/**
 * The transport agencies a dispatch names on its e-way bills, with their GSTIN or TRANSIN (checked by the server).
 * Enter in the last field saves; "Edit" loads a row back into the same three fields.
 */
export function TransportersSettings() {
  const canWrite = useSession((s) => s.can('dispatch.write'));
  const [list, setList] = useState<Transporter[]>([]);
  const [draft, setDraft] = useState(blank);
  const [error, setError] = useState({ message: '', field: '' });
  const reload = () => void call('transporters.list', {}).then(setList);
  useEffect(reload, []);
  const save = async () => {
    try {
      const saved = await call('transporters.save', draft);
      toast.ok(`Saved ${saved.name}`);
      setDraft(blank);
      setError({ message: '', field: '' });
      reload();
    } catch (e) {
      setError({ message: (e as Error).message, field: e instanceof ApiError ? (e.field ?? '') : '' });
    }
  };
  return (
    <section className="card" aria-label="Transporters">
      <h2>Transporters (e-way bill)</h2>
      {list.length > 0 && (
        <table className="plain" aria-label="Transporter list">
          <thead>
            <tr>
              <th>Name</th>
              <th>GSTIN / TRANSIN</th>
              <th>Status</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.map((t) => (
              <tr key={t.id}>
                <td>{t.name}</td>
                <td>{t.transporterId}</td>
                <td>{t.active ? 'Active' : 'Inactive'}</td>
                <td>
                  {canWrite && (
                    <button type="button" onClick={() => setDraft(t)}>
                      Edit
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canWrite && (
        <form
          className="grid"
          aria-label={draft.id === null ? 'Add a transporter' : `Edit ${draft.name}`}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <div className="field">
            <label htmlFor="transporter-name">Transporter name</label>
            <input
              id="transporter-name"
              aria-invalid={error.field === 'name'}
              value={draft.name}
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="transporter-id">GSTIN / TRANSIN</label>
            <input
              id="transporter-id"
              maxLength={15}
              aria-invalid={error.field === 'transporterId'}
              value={draft.transporterId}
              onChange={(e) => setDraft({ ...draft, transporterId: e.target.value.toUpperCase() })}
            />
          </div>
          <label className="check">
            <input
              type="checkbox"
              checked={draft.active}
              onChange={(e) => setDraft({ ...draft, active: e.target.checked })}
            />{' '}
            Active
          </label>
          <button type="submit">{draft.id === null ? 'Add transporter' : 'Save transporter'}</button>
          {error.message && (
            <div className="form-error" role="alert">
              {error.message}
            </div>
          )}
        </form>
      )}
    </section>
  );
}
