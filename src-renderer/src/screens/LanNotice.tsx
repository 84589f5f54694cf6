import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../src-shared/contract';
import { call } from '../api/client';
import { Fingerprint } from '../components/Fingerprint';

/**
 * On a terminal's sign-in page: the fingerprint of the server's certificate, to compare with the
 * one the browser shows and the one on the Stockist PC before typing a password. Not shown in the
 * desktop window itself, which talks to its own main process.
 */
export function LanNotice() {
  const [status, setStatus] = useState<OutputOf<'lan.status'> | null>(null);
  useEffect(() => {
    if (window.stockist) return;
    call('lan.status', {}).then(setStatus, () => undefined);
  }, []);
  if (!status || status.mode !== 'lan') return null;
  if (!status.secure)
    return (
      <div className="form-error" role="alert" data-testid="lan-insecure">
        This connection is not encrypted (the server runs with --insecure-http): anyone on the network can read what you
        type.
      </div>
    );
  return (
    <div className="lan-notice" data-testid="lan-notice">
      <p className="muted">
        Before you sign in, check that this matches the fingerprint on the Stockist computer (Other computers) and in
        your browser’s certificate details:
      </p>
      {status.fingerprint && <Fingerprint value={status.fingerprint} />}
    </div>
  );
}
