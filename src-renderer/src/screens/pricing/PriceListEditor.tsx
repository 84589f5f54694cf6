import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { formatMoney, parseMoney } from '../../../../src-shared/money';
import { call } from '../../api/client';
import { stateOptions } from '../../components/AddressFields';
import { CustomerPicker } from '../../components/CustomerPicker';
import { Drawer } from '../../components/Drawer';
import { ProductPicker } from '../../components/ProductPicker';
import { CheckField, SelectField, TextField } from '../../components/fields';
import { useForm } from '../../components/use-form';
import { toast } from '../../stores/toast-store';

interface Item {
  productId: number;
  sku: string;
  name: string;
  listPrice: number;
  minQuantity: string;
  price: string;
}
const scopes = [
  { value: 'customer', label: 'One customer' },
  { value: 'end_buyer', label: 'An end buyer' },
  { value: 'type_geography', label: 'A customer type in a place' },
  { value: 'type', label: 'A customer type' },
  { value: 'geography', label: 'A place' },
];

/** A price list: to whom it applies, when, and each product's price with optional quantity slabs. */
export function PriceListEditor({ onClose, onSaved }: { onClose(): void; onSaved(): void }) {
  const form = useForm({
    name: '',
    scope: 'type',
    customerId: null as number | null,
    customerType: 'retailer',
    stateCode: '',
    district: '',
    area: '',
    endBuyer: '',
    validFrom: '',
    validTo: '',
    taxInclusive: false,
  });
  const [items, setItems] = useState<Item[]>([]);
  const [customerLabel, setCustomerLabel] = useState('');
  const [types, setTypes] = useState<OutputOf<'customerTypes.list'>>([]);
  useEffect(() => void call('customerTypes.list', {}).then(setTypes), []);
  const scope = form.values.scope;
  const save = () =>
    form.submit(async (v) => {
      await call('priceLists.create', {
        ...v,
        scope: v.scope as 'type',
        validFrom: v.validFrom || null,
        validTo: v.validTo || null,
        items: items.map((i) => ({
          productId: i.productId,
          minQuantity: Number(i.minQuantity || 1),
          price: parseMoney(i.price) ?? 0,
        })),
      });
      toast.ok(`Price list ${v.name} created`);
      onSaved();
    });
  const setItem = (i: number, patch: Partial<Item>) =>
    setItems((x) => x.map((it, j) => (j === i ? { ...it, ...patch } : it)));
  return (
    <Drawer title="New price list" onClose={onClose} onSave={() => void save()} saving={form.saving}>
      {form.formError && (
        <div className="form-error" role="alert">
          {form.formError}
        </div>
      )}
      <div className="grid">
        <TextField form={form} path="name" label="Name" width="wide" autoFocus />
        <SelectField form={form} path="scope" label="Applies to" options={scopes} />
        {scope === 'customer' && (
          <CustomerPicker
            label="Customer"
            name="customerId"
            value={form.values.customerId}
            valueLabel={customerLabel}
            types={[]}
            error={form.errors.customerId}
            onChange={(id, label) => {
              form.set('customerId', id);
              setCustomerLabel(label);
            }}
          />
        )}
        {scope === 'end_buyer' && <TextField form={form} path="endBuyer" label="End buyer" />}
        {(scope === 'type' || scope === 'type_geography') && (
          <SelectField
            form={form}
            path="customerType"
            label="Customer type"
            options={types.map((t) => ({ value: t.code, label: t.name }))}
          />
        )}
        {(scope === 'geography' || scope === 'type_geography') && (
          <>
            <SelectField
              form={form}
              path="stateCode"
              label="State"
              options={stateOptions}
              allowEmpty="Choose a state"
            />
            <TextField form={form} path="district" label="District (optional)" />
            <TextField form={form} path="area" label="Area (optional)" />
          </>
        )}
        <TextField form={form} path="validFrom" label="Valid from" type="date" />
        <TextField form={form} path="validTo" label="Valid to" type="date" />
        <CheckField form={form} path="taxInclusive" label="Prices include GST" />
      </div>
      {form.errors.items && (
        <div className="form-error" role="alert">
          {form.errors.items}
        </div>
      )}
      <table className="plain">
        <thead>
          <tr>
            <th>Product</th>
            <th>Product price</th>
            <th>From quantity</th>
            <th>Price (₹ per base unit)</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {items.map((it, i) => (
            <tr key={i}>
              <td>
                <strong>{it.sku}</strong> {it.name}
              </td>
              <td className="num">{formatMoney(it.listPrice)}</td>
              <td>
                <input
                  aria-label={`From quantity, line ${i + 1}`}
                  value={it.minQuantity}
                  onChange={(e) => setItem(i, { minQuantity: e.target.value })}
                />
              </td>
              <td>
                <input
                  aria-label={`Price, line ${i + 1}`}
                  value={it.price}
                  onChange={(e) => setItem(i, { price: e.target.value })}
                />
              </td>
              <td>
                <button
                  className="ghost"
                  aria-label={`Remove line ${i + 1}`}
                  onClick={() => setItems(items.filter((_, j) => j !== i))}
                >
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ProductPicker
        label="Add a product"
        onPick={(p) =>
          setItems([
            ...items,
            {
              productId: p.id,
              sku: p.sku,
              name: p.name,
              listPrice: p.price,
              minQuantity: '1',
              price: formatMoney(p.price, { symbol: false }),
            },
          ])
        }
      />
    </Drawer>
  );
}
