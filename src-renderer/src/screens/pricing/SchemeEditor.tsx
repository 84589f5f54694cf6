import { useEffect, useState } from 'react';
import type { InputOf, OutputOf } from '../../../../src-shared/contract';
import { parseMoney } from '../../../../src-shared/money';
import { parseDiscountPercent } from '../../../../src-shared/percent';
import { call } from '../../api/client';
import { Drawer } from '../../components/Drawer';
import { ProductPicker } from '../../components/ProductPicker';
import { CheckField, IntField, MoneyField, SelectField, TextField } from '../../components/fields';
import { useForm } from '../../components/use-form';
import { toast } from '../../stores/toast-store';

type Kind = 'value' | 'volume' | 'free_goods';
interface Slab {
  min: string;
  pct: string;
  amount: string;
}
// A typed percentage that is not one is caught as a field error before saving; -1 never reaches the API.
const pctBps = (text: string) => {
  const parsed = parseDiscountPercent(text);
  return parsed.ok ? parsed.bps : -1;
};

/** A scheme in the manager's terms: slabs of value or quantity, or buy X get Y. */
export function SchemeEditor({ onClose, onSaved }: { onClose(): void; onSaved(): void }) {
  const form = useForm({
    code: '',
    name: '',
    validFrom: '',
    validTo: '',
    priority: 100,
    exclusive: false,
    budgetCap: 0,
    // A brand that pays the benefit back: what the scheme gives is then claimed from it (Claims screen).
    fundedBySupplierId: null as number | null,
  });
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
  const [brands, setBrands] = useState<OutputOf<'suppliers.list'>>([]);
  // The rule is kept outside the form; changing any part of it makes the last answer about it stale.
  const ruleChanged = () => form.clearErrors('rule');
  useEffect(() => {
    void call('products.facets', {}).then((f) => setCategories(f.categories));
    void call('customerTypes.list', {}).then(setTypes);
    // Only those who see purchasing may pick a funding brand; for the others the distributor funds it.
    call('suppliers.list', { includeInactive: false }).then(setBrands, () => setBrands([]));
  }, []);

  const rule = (): InputOf<'schemes.create'>['rule'] => {
    if (kind === 'free_goods')
      return {
        kind,
        buyProductId: buy?.id ?? 0,
        buyQuantity: Number(buyQty),
        getProductId: get?.id ?? buy?.id ?? 0,
        getQuantity: Number(getQty),
        repeat,
      };
    if (kind === 'value')
      return {
        kind,
        slabs: slabs.map((s) => ({
          minValue: parseMoney(s.min) ?? 0,
          ...(s.pct ? { discountBps: pctBps(s.pct) } : { flat: parseMoney(s.amount) ?? 0 }),
        })),
      };
    return {
      kind,
      target: { categories: target, productIds: [], brands: [] },
      slabs: slabs.map((s) => ({
        minQuantity: Number(s.min),
        ...(s.pct ? { discountBps: pctBps(s.pct) } : { perUnit: parseMoney(s.amount) ?? 0 }),
      })),
    };
  };
  const save = () =>
    form.submit(async (v) => {
      await call('schemes.create', {
        code: v.code,
        name: v.name,
        rule: rule(),
        validFrom: v.validFrom || null,
        validTo: v.validTo || null,
        priority: v.priority,
        exclusive: v.exclusive,
        budgetCap: v.budgetCap > 0 ? v.budgetCap : null,
        fundedBySupplierId: v.fundedBySupplierId,
        eligibility: { customerTypes: eligibleTypes, customerIds: [], stateCodes: [], districts: [] },
      });
      toast.ok(`Scheme ${v.code} created`);
      onSaved();
    });
  const setSlab = (i: number, patch: Partial<Slab>) => {
    setSlabs((s) => s.map((x, j) => (j === i ? { ...x, ...patch } : x)));
    const field =
      patch.pct !== undefined
        ? 'discountBps'
        : patch.min !== undefined
          ? kind === 'value'
            ? 'minValue'
            : 'minQuantity'
          : kind === 'value'
            ? 'flat'
            : 'perUnit';
    form.clearErrors(`rule.slabs.${i}.${field}`);
    if (patch.pct !== undefined) {
      const parsed = parseDiscountPercent(patch.pct);
      form.setError(`rule.slabs.${i}.discountBps`, parsed.ok ? null : parsed.error);
    }
  };
  const slabError = (i: number) => Object.entries(form.errors).find(([k]) => k.startsWith(`rule.slabs.${i}`))?.[1];
  const ruleError =
    form.errors.rule ??
    form.errors['rule.slabs'] ??
    Object.entries(form.errors).find(([k]) => k.startsWith('rule.') && !k.startsWith('rule.slabs.'))?.[1];
  return (
    <Drawer title="New scheme" onClose={onClose} onSave={() => void save()} saving={form.saving}>
      {form.formError && (
        <div className="form-error" role="alert">
          {form.formError}
        </div>
      )}
      <div className="grid">
        <TextField form={form} path="code" label="Code" upper autoFocus />
        <TextField form={form} path="name" label="Name" width="wide" />
        <div className="field">
          <label htmlFor="scheme-kind">Kind</label>
          <select
            id="scheme-kind"
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as Kind);
              ruleChanged();
            }}
          >
            <option value="free_goods">Free goods (buy X get Y)</option>
            <option value="volume">Volume (quantity slabs)</option>
            <option value="value">Value (order value slabs)</option>
          </select>
        </div>
        <TextField form={form} path="validFrom" label="Valid from" type="date" />
        <TextField form={form} path="validTo" label="Valid to" type="date" />
        <IntField form={form} path="priority" label="Priority (lower runs first)" />
        <MoneyField form={form} path="budgetCap" label="Budget cap (₹, 0 = none)" />
        <SelectField
          form={form}
          path="fundedBySupplierId"
          label="Funded by"
          numeric
          emptyIsNull
          allowEmpty="The distributor"
          options={brands.map((b) => ({ value: String(b.id), label: b.name }))}
        />
        <CheckField form={form} path="exclusive" label="Exclusive: does not combine with other schemes" />
      </div>
      {ruleError && (
        <div className="form-error" role="alert">
          {ruleError}
        </div>
      )}
      {kind === 'free_goods' ? (
        <div className="grid">
          <div className="field wide">
            <ProductPicker
              label={`Buy product${buy ? `: ${buy.sku}` : ''}`}
              onPick={(p) => {
                setBuy({ id: p.id, sku: p.sku });
                ruleChanged();
              }}
            />
          </div>
          <div className="field">
            <label htmlFor="buy-qty">Buy quantity (base units)</label>
            <input
              id="buy-qty"
              value={buyQty}
              name="rule.buyQuantity"
              onChange={(e) => {
                setBuyQty(e.target.value);
                ruleChanged();
              }}
            />
          </div>
          <div className="field wide">
            <ProductPicker
              label={`Free product${get ? `: ${get.sku}` : ' (empty = the same)'}`}
              onPick={(p) => {
                setGet({ id: p.id, sku: p.sku });
                ruleChanged();
              }}
            />
          </div>
          <div className="field">
            <label htmlFor="get-qty">Free quantity</label>
            <input
              id="get-qty"
              value={getQty}
              name="rule.getQuantity"
              onChange={(e) => {
                setGetQty(e.target.value);
                ruleChanged();
              }}
            />
          </div>
          <label className="check">
            <input
              type="checkbox"
              checked={repeat}
              onChange={(e) => {
                setRepeat(e.target.checked);
                ruleChanged();
              }}
            />{' '}
            For every multiple
          </label>
        </div>
      ) : (
        <>
          {kind === 'volume' && (
            <div className="checks" aria-label="Categories that count">
              {categories.map((c) => (
                <label key={c} className="check">
                  <input
                    type="checkbox"
                    checked={target.includes(c)}
                    onChange={(e) => {
                      setTarget(e.target.checked ? [...target, c] : target.filter((x) => x !== c));
                      ruleChanged();
                    }}
                  />{' '}
                  {c}
                </label>
              ))}
            </div>
          )}
          <table className="plain">
            <thead>
              <tr>
                <th>{kind === 'value' ? 'Order value from (₹)' : 'Quantity from (base units)'}</th>
                <th>Discount %</th>
                <th>{kind === 'value' ? 'or flat ₹' : 'or ₹ per unit'}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {slabs.map((s, i) => (
                <tr key={i} className={slabError(i) ? 'has-error' : ''}>
                  <td>
                    <input
                      aria-label={`Slab ${i + 1} from`}
                      name={`rule.slabs.${i}.${kind === 'value' ? 'minValue' : 'minQuantity'}`}
                      value={s.min}
                      onChange={(e) => setSlab(i, { min: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      aria-label={`Slab ${i + 1} discount %`}
                      name={`rule.slabs.${i}.discountBps`}
                      aria-invalid={Boolean(form.errors[`rule.slabs.${i}.discountBps`])}
                      value={s.pct}
                      onChange={(e) => setSlab(i, { pct: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      aria-label={`Slab ${i + 1} amount`}
                      name={`rule.slabs.${i}.${kind === 'value' ? 'flat' : 'perUnit'}`}
                      value={s.amount}
                      onChange={(e) => setSlab(i, { amount: e.target.value })}
                    />
                  </td>
                  <td>
                    {slabError(i) && (
                      <span className="field-error" role="alert">
                        {slabError(i)}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button
            type="button"
            onClick={() => {
              setSlabs([...slabs, { min: '', pct: '', amount: '' }]);
              ruleChanged();
            }}
          >
            Add slab
          </button>
        </>
      )}
      <h3>Who gets it</h3>
      <div className="checks">
        {types.map((t) => (
          <label key={t.code} className="check">
            <input
              type="checkbox"
              checked={eligibleTypes.includes(t.code)}
              onChange={(e) =>
                setEligibleTypes(
                  e.target.checked ? [...eligibleTypes, t.code] : eligibleTypes.filter((x) => x !== t.code),
                )
              }
            />{' '}
            {t.name}
          </label>
        ))}
        <span className="muted">(none ticked: every customer)</span>
      </div>
    </Drawer>
  );
}
