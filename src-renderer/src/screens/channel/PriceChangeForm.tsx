import { useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { parseMoney } from '../../../../src-shared/money';
import { call, type ApiError } from '../../api/client';
import { ProductPicker, type PickedProduct } from '../../components/ProductPicker';
import { businessToday } from '../../stores/business-date';

type PriceChange = OutputOf<'priceChanges.record'>;

/** A brand's price cut on a product from a date (old and new purchase rate per unit): what price protection claims. */
export function PriceChangeForm(props: { supplierId: number | null; onSaved(p: PriceChange): void }) {
  const [product, setProduct] = useState<PickedProduct | null>(null);
  const [oldText, setOld] = useState('');
  const [newText, setNew] = useState('');
  const [effectiveOn, setEffectiveOn] = useState(businessToday());
  const [reference, setReference] = useState('');
  const [problem, setProblem] = useState('');
  const save = async () => {
    const oldRate = parseMoney(oldText);
    const newRate = parseMoney(newText);
    if (!props.supplierId) return setProblem('Choose the brand first');
    if (!product) return setProblem('Choose the product whose price was cut');
    if (oldRate === null || newRate === null) return setProblem('Type the old and new rates per unit, e.g. 100.00');
    try {
      const input = { supplierId: props.supplierId, productId: product.id, oldRate, newRate, effectiveOn, reference };
      props.onSaved(await call('priceChanges.record', input));
      setProblem('');
    } catch (e) {
      setProblem((e as ApiError).message);
    }
  };
  return (
    <div className="card">
      <h3>Record a price cut</h3>
      <div className="grid">
        <ProductPicker onPick={(p) => setProduct(p)} label={product ? `Product: ${product.sku}` : 'Product'} />
        <div className="field">
          <label htmlFor="pc-old">Old rate (₹/unit)</label>
          <input id="pc-old" value={oldText} onChange={(e) => setOld(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="pc-new">New rate (₹/unit)</label>
          <input id="pc-new" value={newText} onChange={(e) => setNew(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="pc-from">From</label>
          <input id="pc-from" type="date" value={effectiveOn} onChange={(e) => setEffectiveOn(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="pc-ref">Brand's circular</label>
          <input id="pc-ref" value={reference} onChange={(e) => setReference(e.target.value)} />
        </div>
      </div>
      {problem && (
        <div className="form-error" role="alert">
          {problem}
        </div>
      )}
      <button type="button" onClick={() => void save()}>
        Record price cut
      </button>
    </div>
  );
}
