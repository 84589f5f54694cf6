import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { formatMoney, formatRate, parseMoney, parseRate } from '../../../../src-shared/money';
import { call, type ApiError } from '../../api/client';
import { ImportDialog } from '../../components/ImportDialog';
import { ProductPicker, type PickedProduct } from '../../components/ProductPicker';
import { toast } from '../../stores/toast-store';

type Rate = OutputOf<'supplierRates.list'>[number];

/** The supplier's purchase rates: pick a product, type the rate per base unit and the discount %, Enter saves. */
export function PriceListPanel({ supplierId, readOnly }: { supplierId: number; readOnly: boolean }) {
  const [rates, setRates] = useState<Rate[]>([]);
  const [adding, setAdding] = useState<PickedProduct | null>(null);
  const [rateText, setRateText] = useState('');
  const [discText, setDiscText] = useState('');
  const [importing, setImporting] = useState(false);
  const [error, setError] = useState('');
  const reload = () => void call('supplierRates.list', { supplierId }).then(setRates);
  useEffect(reload, [supplierId]);
  const save = async () => {
    if (!adding) return;
    const rate = parseMoney(rateText);
    const discountBps = discText ? parseRate(discText) : 0;
    if (rate === null) return setError('Type the rate in rupees, e.g. 84.50');
    if (discountBps === null) return setError('Type the discount as a percentage, e.g. 2.5');
    try {
      await call('supplierRates.set', { supplierId, productId: adding.id, rate, discountBps });
      toast.ok(`${adding.sku} at ₹${formatMoney(rate, { symbol: false })}`);
      setAdding(null);
      setRateText('');
      setDiscText('');
      setError('');
      reload();
    } catch (e) {
      setError((e as ApiError).message);
    }
  };
  return (
    <section aria-label="Price list">
      <h3>
        Price list <span className="muted">(rate per base unit, before GST)</span>
      </h3>
      <table className="lines compact">
        <thead>
          <tr>
            <th>SKU</th>
            <th>Product</th>
            <th className="num">Rate</th>
            <th className="num">Disc</th>
          </tr>
        </thead>
        <tbody>
          {rates.map((r) => (
            <tr key={r.productId}>
              <td>{r.sku}</td>
              <td>{r.productName}</td>
              <td className="num">
                {formatMoney(r.rate)}/{r.baseUnit}
              </td>
              <td className="num">{r.discountBps ? formatRate(r.discountBps) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!readOnly && (
        <>
          {error && (
            <div className="form-error" role="alert">
              {error}
            </div>
          )}
          {adding ? (
            <div className="grid" onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), void save())}>
              <div className="field">
                <label>Product</label>
                <strong>
                  {adding.sku} {adding.name}
                </strong>
              </div>
              <div className="field">
                <label htmlFor="rate-new">Rate (₹ per {adding.baseUnit})</label>
                <input id="rate-new" autoFocus value={rateText} onChange={(e) => setRateText(e.target.value)} />
              </div>
              <div className="field">
                <label htmlFor="disc-new">Discount %</label>
                <input id="disc-new" value={discText} onChange={(e) => setDiscText(e.target.value)} />
              </div>
              <button type="button" onClick={() => void save()}>
                Set rate <kbd>Enter</kbd>
              </button>
            </div>
          ) : (
            <ProductPicker label="Add or change a rate" onPick={(p) => setAdding(p)} />
          )}
          <button type="button" className="ghost" onClick={() => setImporting(true)}>
            Import the brand's price list (CSV)…
          </button>
        </>
      )}
      {importing && (
        <ImportDialog
          what="price list"
          operation="supplierRates.import"
          extra={{ supplierId }}
          columnsHelp="sku, rate (₹ per base unit, or per the pack in a unit column), discount %"
          onClose={() => setImporting(false)}
          onImported={() => {
            setImporting(false);
            reload();
          }}
        />
      )}
    </section>
  );
}
