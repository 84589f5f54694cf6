import { forwardRef, useEffect, useRef, useState } from 'react';
import { parseQuantity } from '../../../../src-shared/quantity';
import { ProductPicker, type PickedProduct } from '../../components/ProductPicker';
import { useOrderDraft } from '../../stores/order-draft-store';

const lineFor = (p: PickedProduct, quantity: number, enteredAs: string) => ({
  productId: p.id,
  sku: p.sku,
  name: p.name,
  baseUnit: p.baseUnit,
  packs: p.packs,
  quantity,
  enteredAs,
  priceOverride: null,
  manualDiscountBps: 0,
  shortageAction: 'backorder' as const,
  warehouseId: null,
});

/**
 * The line being typed: product (SKU, name or scan), Enter, quantity in any unit ("3c 5"),
 * Enter, and the cursor is back on the product for the next line. Esc in the quantity
 * abandons the product.
 */
export const LineEntry = forwardRef<HTMLInputElement, { created: PickedProduct | null }>(function LineEntry(
  { created },
  productRef,
) {
  const addLine = useOrderDraft((s) => s.addLine);
  const [pending, setPending] = useState<PickedProduct | null>(null);
  const [qtyText, setQtyText] = useState('');
  const [qtyError, setQtyError] = useState('');
  const qtyRef = useRef<HTMLInputElement>(null);
  const backToProduct = () => {
    if (productRef && typeof productRef === 'object') productRef.current?.focus();
  };

  const pick = (product: PickedProduct, unit: { unit: string; factor: number } | null) => {
    // A scanned case barcode is a whole case: add it at once and stay ready for the next scan.
    if (unit) return addLine(lineFor(product, unit.factor, `1 ${unit.unit}`));
    setPending(product);
    setQtyText('');
    setQtyError('');
  };
  // A product just created inline (Alt+C) is picked as if it had been typed.
  useEffect(() => {
    if (created) pick(created, null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [created]);
  // The quantity box is enabled by the render that sets `pending`; focus it only after that render.
  useEffect(() => {
    if (pending) qtyRef.current?.focus();
  }, [pending]);
  const addPending = () => {
    if (!pending) return;
    const parsed = parseQuantity(qtyText, pending);
    if (!parsed.ok) return setQtyError(`${pending.sku}: ${parsed.error}`);
    addLine(lineFor(pending, parsed.quantity, parsed.text));
    setPending(null);
    setQtyText('');
    setQtyError('');
    backToProduct();
  };

  return (
    <div className="entry-row">
      <ProductPicker ref={productRef} onPick={pick} />
      <div className={`field qty ${qtyError ? 'has-error' : ''}`}>
        <label htmlFor="entry-qty">Quantity {pending ? `of ${pending.sku}` : ''}</label>
        <input
          id="entry-qty"
          ref={qtyRef}
          disabled={!pending}
          autoComplete="off"
          placeholder={
            pending
              ? `e.g. 3c 5 (${[...pending.packs.map((p) => `${p.unit}=${p.factor}`), pending.baseUnit].join(', ')})`
              : 'pick a product first'
          }
          value={qtyText}
          aria-invalid={Boolean(qtyError)}
          onChange={(e) => {
            setQtyText(e.target.value);
            setQtyError('');
          }}
          onKeyDown={(e) => {
            if (e.ctrlKey || e.metaKey || e.altKey) return;
            if (e.key === 'Enter') {
              e.preventDefault();
              e.stopPropagation();
              addPending();
            } else if (e.key === 'Escape') {
              e.stopPropagation();
              setPending(null);
              setQtyError('');
              backToProduct();
            }
          }}
        />
        {qtyError && (
          <div className="field-error" role="alert">
            {qtyError}
          </div>
        )}
      </div>
    </div>
  );
});
