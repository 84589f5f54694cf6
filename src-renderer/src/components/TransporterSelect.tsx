import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../src-shared/contract';
import { call } from '../api/client';

/**
 * A transporter from the master: the active ones, plus the one already chosen if it has since been deactivated, so
 * the box never shows "none" for a saved choice.
 */
export function TransporterSelect({
  id,
  label,
  noneLabel,
  value,
  onChange,
}: {
  id: string;
  label: string;
  noneLabel: string;
  value: number | null;
  onChange(transporterId: number | null): void;
}) {
  const [transporters, setTransporters] = useState<OutputOf<'transporters.list'>>([]);
  useEffect(() => {
    void call('transporters.list', {})
      .then((list) => setTransporters(list.filter((t) => t.active || t.id === value)))
      .catch(() => setTransporters([]));
    // Loaded once per form: the chosen one at opening is the one to keep.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        data-field="transporterId"
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}
      >
        <option value="">{noneLabel}</option>
        {transporters.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name} · {t.transporterId}
          </option>
        ))}
      </select>
    </div>
  );
}
