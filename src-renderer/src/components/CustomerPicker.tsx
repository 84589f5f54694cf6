import { useEffect, useId, useState } from 'react';
import type { CustomerRow } from '../../../src-shared/contract/customers';
import { call } from '../api/client';
import { useDebounced } from './use-debounced';

/** Type to find a customer by code, name, city or phone; ↑↓ and Enter choose without the mouse. */
export function CustomerPicker({ label, name, value, valueLabel, types, onChange, error }: {
  label: string;
  name: string;
  value: number | null;
  valueLabel: string;
  types: string[];
  onChange(id: number | null, label: string): void;
  error?: string;
}) {
  const id = useId();
  const [text, setText] = useState(valueLabel);
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<CustomerRow[]>([]);
  const [active, setActive] = useState(0);
  const query = useDebounced(text, 120);
  useEffect(() => setText(valueLabel), [valueLabel]);
  useEffect(() => {
    if (!open) return;
    let live = true;
    // Search each allowed type and merge: a retailer's parent may be a distributor or a super stockist.
    void Promise.all((types.length ? types : ['']).map((type) => call('customers.list', { search: query, type, limit: 8, sort: 'name' }))).then((results) => {
      if (live) setOptions(results.flatMap((r) => r.rows).slice(0, 10));
    });
    return () => {
      live = false;
    };
  }, [query, open, types.join(',')]);

  const choose = (row: CustomerRow | null) => {
    onChange(row?.id ?? null, row ? `${row.name} (${row.code})` : '');
    setText(row ? `${row.name} (${row.code})` : '');
    setOpen(false);
  };

  return (
    <div className={`field wide picker ${error ? 'has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        role="combobox"
        aria-expanded={open}
        aria-invalid={Boolean(error)}
        autoComplete="off"
        placeholder={types.length ? `Search ${types.join(' / ').replace(/_/g, ' ')}…` : 'Search…'}
        value={text}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
          if (e.target.value === '') onChange(null, '');
        }}
        onKeyDown={(e) => {
          if (e.ctrlKey || e.metaKey || e.altKey) return;
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, options.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter' && open && options[active]) choose(options[active]!);
          else return;
          e.preventDefault();
        }}
      />
      {open && options.length > 0 && (
        <ul className="picker-list" role="listbox">
          {options.map((o, i) => (
            <li key={o.id} role="option" aria-selected={i === active} className={i === active ? 'active' : ''} onMouseDown={() => choose(o)}>
              <strong>{o.name}</strong> <span className="muted">{[o.code, o.type.replace(/_/g, ' '), o.city, o.route, o.phone].filter(Boolean).join(' · ')}</span>
            </li>
          ))}
        </ul>
      )}
      {value !== null && <button type="button" className="link" onClick={() => choose(null)}>Remove mapping</button>}
      {error && <div className="field-error" role="alert">{error}</div>}
    </div>
  );
}
