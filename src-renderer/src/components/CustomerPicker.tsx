import { useEffect, useId, useRef, useState } from 'react';
import type { CustomerRow } from '../../../src-shared/contract/customers';
import { call } from '../api/client';
import { customerLabel } from './use-customer-names';
import { useDebounced } from './use-debounced';

// Search each allowed type and merge: a retailer's parent may be a distributor or a super stockist.
async function search(text: string, types: string[]): Promise<CustomerRow[]> {
  const results = await Promise.all(
    (types.length ? types : ['']).map((type) => call('customers.list', { search: text, type, limit: 8, sort: 'name' })),
  );
  return results.flatMap((r) => r.rows).slice(0, 10);
}
const exactCode = (rows: CustomerRow[], t: string) => rows.findIndex((r) => r.code.toLowerCase() === t.toLowerCase());

/**
 * Type to find a customer by code, name, city or phone; ↑↓ and Enter choose without the mouse.
 * Enter typed before the suggestions for the text have arrived waits for them, and picks only an
 * exact code or a single match, never whichever customer the previous suggestions put first.
 */
export function CustomerPicker({
  label,
  name,
  value,
  valueLabel,
  types,
  onChange,
  error,
  autoFocus,
  clearable = true,
}: {
  label: string;
  name: string;
  value: number | null;
  valueLabel: string;
  types: string[];
  onChange(id: number | null, label: string): void;
  error?: string;
  autoFocus?: boolean;
  /** Offer a "Clear" link under a chosen customer. */
  clearable?: boolean;
}) {
  const id = useId();
  const [text, setText] = useState(valueLabel);
  const [open, setOpen] = useState(false);
  const [list, setList] = useState<{ for: string; rows: CustomerRow[] }>({ for: '', rows: [] });
  const [active, setActive] = useState(0);
  const [miss, setMiss] = useState('');
  const resolving = useRef(false);
  const choicesFor = useRef('');
  const query = useDebounced(text, 120);
  useEffect(() => setText(valueLabel), [valueLabel]);
  // Callers pass a fresh array each render: the search reruns when the types change, not the array.
  const typesKey = types.join(',');
  useEffect(() => {
    if (!open) return;
    let live = true;
    void search(query.trim(), typesKey === '' ? [] : typesKey.split(',')).then((rows) => {
      if (!live || resolving.current) return;
      // Enter searched first and showed these choices: a late answer must not move the clerk's place in them.
      if (choicesFor.current === query.trim()) return;
      setList({ for: query.trim(), rows });
      setActive(Math.max(0, exactCode(rows, query.trim())));
    });
    return () => {
      live = false;
    };
  }, [query, open, typesKey]);

  const choose = (row: CustomerRow | null) => {
    onChange(row?.id ?? null, row ? customerLabel(row) : '');
    setText(row ? customerLabel(row) : '');
    setOpen(false);
    setMiss('');
  };
  async function enter() {
    const typed = text.trim();
    if (resolving.current || (value !== null && text === valueLabel)) return;
    if (list.for === typed && list.rows[active]) return choose(list.rows[active]!);
    resolving.current = true;
    try {
      const rows = await search(typed, types);
      const exact = exactCode(rows, typed);
      if (exact >= 0 || rows.length === 1) return choose(rows[Math.max(0, exact)]!);
      setList({ for: typed, rows });
      setActive(0);
      choicesFor.current = typed;
      setOpen(true);
      setMiss(rows.length ? '' : `No customer matches “${typed}”`);
    } finally {
      resolving.current = false;
    }
  }

  const shown = open ? list.rows : [];
  const shownError = error ?? (miss || undefined);
  return (
    <div className={`field wide picker ${shownError ? 'has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        role="combobox"
        aria-expanded={shown.length > 0}
        aria-invalid={Boolean(shownError)}
        autoComplete="off"
        autoFocus={autoFocus}
        placeholder={types.length ? `Search ${types.join(' / ').replace(/_/g, ' ')}…` : 'Search…'}
        value={text}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
          setMiss('');
          if (e.target.value === '') onChange(null, '');
        }}
        onKeyDown={(e) => {
          if (e.ctrlKey || e.metaKey || e.altKey) return;
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, list.rows.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter' && text.trim()) void enter();
          else return;
          e.preventDefault();
        }}
      />
      {shown.length > 0 && (
        <ul className="picker-list" role="listbox">
          {shown.map((o, i) => (
            <li
              key={o.id}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : ''}
              onMouseDown={() => choose(o)}
            >
              <strong>{o.name}</strong>{' '}
              <span className="muted">
                {[o.code, o.type.replace(/_/g, ' '), o.city, o.route, o.phone].filter(Boolean).join(' · ')}
              </span>
            </li>
          ))}
        </ul>
      )}
      {clearable && value !== null && (
        <button type="button" className="link" tabIndex={-1} onClick={() => choose(null)}>
          Clear
        </button>
      )}
      {shownError && (
        <div className="field-error" role="alert">
          {shownError}
        </div>
      )}
    </div>
  );
}
