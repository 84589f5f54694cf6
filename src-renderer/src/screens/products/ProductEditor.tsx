import { useEffect, useState } from 'react';
import type { InputOf, OutputOf } from '../../../../src-shared/contract';
import { formatRate } from '../../../../src-shared/money';
import { UQC_CODES, uqcFor } from '../../../../src-shared/uqc';
import { call } from '../../api/client';
import { Drawer } from '../../components/Drawer';
import { CheckField, IntField, MoneyField, SelectField, TextField } from '../../components/fields';
import { useForm } from '../../components/use-form';
import { toast } from '../../stores/toast-store';

type Values = InputOf<'products.create'> & { id?: number; version?: number };
const blank: Values = {
  sku: '',
  name: '',
  brand: '',
  category: '',
  hsn: '',
  taxRate: 1800,
  mrp: 0,
  price: 0,
  baseUnit: 'pc',
  uqc: '',
  packs: [],
  barcodes: [],
  batchTracked: true,
  shelfLifeDays: 0,
  rackLocation: '',
  status: 'active',
  licence: 'none',
};
const gstRates = [0, 25, 300, 500, 1200, 1800, 2800, 4000];

export function ProductEditor({
  id,
  readOnly,
  onClose,
  onSaved,
}: {
  id: number | null;
  readOnly: boolean;
  onClose(): void;
  onSaved(saved: OutputOf<'products.get'>): void;
}) {
  const form = useForm<Values>(blank);
  const [loaded, setLoaded] = useState(id === null);
  useEffect(() => {
    if (id === null) return;
    void call('products.get', { id }).then(({ createdAt: _c, updatedAt: _u, ...p }) => {
      form.reset(p);
      setLoaded(true);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  const packs = form.values.packs ?? [];
  const barcodes = form.values.barcodes ?? [];
  const units = [form.values.baseUnit ?? 'pc', ...packs.map((p) => p.unit)];
  const save = () =>
    form.submit(async ({ id: productId, version, ...values }) => {
      const saved =
        productId !== undefined
          ? await call('products.update', { ...values, id: productId, version: version! })
          : await call('products.create', values);
      toast.ok(`Saved ${saved.name} (${saved.sku})`);
      onSaved(saved);
    });

  if (!loaded) return null;
  return (
    <Drawer
      title={id === null ? 'New product' : `Product ${form.values.sku}`}
      onClose={onClose}
      onSave={readOnly ? undefined : save}
      saving={form.saving}
    >
      {form.formError && (
        <div className="form-error" role="alert">
          {form.formError}
        </div>
      )}
      <fieldset disabled={readOnly}>
        <div className="grid">
          <TextField form={form} path="sku" label="SKU" upper autoFocus={id === null} />
          <TextField form={form} path="name" label="Name" width="wide" />
          <TextField form={form} path="brand" label="Brand" />
          <TextField form={form} path="category" label="Category" />
          <TextField form={form} path="hsn" label="HSN code" />
          <SelectField
            form={form}
            path="taxRate"
            label="GST rate"
            numeric
            options={gstRates.map((r) => ({ value: String(r), label: formatRate(r) }))}
          />
          <MoneyField form={form} path="mrp" label="MRP (₹)" />
          <MoneyField form={form} path="price" label="Selling price (₹)" hint="Before tax, per base unit" />
          <TextField form={form} path="baseUnit" label="Base unit" hint="pc, kg, btl…" />
          <SelectField
            form={form}
            path="uqc"
            label="GST unit code (UQC)"
            hint="For e-invoice, e-way bill and GSTR-1"
            options={[
              {
                value: '',
                label: `From the unit: ${uqcFor({ uqc: '', baseUnit: form.values.baseUnit ?? 'pc' }) ?? 'none'}`,
              },
              ...UQC_CODES.map((c) => ({ value: c, label: c })),
            ]}
          />
          <TextField form={form} path="rackLocation" label="Rack / bin" />
          <IntField form={form} path="shelfLifeDays" label="Shelf life (days)" />
          <SelectField
            form={form}
            path="licence"
            label="Buyer must hold"
            options={[
              { value: 'none', label: 'No licence' },
              { value: 'drug', label: 'A drug licence (20B/21B)' },
              { value: 'food', label: 'An FSSAI licence' },
            ]}
          />
          <SelectField
            form={form}
            path="status"
            label="Status"
            options={[
              { value: 'active', label: 'Active' },
              { value: 'inactive', label: 'Inactive' },
            ]}
          />
          <CheckField
            form={form}
            path="batchTracked"
            label="Batch-tracked (batch number and expiry on every movement)"
          />
        </div>
        <h3>Packs</h3>
        {packs.map((p, i) => (
          <div className="row-edit" key={i}>
            <TextField form={form} path={`packs.${i}.unit`} label="Pack" />
            <IntField
              form={form}
              path={`packs.${i}.factor`}
              label={`${form.values.baseUnit ?? 'pc'} per ${p.unit || 'pack'}`}
            />
            <button
              type="button"
              className="ghost"
              onClick={() =>
                form.set(
                  'packs',
                  packs.filter((_, j) => j !== i),
                )
              }
              aria-label={`Remove pack ${p.unit}`}
            >
              ✕
            </button>
          </div>
        ))}
        <button
          type="button"
          onClick={() => form.set('packs', [...packs, { unit: packs.length ? 'box' : 'case', factor: 12 }])}
        >
          Add pack
        </button>
        <h3>Barcodes</h3>
        {barcodes.map((b, i) => (
          <div className="row-edit" key={i}>
            <TextField form={form} path={`barcodes.${i}.code`} label="EAN / GTIN / code" />
            <SelectField
              form={form}
              path={`barcodes.${i}.unit`}
              label="A scan counts"
              options={units.map((u) => ({ value: u === form.values.baseUnit ? '' : u, label: `1 ${u}` }))}
            />
            <button
              type="button"
              className="ghost"
              onClick={() =>
                form.set(
                  'barcodes',
                  barcodes.filter((_, j) => j !== i),
                )
              }
              aria-label={`Remove barcode ${b.code}`}
            >
              ✕
            </button>
          </div>
        ))}
        <button type="button" onClick={() => form.set('barcodes', [...barcodes, { code: '', unit: '' }])}>
          Add barcode
        </button>
      </fieldset>
    </Drawer>
  );
}
