import { forwardRef, useEffect, useState } from 'react';
import type { OutputOf } from '../../../src-shared/contract';
import type { ProductRow } from '../../../src-shared/contract/products';
import { formatMoney } from '../../../src-shared/money';
import { call } from '../api/client';
import { useDebounced } from './use-debounced';

export type PickedProduct = OutputOf<'products.get'>;

/**
 * Find a product by SKU, name or barcode. A scanned barcode (8–14 digits, then Enter) picks its
 * product at once with the unit that code counts; otherwise ↑↓ and Enter choose a suggestion.
 */
export const ProductPicker = forwardRef<HTMLInputElement, { onPick(product: PickedProduct, unit: { unit: string; factor: number } | null): void; label?: string }>(
  function ProductPicker({ onPick, label = 'Product' }, ref) {
    const [text, setText] = useState('');
    const [options, setOptions] = useState<ProductRow[]>([]);
    const [active, setActive] = useState(0);
    const [error, setError] = useState('');
    const query = useDebounced(text, 100);
    useEffect(() => {
      if (!query.trim() || /^\d{8,14}$/.test(query.trim())) return setOptions([]);
      let live = true;
      void call('products.list', { search: query, status: 'active', limit: 8, sort: 'name' }).then((r) => live && setOptions(r.rows));
      return () => {
        live = false;
      };
    }, [query]);

    async function choose(row: ProductRow | undefined) {
      const typed = text.trim();
      setError('');
      try {
        if (/^\d{8,14}$/.test(typed)) {
          const hit = await call('products.findByBarcode', { barcode: typed });
          onPick(hit.product, hit.factor > 1 ? { unit: hit.unit, factor: hit.factor } : null);
        } else if (row) {
          onPick(await call('products.get', { id: row.id }), null);
        } else return;
        setText('');
        setOptions([]);
        setActive(0);
      } catch (e) {
        setError((e as Error).message);
      }
    }

    return (
      <div className="field picker product-picker">
        <label htmlFor="product-picker">{label}</label>
        <input
          id="product-picker"
          ref={ref}
          name="lines"
          autoComplete="off"
          placeholder="SKU, name or scan a barcode"
          value={text}
          aria-invalid={Boolean(error)}
          onChange={(e) => {
            setText(e.target.value);
            setActive(0);
            setError('');
          }}
          onKeyDown={(e) => {
            // Chords (Ctrl+Enter places the order) belong to the screen, not to the picker.
            if (e.ctrlKey || e.metaKey || e.altKey) return;
            if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, options.length - 1));
            else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
            else if (e.key === 'Enter') void choose(options[active]);
            else if (e.key === 'Escape' && text) setText('');
            else return;
            e.preventDefault();
            e.stopPropagation();
          }}
        />
        {options.length > 0 && (
          <ul className="picker-list" role="listbox" aria-label="Matching products">
            {options.map((o, i) => (
              <li key={o.id} role="option" aria-selected={i === active} className={i === active ? 'active' : ''} onMouseDown={() => void choose(o)}>
                <strong>{o.sku}</strong> {o.name}{' '}
                <span className="muted" data-testid="suggestion-facts">
                  {o.free > 0 ? `${o.free} ${o.baseUnit} free` : 'out of stock'} · MRP {formatMoney(o.mrp)} · {formatMoney(o.price)}
                  {o.packs ? ` · ${o.packs}` : ''}
                </span>
              </li>
            ))}
          </ul>
        )}
        {error && <div className="field-error" role="alert">{error}</div>}
      </div>
    );
  },
);
