import { useEffect, useState } from 'react';
import { call } from '../api/client';

/**
 * The warning a biller sees while the company profile lacks what a tax invoice must print
 * (GSTIN, address): shown above the screen, from company.readiness, until the profile is filled.
 */
export function CompanyWarning({ screen }: { screen: string }) {
  const [warning, setWarning] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    call('company.readiness', {}).then(
      (r) => live && setWarning(r.warning),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [screen]);
  if (!warning) return null;
  return (
    <div className="form-error company-warning" role="note" data-testid="company-warning">
      {warning}
    </div>
  );
}
