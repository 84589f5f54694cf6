import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import { useSession } from '../../stores/session-store';
import { toast } from '../../stores/toast-store';

/** The date e-invoicing (IRN) applies from: B2B invoices dated on or after it are listed as due on the billing desk. */
export function EinvoiceSetting() {
  const canWrite = useSession((s) => s.can('company.write'));
  const [appliesFrom, setAppliesFrom] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState('');
  useEffect(() => {
    void call('einvoice.settings', {}).then((s) => {
      setAppliesFrom(s.appliesFrom);
      setLoaded(true);
    });
  }, []);
  if (!loaded) return null;
  const save = async () => {
    try {
      await call('einvoice.updateSettings', { appliesFrom: appliesFrom || null });
      toast.ok(appliesFrom ? `E-invoicing applies from ${appliesFrom}` : 'E-invoicing is off');
      setError('');
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section className="card" aria-label="E-invoicing">
      <h2>E-invoicing (IRN)</h2>
      {error && (
        <div className="form-error" role="alert">
          {error}
        </div>
      )}
      <fieldset disabled={!canWrite}>
        <div className="field">
          <label htmlFor="einvoice-from">E-invoicing applies from</label>
          <input
            id="einvoice-from"
            type="date"
            value={appliesFrom ?? ''}
            onChange={(e) => setAppliesFrom(e.target.value || null)}
          />
          <small className="muted">Empty = off. B2B invoices and credit notes from this date need an IRN.</small>
        </div>
        <button type="button" onClick={() => void save()}>
          Save e-invoicing
        </button>
      </fieldset>
    </section>
  );
}
