import { CustomerPicker } from '../../components/CustomerPicker';
import type { Form } from '../../components/use-form';
import { useCustomerNames } from '../../components/use-customer-names';

type PartyField = 'billToId' | 'shipToId' | 'payerId';
type WithParties = { [K in PartyField]?: number | null };

const fields: { field: PartyField; label: string; hint: string }[] = [
  { field: 'billToId', label: 'Bill to', hint: 'Whose GSTIN the invoice carries' },
  { field: 'shipToId', label: 'Ship to', hint: 'Its state is the place of supply' },
  { field: 'payerId', label: 'Payer', hint: 'Whose account the bills go to: the parent (distributor) or the bill-to' },
];

/**
 * The parties an order for this customer takes unless the clerk names others: empty means the customer itself.
 * Shown as names; the ids saved are the master's defaults (customers.create / update).
 */
export function CustomerPartyDefaults<T extends WithParties>({ form }: { form: Form<T> }) {
  const { names, remember } = useCustomerNames(fields.map((f) => form.values[f.field]));
  return (
    <div className="grid" role="group" aria-label="Default parties">
      {fields.map(({ field, label, hint }) => (
        <div key={field}>
          <CustomerPicker
            label={label}
            name={field}
            value={form.values[field] ?? null}
            valueLabel={names.get(form.values[field] ?? 0) ?? ''}
            types={[]}
            error={form.errors[field]}
            onChange={(id, text) => {
              form.set(field, id);
              if (id) remember(id, text);
            }}
          />
          <div className="field-hint">{hint}; empty: the customer itself</div>
        </div>
      ))}
    </div>
  );
}
