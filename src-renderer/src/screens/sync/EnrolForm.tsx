import { useState } from 'react';
import { ApiError, call } from '../../api/client';
import { toast } from '../../stores/toast-store';

/** Enrolment: the HQ address and the one-time code the brand gave. */
export function EnrolForm({ onEnrolled }: { onEnrolled(): void }) {
  const [hqAddress, setHqAddress] = useState('https://');
  const [enrolmentCode, setCode] = useState('');
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const enrol = async () => {
    setBusy(true);
    setError(null);
    try {
      const status = await call('sync.enrol', { hqAddress, enrolmentCode, deviceName: 'Stockist' });
      toast.ok(`Enrolled with HQ as ${status.distributorName}`);
      onEnrolled();
    } catch (e) {
      setError(e instanceof ApiError ? { field: e.field, message: e.message } : { message: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="card enrol"
      aria-label="Enrol with HQ"
      onSubmit={(e) => {
        e.preventDefault();
        void enrol();
      }}
    >
      <p>
        This installation is not connected to the brand's HQ. Ask the brand for an enrolment code, then enter it here.
      </p>
      <label>
        HQ address
        <input
          name="hqAddress"
          value={hqAddress}
          onChange={(e) => setHqAddress(e.target.value)}
          aria-invalid={error?.field === 'hqAddress'}
        />
      </label>
      <label>
        Enrolment code
        <input
          name="enrolmentCode"
          value={enrolmentCode}
          onChange={(e) => setCode(e.target.value)}
          aria-invalid={error?.field === 'enrolmentCode'}
        />
      </label>
      {error && (
        <div className="form-error" role="alert">
          {error.message}
        </div>
      )}
      <button className="primary" type="submit" disabled={busy}>
        {busy ? 'Enrolling…' : 'Enrol'}
      </button>
    </form>
  );
}
