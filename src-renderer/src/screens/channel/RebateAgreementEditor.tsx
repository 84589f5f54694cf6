import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { formatMoney, formatRate, parseMoney, parseRate } from '../../../../src-shared/money';
import { call } from '../../api/client';
import { CustomerPicker } from '../../components/CustomerPicker';
import { Drawer } from '../../components/Drawer';
import { SelectField, TextField } from '../../components/fields';
import { useForm } from '../../components/use-form';
import { toast } from '../../stores/toast-store';

type Agreement = OutputOf<'rebates.list'>[number];
/** A tier as typed: rupees or units, and a % or rupees per unit; converted on save. */
interface TierText {
  threshold: string;
  rate: string;
}

const bases = [
  { value: 'value', label: 'Taxable value (₹)' },
  { value: 'volume', label: 'Volume (base units)' },
];
const rateKinds = [
  { value: 'bps', label: '% of taxable value' },
  { value: 'per_unit', label: '₹ per unit' },
];
const methods = [
  { value: 'retroactive', label: 'Retroactive: reached tier on everything' },
  { value: 'incremental', label: 'Incremental: each tier on its slice' },
];

function tierText(a: Agreement): TierText[] {
  return a.tiers.map((t) => ({
    threshold: a.basis === 'value' ? formatMoney(t.threshold, { symbol: false }) : String(t.threshold),
    rate: a.rateKind === 'bps' ? formatRate(t.rate).replace('%', '') : formatMoney(t.rate, { symbol: false }),
  }));
}

