import { useEffect, useState } from 'react';
import { call } from '../api/client';

/**
 * The full check of the ledger file runs after start-up; when it finds damage every write is
 * refused. Every screen then says so, with what to do, instead of each save failing on its own.
 * Asked again on each screen change while the check has not answered yet.
 */
export function LedgerDamagedBanner({ screen }: { screen: string }) {
  const [message, setMessage] = useState<string | null>(null);
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    if (settled) return;
    let live = true;
    call('ledger.health', {}).then(
      (health) => {
        if (!live) return;
        setMessage(health.state === 'damaged' ? health.message : null);
        setSettled(health.state === 'ok' || health.state === 'damaged');
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [screen, settled]);
  if (!message) return null;
  return (
    <div className="form-error company-warning" role="alert" data-testid="ledger-damaged">
      {message}
    </div>
  );
}
