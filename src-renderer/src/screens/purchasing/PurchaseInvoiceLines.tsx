import { forwardRef, useEffect, useRef } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { formatMoney, formatRate } from '../../../../src-shared/money';
import { ProductPicker, type PickedProduct } from '../../components/ProductPicker';
import type { DraftLine } from './invoice-draft';

type Worked = OutputOf<'purchaseInvoices.preview'>['lines'][number];
type Box = { key: keyof DraftLine; field: string; label: string; type?: string; width?: string };

// Tab walks these left to right; Enter on the last one goes back to the product box for the next line.
const boxes: Box[] = [
  { key: 'batchNo', field: 'batchNo', label: 'Batch' },
  { key: 'manufacturedOn', field: 'manufacturedOn', label: 'Mfg', type: 'date' },
  { key: 'expiresOn', field: 'expiresOn', label: 'Expiry', type: 'date' },
  { key: 'mrpText', field: 'mrp', label: 'MRP ₹', width: 'num' },
  { key: 'qtyText', field: 'quantity', label: 'Qty', width: 'num' },
  { key: 'freeText', field: 'freeQuantity', label: 'Free', width: 'num' },
  { key: 'rateText', field: 'rate', label: 'Rate ₹', width: 'num' },
  { key: 'discText', field: 'discountBps', label: 'Disc %', width: 'num' },
];

const per = (paise: number, units: number) => (units > 0 ? formatMoney(Math.round(paise / units)) : '—');

/** The invoice's lines: what the clerk typed, and beside it what the preview worked out for each. */
export const PurchaseInvoiceLines = forwardRef<
  HTMLInputElement,
  {
    lines: DraftLine[];
    worked: Worked[];
    errorField: string;
    setLine(i: number, patch: Partial<DraftLine>): void;
    remove(i: number): void;
    onPick(p: PickedProduct): void;
  }
>(function PurchaseInvoiceLines({ lines, worked, errorField, setLine, remove, onPick }, pickerRef) {
  const batchRefs = useRef<(HTMLInputElement | null)[]>([]);
  const count = useRef(lines.length);
  // Lines just added (by the product box or from the order): the first one's batch is the next thing to type.
  useEffect(() => {
    if (lines.length > count.current) batchRefs.current[count.current]?.focus();
    count.current = lines.length;
  }, [lines.length]);
  const backToProduct = () => {
    if (pickerRef && typeof pickerRef === 'object') pickerRef.current?.focus();
  };
  return (
    <>
      <div className="lines-scroll">
        <table className="lines compact" aria-label="Invoice lines">
          <thead>
            <tr>
              <th>Product</th>
              {boxes.map((b) => (
                <th key={b.key} className={b.width}>
                  {b.label}
                </th>
              ))}
              <th className="num">Landed / unit</th>
              <th className="num">Taxable</th>
              <th className="num">GST</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {lines.map((l, i) => {
              const w = worked[i];
              const differs = (w?.differences.length ?? 0) > 0;
              return (
                <tr key={i} className={differs ? 'differs' : ''}>
                  <td className="product">
                    <strong>{l.sku}</strong> {l.name}
                    {/* What differs from the order sits under the product, where the eye already is. */}
                    {w && (differs || w.orderRate !== null) && (
                      <div className={`why ${differs ? 'bad' : ''}`}>
                        {differs ? w.differences.join('; ') : 'as ordered'}
                      </div>
                    )}
                  </td>
                  {boxes.map((b, k) => (
                    <td key={b.key} className={`${b.width ?? ''} box-${b.field}`}>
                      <input
                        ref={k === 0 ? (el) => void (batchRefs.current[i] = el) : undefined}
                        type={b.type ?? 'text'}
                        aria-label={`${b.label} of ${l.sku}`}
                        aria-invalid={errorField === `lines.${i}.${b.field}`}
                        className={errorField === `lines.${i}.${b.field}` ? 'invalid' : ''}
                        value={l[b.key] as string}
                        onChange={(e) =>
                          setLine(i, { [b.key]: b.key === 'batchNo' ? e.target.value.toUpperCase() : e.target.value })
                        }
                        onKeyDown={(e) => {
                          if (e.key === 'Enter' && !e.ctrlKey && k === boxes.length - 1) {
                            e.preventDefault();
                            backToProduct();
                          }
                        }}
                      />
                    </td>
                  ))}
                  <td className="num">{w ? per(w.taxable, w.quantity + w.freeQuantity) : ''}</td>
                  <td className="num">{w ? formatMoney(w.taxable) : ''}</td>
                  <td className="num" title={w ? `CGST ${w.cgst} · SGST ${w.sgst} · IGST ${w.igst} paise` : ''}>
                    {w ? `${formatMoney(w.cgst + w.sgst + w.igst)} (${formatRate(w.taxRate)})` : ''}
                  </td>
                  <td>
                    <button className="ghost" aria-label={`Remove ${l.sku}`} onClick={() => remove(i)}>
                      ✕
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ProductPicker ref={pickerRef} label="Add a product" onPick={(p) => onPick(p)} />
    </>
  );
});
