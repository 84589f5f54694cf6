import { useEffect, useState } from 'react';
import type { InputOf, OutputOf } from '../../../../src-shared/contract';
import { parseMoney } from '../../../../src-shared/money';
import { call } from '../../api/client';
import { Drawer } from '../../components/Drawer';
import { ProductPicker } from '../../components/ProductPicker';
import { CheckField, IntField, MoneyField, SelectField, TextField } from '../../components/fields';
import { useForm } from '../../components/use-form';
import { toast } from '../../stores/toast-store';

type Kind = 'value' | 'volume' | 'free_goods';
interface Slab { min: string; pct: string; amount: string }

/** A scheme in the manager's terms: slabs of value or quantity, or buy X get Y. */
export function SchemeEditor({ onClose, onSaved }: { onClose(): void; onSaved(): void }) {
  const form = useForm({ code: '', name: '', validFrom: '', validTo: '', priority: 100, exclusive: false, budgetCap: 0 });
  const [kind, setKind] = useState<Kind>('free_goods');
  const [slabs, setSlabs] = useState<Slab[]>([{ min: '', pct: '', amount: '' }]);
  const [categories, setCategories] = useState<string[]>([]);
  const [target, setTarget] = useState<string[]>([]);
  const [buy, setBuy] = useState<{ id: number; sku: string } | null>(null);
  const [get, setGet] = useState<{ id: number; sku: string } | null>(null);
  const [buyQty, setBuyQty] = useState('10');
  const [getQty, setGetQty] = useState('1');
  const [repeat, setRepeat] = useState(true);
  const [types, setTypes] = useState<OutputOf<'customerTypes.list'>>([]);
  const [eligibleTypes, setEligibleTypes] = useState<string[]>([]);
  useEffect(() => {
    void call('products.facets', {}).then((f) => setCategories(f.categories));
    void call('customerTypes.list', {}).then(setTypes);
  }, []);

  const rule = (): InputOf<'schemes.create'>['rule'] => {
    if (kind === 'free_goods') return { kind, buyProductId: buy?.id ?? 0, buyQuantity: Number(buyQty), getProductId: get?.id ?? buy?.id ?? 0, getQuantity: Number(getQty), repeat };
    if (kind === 'value') return { kind, slabs: slabs.map((s) => ({ minValue: parseMoney(s.min) ?? 0, ...(s.pct ? { discountBps: Math.round(Number(s.pct) * 100) } : { flat: parseMoney(s.amount) ?? 0 }) })) };
    return { kind, target: { categories: target, productIds: [], brands: [] }, slabs: slabs.map((s) => ({ minQuantity: Number(s.min), ...(s.pct ? { discountBps: Math.round(Number(s.pct) * 100) } : { perUnit: parseMoney(s.amount) ?? 0 }) })) };
  };
  const save = () =>
    form.submit(async (v) => {
      await call('schemes.create', {
        code: v.code, name: v.name, rule: rule(), validFrom: v.validFrom || null, validTo: v.validTo || null, priority: v.priority, exclusive: v.exclusive,
        budgetCap: v.budgetCap > 0 ? v.budgetCap : null, eligibility: { customerTypes: eligibleTypes, customerIds: [], stateCodes: [], districts: [] },
      });
      toast.ok(`Scheme ${v.code} created`);
      onSaved();
    });
  const setSlab = (i: number, patch: Partial<Slab>) => setSlabs((s) => s.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <Drawer title="New scheme" onClose={onClose} onSave={() => void save()} saving={form.saving}>
      {form.formError && <div className="form-error" role="alert">{form.formError}</div>}
      <div className="grid">
        <TextField form={form} path="code" label="Code" upper autoFocus />
        <TextField form={form} path="name" label="Name" width="wide" />
        <div className="field"><label htmlFor="scheme-kind">Kind</label>
          <select id="scheme-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            <option value="free_goods">Free goods (buy X get Y)</option><option value="volume">Volume (quantity slabs)</option><option value="value">Value (order value slabs)</option>
          </select>
        </div>
        <TextField form={form} path="validFrom" label="Valid from" type="date" />
        <TextField form={form} path="validTo" label="Valid to" type="date" />
        <IntField form={form} path="priority" label="Priority (lower runs first)" />
        <MoneyField form={form} path="budgetCap" label="Budget cap (₹, 0 = none)" />
        <CheckField form={form} path="exclusive" label="Exclusive: does not combine with other schemes" />
      </div>
      {form.errors.rule && <div className="form-error" role="alert">{form.errors.rule}</div>}
      {kind === 'free_goods' ? (
        <div className="grid">
          <div className="field wide"><ProductPicker label={`Buy product${buy ? `: ${buy.sku}` : ''}`} onPick={(p) => setBuy({ id: p.id, sku: p.sku })} /></div>
          <div className="field"><label htmlFor="buy-qty">Buy quantity (base units)</label><input id="buy-qty" value={buyQty} onChange={(e) => setBuyQty(e.target.value)} /></div>
          <div className="field wide"><ProductPicker label={`Free product${get ? `: ${get.sku}` : ' (empty = the same)'}`} onPick={(p) => setGet({ id: p.id, sku: p.sku })} /></div>
          <div className="field"><label htmlFor="get-qty">Free quantity</label><input id="get-qty" value={getQty} onChange={(e) => setGetQty(e.target.value)} /></div>
          <label className="check"><input type="checkbox" checked={repeat} onChange={(e) => setRepeat(e.target.checked)} /> For every multiple</label>
        </div>
      ) : (
        <>
          {kind === 'volume' && (
            <div className="checks" aria-label="Categories that count">
              {categories.map((c) => <label key={c} className="check"><input type="checkbox" checked={target.includes(c)} onChange={(e) => setTarget(e.target.checked ? [...target, c] : target.filter((x) => x !== c))} /> {c}</label>)}
            </div>
          )}
          <table className="plain">
            <thead><tr><th>{kind === 'value' ? 'Order value from (₹)' : 'Quantity from (base units)'}</th><th>Discount %</th><th>{kind === 'value' ? 'or flat ₹' : 'or ₹ per unit'}</th></tr></thead>
            <tbody>
              {slabs.map((s, i) => (
                <tr key={i}>
                  <td><input aria-label={`Slab ${i + 1} from`} value={s.min} onChange={(e) => setSlab(i, { min: e.target.value })} /></td>
                  <td><input aria-label={`Slab ${i + 1} discount %`} value={s.pct} onChange={(e) => setSlab(i, { pct: e.target.value })} /></td>
                  <td><input aria-label={`Slab ${i + 1} amount`} value={s.amount} onChange={(e) => setSlab(i, { amount: e.target.value })} /></td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" onClick={() => setSlabs([...slabs, { min: '', pct: '', amount: '' }])}>Add slab</button>
        </>
      )}
      <h3>Who gets it</h3>
      <div className="checks">
        {types.map((t) => <label key={t.code} className="check"><input type="checkbox" checked={eligibleTypes.includes(t.code)} onChange={(e) => setEligibleTypes(e.target.checked ? [...eligibleTypes, t.code] : eligibleTypes.filter((x) => x !== t.code))} /> {t.name}</label>)}
        <span className="muted">(none ticked: every customer)</span>
      </div>
    </Drawer>
  );
}
