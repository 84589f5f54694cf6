import { forwardRef, useEffect, useId, useRef, useState } from 'react';
import type { OutputOf } from '../../../src-shared/contract';
import type { ProductRow } from '../../../src-shared/contract/products';
import { formatMoney } from '../../../src-shared/money';
import { call } from '../api/client';
import { errorBeep } from './error-beep';
import { useDebounced } from './use-debounced';

export type PickedProduct = OutputOf<'products.get'>;
type Unit = { unit: string; factor: number };

const isBarcode = (t: string) => /^\d{8,14}$/.test(t);
const search = async (t: string) =>
  (await call('products.list', { search: t, status: 'active', limit: 8, sort: 'name' })).rows;
const exactSku = (rows: ProductRow[], t: string) => rows.findIndex((r) => r.sku.toLowerCase() === t.toLowerCase());

/**
 * Find a product by SKU, name or barcode. A scanned barcode (8–14 digits, then Enter) picks its
 * product at once with the unit that code counts. Enter pressed before the suggestions for what
 * was typed have arrived waits for them: an exact SKU or a single match is picked, several
 * matches are shown to choose from by ↑↓ and Enter, so a fast clerk never gets nothing and never
 * gets another product.
 */
export const ProductPicker = forwardRef<
  HTMLInputElement,
  {
    onPick(product: PickedProduct, unit: Unit | null): void;
    label?: string;
    placeholder?: string;
    /** Enter on an empty box: the counter moves on to the money. */
    onEmptyEnter?(): void;
    className?: string;
    autoFocus?: boolean;
  }
>(function ProductPicker(
  { onPick, label = 'Product', placeholder = 'SKU, name or scan a barcode', onEmptyEnter, className = '', autoFocus },
  ref,
) {
  const id = useId();
  const [text, setText] = useState('');
  // The suggestions and the text they were found for: Enter trusts them only for that text.
  const [list, setList] = useState<{ for: string; rows: ProductRow[] }>({ for: '', rows: [] });
  const [active, setActive] = useState(0);
  const [error, setError] = useState('');
  const resolving = useRef(false);
  const choicesFor = useRef('');
  const typedNow = useRef('');
  typedNow.current = text.trim();
  const query = useDebounced(text, 100);
  useEffect(() => {
    const q = query.trim();
    if (!q || isBarcode(q)) return setList({ for: '', rows: [] });
    let live = true;
    void search(q).then((rows) => {
      // A late answer for text already picked or changed would show suggestions for nothing.
      if (!live || resolving.current || typedNow.current !== q) return;
      // Enter searched first and showed these choices: a late answer must not move the clerk's place in them.
      if (choicesFor.current === q) return;
      setList({ for: q, rows });
      setActive(Math.max(0, exactSku(rows, q)));
    });
    return () => {
      live = false;
    };
  }, [query]);

  const finish = (product: PickedProduct, unit: Unit | null) => {
    setText('');
    setList({ for: '', rows: [] });
    setActive(0);
    onPick(product, unit);
  };
  const fail = (message: string) => {
    setError(message);
    errorBeep();
  };

  // Scans resolve in the order they were made, however fast the scanner types the next one.
  const scans = useRef(Promise.resolve());
  function enter(clicked?: ProductRow) {
    const typed = text.trim();
    if (!typed && !clicked) return onEmptyEnter?.();
    setError('');
    if (!clicked && isBarcode(typed)) {
      // The box is free for the next scan at once; the lookup follows.
      setText('');
      setList({ for: '', rows: [] });
      scans.current = scans.current.then(async () => {
        try {
          const hit = await call('products.findByBarcode', { barcode: typed });
          onPick(hit.product, hit.factor > 1 ? { unit: hit.unit, factor: hit.factor } : null);
        } catch (e) {
          fail((e as Error).message);
        }
      });
      return;
    }
    if (resolving.current) return;
    resolving.current = true;
    void resolve(typed, clicked).finally(() => {
      resolving.current = false;
    });
  }
  async function resolve(typed: string, clicked?: ProductRow) {
    try {
      await scans.current;
      let chosen = clicked ?? (list.for === typed ? list.rows[active] : undefined);
      if (!chosen) {
        const rows = await search(typed);
        const exact = exactSku(rows, typed);
        chosen = exact >= 0 ? rows[exact] : rows.length === 1 ? rows[0] : undefined;
        if (!chosen) {
          setList({ for: typed, rows });
          setActive(0);
          choicesFor.current = typed;
          return rows.length
            ? setError(`${rows.length} products match “${typed}”: choose one with ↑↓ and Enter`)
            : fail(`No active product matches “${typed}”`);
        }
      }
      finish(await call('products.get', { id: chosen.id }), null);
    } catch (e) {
      fail((e as Error).message);
    }
  }

  const rows = list.rows;
  return (
    <div className={`field picker product-picker ${error ? 'has-error' : ''} ${className}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        ref={ref}
        autoFocus={autoFocus}
        name="lines"
        role="combobox"
        aria-expanded={rows.length > 0}
        autoComplete="off"
        placeholder={placeholder}
        value={text}
        aria-invalid={Boolean(error)}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setError('');
        }}
        onKeyDown={(e) => {
          // Chords (Ctrl+Enter places the order, Alt+C creates) belong to the screen, not to the picker.
          if (e.ctrlKey || e.metaKey || e.altKey) return;
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, rows.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter') enter();
          else if (e.key === 'Escape' && (text || rows.length)) {
            setText('');
            setList({ for: '', rows: [] });
            setError('');
          } else return;
          e.preventDefault();
          e.stopPropagation();
        }}
      />
      {rows.length > 0 && (
        <ul className="picker-list" role="listbox" aria-label="Matching products">
          {rows.map((o, i) => (
            <li
              key={o.id}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : ''}
              onMouseDown={() => enter(o)}
            >
              <strong>{o.sku}</strong> {o.name}{' '}
              <span className="muted" data-testid="suggestion-facts">
                {o.free > 0 ? `${o.free} ${o.baseUnit} free` : 'out of stock'} · MRP {formatMoney(o.mrp)} ·{' '}
                {formatMoney(o.price)}
                {o.packs ? ` · ${o.packs}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <div className="field-error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
});