/** A rebate agreement: who, when, on what, and its tiers; Ctrl+S saves, errors land under their fields. */
export function RebateAgreementEditor({
  agreement,
  onClose,
  onSaved,
}: {
  agreement: Agreement | null;
  onClose(): void;
  onSaved(): void;
}) {
  const form = useForm({
    code: agreement?.code ?? '',
    name: agreement?.name ?? '',
    scope: agreement?.customerType ? 'type' : 'customer',
    customerId: agreement?.customerId ?? null,
    customerType: agreement?.customerType ?? 'retailer',
    periodFrom: agreement?.periodFrom ?? '',
    periodTo: agreement?.periodTo ?? '',
    basis: agreement?.basis ?? 'value',
    rateKind: agreement?.rateKind ?? 'bps',
    method: agreement?.method ?? 'retroactive',
    brand: agreement?.brand ?? '',
    fundedBy: agreement?.fundedBy ?? null,
  });
  const [tiers, setTiers] = useState<TierText[]>(agreement ? tierText(agreement) : [{ threshold: '', rate: '' }]);
  const [customerLabel, setCustomerLabel] = useState(agreement?.customerName ?? '');
  const [types, setTypes] = useState<OutputOf<'customerTypes.list'>>([]);
  const [brands, setBrands] = useState<OutputOf<'suppliers.list'>>([]);
  useEffect(() => {
    void call('customerTypes.list', {}).then(setTypes);
    // Only those who see purchasing may pick the funding brand; the others keep the distributor.
    call('suppliers.list', {}).then(setBrands, () => setBrands([]));
  }, []);
  const v = form.values;
  const toThreshold = (s: string) => (v.basis === 'value' ? (parseMoney(s) ?? -1) : Number(s.replace(/,/g, '') || -1));
  const toRate = (s: string) => (v.rateKind === 'bps' ? (parseRate(s) ?? -1) : (parseMoney(s) ?? -1));
  const setTier = (i: number, patch: Partial<TierText>) => {
    setTiers((ts) => ts.map((t, j) => (j === i ? { ...t, ...patch } : t)));
    form.clearErrors(`tiers.${i}`);
  };
  const save = () =>
    form.submit(async (x) => {
      const saved = await call('rebates.save', {
        id: agreement?.id ?? null,
        version: agreement?.version ?? null,
        code: x.code,
        name: x.name,
        customerId: x.scope === 'customer' ? x.customerId : null,
        customerType: x.scope === 'type' ? x.customerType : null,
        periodFrom: x.periodFrom,
        periodTo: x.periodTo,
        basis: x.basis as 'value',
        rateKind: x.rateKind as 'bps',
        method: x.method as 'retroactive',
        brand: x.brand,
        fundedBy: x.fundedBy,
        tiers: tiers.map((t) => ({ threshold: toThreshold(t.threshold), rate: toRate(t.rate) })),
      });
      toast.ok(`Rebate ${saved.code} saved with ${saved.tiers.length} tiers`);
      onSaved();
    });
  const thresholdLabel = v.basis === 'value' ? 'From ₹ (taxable)' : 'From units';
  const rateLabel = v.rateKind === 'bps' ? 'Rate %' : '₹ per unit';
  return (
    <Drawer
      title={agreement ? `Rebate ${agreement.code}` : 'New rebate agreement'}
      onClose={onClose}
      onSave={() => void save()}
      saving={form.saving}
    >
      {form.formError && (
        <div className="form-error" role="alert">
          {form.formError}
        </div>
      )}
      <div className="grid">
        <TextField form={form} path="code" label="Code" upper autoFocus />
        <TextField form={form} path="name" label="Name" width="wide" />
        <SelectField
          form={form}
          path="scope"
          label="For"
          options={[
            { value: 'customer', label: 'One customer (with its outlets)' },
            { value: 'type', label: 'Every customer of a type' },
          ]}
        />
        {v.scope === 'customer' ? (
          <CustomerPicker
            label="Customer"
            name="customerId"
            value={v.customerId}
            valueLabel={customerLabel}
            types={[]}
            error={form.errors.customerId}
            onChange={(id, label) => {
              form.set('customerId', id);
              setCustomerLabel(label);
            }}
          />
        ) : (
          <SelectField
            form={form}
            path="customerType"
            label="Customer type"
            options={types.map((t) => ({ value: t.code, label: t.name }))}
          />
        )}
        <TextField form={form} path="periodFrom" label="From" type="date" />
        <TextField form={form} path="periodTo" label="To" type="date" />
        <SelectField form={form} path="basis" label="Tiers count" options={bases} />
        <SelectField form={form} path="rateKind" label="Rate" options={rateKinds} />
        <SelectField form={form} path="method" label="Method" options={methods} width="wide" />
        <TextField form={form} path="brand" label="Only brand (optional)" />
        <SelectField
          form={form}
          path="fundedBy"
          label="Funded by"
          numeric
          emptyIsNull
          allowEmpty="The distributor"
          options={brands.map((s) => ({ value: String(s.id), label: s.name }))}
        />
      </div>
      {form.errors.tiers && (
        <div className="form-error" role="alert">
          {form.errors.tiers}
        </div>
      )}
      <table className="plain" aria-label="Tiers">
        <thead>
          <tr>
            <th>Tier</th>
            <th>{thresholdLabel}</th>
            <th>{rateLabel}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {tiers.map((t, i) => (
            <tr key={i}>
              <td>{i + 1}</td>
              {(['threshold', 'rate'] as const).map((k) => (
                <td key={k}>
                  <input
                    name={`tiers.${i}.${k}`}
                    className="num"
                    aria-label={`${k === 'threshold' ? thresholdLabel : rateLabel}, tier ${i + 1}`}
                    aria-invalid={Boolean(form.errors[`tiers.${i}.${k}`])}
                    value={t[k]}
                    onChange={(e) => setTier(i, { [k]: e.target.value })}
                  />
                  {form.errors[`tiers.${i}.${k}`] && (
                    <div className="field-error" role="alert">
                      {form.errors[`tiers.${i}.${k}`]}
                    </div>
                  )}
                </td>
              ))}
              <td>
                <button
                  type="button"
                  className="ghost"
                  aria-label={`Remove tier ${i + 1}`}
                  onClick={() => setTiers(tiers.filter((_, j) => j !== i))}
                >
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => setTiers([...tiers, { threshold: '', rate: '' }])}>
        Add tier
      </button>
    </Drawer>
  );
}
