import { useEffect, useState } from 'react';
import type { InputOf, OutputOf } from '../../../../src-shared/contract';
import { formatMoney } from '../../../../src-shared/money';
import { call } from '../../api/client';
import { CustomerChips } from '../../components/CustomerChips';
import { CustomerPicker } from '../../components/CustomerPicker';
import { Drawer } from '../../components/Drawer';
import { CheckField, IntField, MoneyField, SelectField, TextField } from '../../components/fields';
import { ProductPicker } from '../../components/ProductPicker';
import { useForm } from '../../components/use-form';
import { toast } from '../../stores/toast-store';

export type AgreementValues = InputOf<'endBuyerAgreements.create'> & {
  id?: number;
  version?: number;
  endBuyerName?: string;
  /** product labels by line, kept beside the form (the API takes ids) */
  names?: string[];
};

/**
 * One brand authorisation: who the end buyer is, the brand's number and validity, and per product the special price,
 * the brand's rate and the agreed cost (the support per unit is their difference) and the cap. Ctrl+S saves; errors
 * land under the field they name.
 */
export function EndBuyerAgreementEditor(props: {
  initial: AgreementValues;
  readOnly: boolean;
  onClose(): void;
  onSaved(): void;
}) {
  const { initial, readOnly } = props;
  const form = useForm<AgreementValues>(initial);
  const [brands, setBrands] = useState<OutputOf<'suppliers.list'>>([]);
  useEffect(() => void call('suppliers.list', { includeInactive: false }).then(setBrands), []);
  const lines = form.values.lines ?? [];
  const names = form.values.names ?? [];
  const save = () =>
    form.submit(async ({ id, version, endBuyerName: _n, names: _p, ...values }) => {
      const saved =
        id !== undefined
          ? await call('endBuyerAgreements.update', { ...values, id, version: version! })
          : await call('endBuyerAgreements.create', values);
      toast.ok(`Saved agreement ${saved.number}`);
      props.onSaved();
    });
  return (
    <Drawer
      title={initial.id ? `Agreement ${initial.number}` : 'New end-buyer agreement'}
      onClose={props.onClose}
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
          <SelectField
            form={form}
            path="supplierId"
            label="Brand"
            numeric
            allowEmpty="Choose"
            options={brands.map((b) => ({ value: String(b.id), label: b.name }))}
          />
          <CustomerPicker
            label="End buyer"
            name="endBuyerId"
            value={(form.values.endBuyerId as number) || null}
            valueLabel={form.values.endBuyerName ?? ''}
            types={[]}
            error={form.errors.endBuyerId}
            onChange={(id, label) => {
              form.set('endBuyerId', id ?? 0);
              form.set('endBuyerName', label);
            }}
          />
          <TextField form={form} path="number" label="Brand's agreement number" upper autoFocus />
          <TextField form={form} path="validFrom" label="Valid from" type="date" />
          <TextField form={form} path="validTo" label="Valid to" type="date" />
        </div>
        <CustomerChips
          label="Sold only through"
          name="soldToIds"
          ids={form.values.soldToIds ?? []}
          onChange={(ids) => form.set('soldToIds', ids)}
          error={form.errors.soldToIds}
          emptyText="Any customer may sell to this end buyer at the special price"
        />
        <TextField form={form} path="notes" label="Notes" width="wide" />
        <CheckField form={form} path="active" label="Active" />
        <h3>Products</h3>
        {form.errors.lines && (
          <div className="form-error" role="alert">
            {form.errors.lines}
          </div>
        )}
        {lines.map((line, i) => (
          <div className="grid" key={i} aria-label={`Product line ${i + 1}`}>
            <div className="field">
              <label>Product</label>
              <div>{names[i] ?? `#${line.productId}`}</div>
              {form.errors[`lines.${i}.productId`] && (
                <div className="field-error" role="alert">
                  {form.errors[`lines.${i}.productId`]}
                </div>
              )}
            </div>
            <MoneyField form={form} path={`lines.${i}.specialPrice`} label="Special price" />
            <MoneyField form={form} path={`lines.${i}.listCost`} label="Brand rate" />
            <MoneyField
              form={form}
              path={`lines.${i}.agreedCost`}
              label="Agreed cost"
              hint={`claim ${formatMoney(Math.max(0, (line.listCost ?? 0) - (line.agreedCost ?? 0)))} a unit`}
            />
            <IntField form={form} path={`lines.${i}.quantityCap`} label="Cap (base units)" nullable />
            <button
              type="button"
              className="link"
              onClick={() => {
                form.set(
                  'lines',
                  lines.filter((_, j) => j !== i),
                );
                form.set(
                  'names',
                  names.filter((_, j) => j !== i),
                );
              }}
            >
              Remove
            </button>
          </div>
        ))}
        {!readOnly && (
          <ProductPicker
            label="Add product"
            onPick={(p) => {
              form.set('lines', [
                ...lines,
                { productId: p.id, specialPrice: p.price, listCost: 0, agreedCost: 0, quantityCap: null },
              ]);
              form.set('names', [...names, `${p.sku} ${p.name}`]);
            }}
          />
        )}
      </fieldset>
    </Drawer>
  );
}
