import { useState } from 'react';
import { CustomerPicker } from './CustomerPicker';
import { useCustomerNames } from './use-customer-names';

/**
 * A short list of customers, picked one at a time by keyboard and shown by name, each removable. Names of ids
 * that came from the ledger are looked up once.
 */
export function CustomerChips({
  label,
  name,
  ids,
  onChange,
  error,
  emptyText,
}: {
  label: string;
  name: string;
  ids: number[];
  onChange(ids: number[]): void;
  error?: string;
  emptyText: string;
}) {
  const { names, remember } = useCustomerNames(ids);
  // A fresh, empty box after each pick, keeping the focus there for the next one.
  const [picks, setPicks] = useState(0);
  return (
    <div className="field wide">
      <CustomerPicker
        key={picks}
        autoFocus={picks > 0}
        label={label}
        name={name}
        value={null}
        valueLabel=""
        types={[]}
        error={error}
        onChange={(id, text) => {
          if (id === null || ids.includes(id)) return;
          remember(id, text);
          setPicks((n) => n + 1);
          onChange([...ids, id]);
        }}
      />
      <ul className="chips" aria-label={`${label}: chosen`}>
        {ids.length === 0 && <li className="muted">{emptyText}</li>}
        {ids.map((id) => (
          <li key={id} className="pill">
            {names.get(id) ?? `#${id}`}{' '}
            <button
              type="button"
              className="link"
              aria-label={`Remove ${names.get(id) ?? id}`}
              onClick={() => onChange(ids.filter((x) => x !== id))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
