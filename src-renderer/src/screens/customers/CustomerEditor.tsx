import { blankTerms, draftOf, ShippingTermsFields, termsInput } from '../channel/ShippingTermsFields';
import { useEffect, useState } from 'react';
import type { InputOf, OutputOf } from '../../../../src-shared/contract';
import { call } from '../../api/client';
import { AddressFields } from '../../components/AddressFields';
import { CustomerPicker } from '../../components/CustomerPicker';
import { CustomerPartyDefaults } from './CustomerPartyDefaults';
import { Drawer } from '../../components/Drawer';
import { CheckField, IntField, MoneyField, SelectField, TextField } from '../../components/fields';
import { useWarehouseOptions } from '../../components/use-warehouse-options';
import { useForm } from '../../components/use-form';
import { toast } from '../../stores/toast-store';

type Values = InputOf<'customers.create'> & { id?: number; version?: number; shipDifferent: boolean };
const emptyAddress = { line1: '', line2: '', area: '', city: '', district: '', stateCode: '', pincode: '' };
const blank: Values = {
  code: '',
  name: '',
  type: 'retailer',
  parentId: null,
  phone: '',
  email: '',
  gstin: '',
  billTo: emptyAddress,
  shipTo: null,
  route: '',
  creditLimit: 0,
  paymentTermsDays: 0,
  status: 'active',
  assignedUserIds: [],
  creditPolicy: null,
  overdueBlockDays: null,
  minShelfLifeDays: null,
  shipDifferent: false,
  defaultWarehouseId: null,
  billToId: null,
  shipToId: null,
  payerId: null,
  licences: { drugLicence20b: '', drugLicence21b: '', drugLicenceExpiry: null, fssaiLicence: '', fssaiExpiry: null },
};
/** A cleared date box says '' ; the ledger keeps "no expiry" as null. */
const dateOrNull = (value: string | null | undefined) => (value ? value : null);
const policyLabel = { block: 'Block the order', warn: 'Warn only', approval: 'Send for approval' };

export function CustomerEditor({
  id,
  types,
  readOnly,
  onClose,
  onSaved,
}: {
  id: number | null;
  types: OutputOf<'customerTypes.list'>;
  readOnly: boolean;
  onClose(): void;
  onSaved(saved: OutputOf<'customers.get'>): void;
}) {
  const form = useForm<Values>(blank);
  const [parentLabel, setParentLabel] = useState('');
  const [users, setUsers] = useState<OutputOf<'users.assignable'>>([]);
  const [loaded, setLoaded] = useState(id === null);
  const [pending, setPending] = useState<OutputOf<'customers.get'>['pendingApproval']>(null);
  const warehouses = useWarehouseOptions();
  // The road km its e-way bills carry: kept apart from the customer (customers.setDistance), saved when changed.
  const [km, setKm] = useState({ shown: '', saved: '' });
  // Shipping terms live in their own table (shipping.saveCustomerTerms), saved after the customer.
  const [terms, setTerms] = useState({ draft: blankTerms, changed: false });

  useEffect(() => {
    void call('users.assignable', {}).then(setUsers);
    if (id === null) return;
    void call('customers.get', { id }).then((c) => {
      const { parentName, createdAt: _c, updatedAt: _u, pendingApproval, ...rest } = c;
      setPending(pendingApproval ?? null);
      form.reset({ ...rest, shipTo: c.shipTo, shipDifferent: c.shipTo !== null });
      setParentLabel(parentName ?? '');
      setLoaded(true);
    });
    void call('shipping.customerTerms', { customerId: id })
      .then((t) => setTerms({ draft: draftOf(t), changed: false }))
      .catch(() => undefined);
    void call('customers.distance', { customerId: id })
      .then((d) => setKm({ shown: d.km === null ? '' : String(d.km), saved: d.km === null ? '' : String(d.km) }))
      .catch(() => undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  const type = types.find((t) => t.code === form.values.type);
  const save = () =>
    form.submit(async ({ shipDifferent, id: customerId, version, ...values }) => {
      const licences = values.licences && {
        ...values.licences,
        drugLicenceExpiry: dateOrNull(values.licences.drugLicenceExpiry),
        fssaiExpiry: dateOrNull(values.licences.fssaiExpiry),
      };
      const input = { ...values, licences, shipTo: shipDifferent ? (values.shipTo ?? emptyAddress) : null };
      const saved =
        customerId !== undefined
          ? await call('customers.update', { ...input, id: customerId, version: version! })
          : await call('customers.create', input);
      if (km.shown !== km.saved && km.shown !== '')
        await call('customers.setDistance', { customerId: saved.id, km: Number(km.shown) });
      if (terms.changed) await call('shipping.saveCustomerTerms', { customerId: saved.id, ...termsInput(terms.draft) });
      toast.ok(
        saved.pendingApproval
          ? `Saved ${saved.name} (${saved.code}); waiting for approval: ${saved.pendingApproval.text}`
          : `Saved ${saved.name} (${saved.code})`,
      );
      onSaved(saved);
    });

  if (!loaded) return null;
  return (
    <Drawer
      title={id === null ? 'New customer' : `Customer ${form.values.code}`}
      onClose={onClose}
      onSave={readOnly ? undefined : save}
      saving={form.saving}
    >
      {form.formError && (
        <div className="form-error" role="alert">
          {form.formError}
        </div>
      )}
      {pending && (
        <div className="notice" role="status" aria-label="Waiting for approval">
          <strong>
            {pending.kind === 'customer' ? 'New customer waiting for approval' : 'Change of terms waiting'}:
          </strong>{' '}
          {pending.text}. Asked by {pending.requestedBy || 'system'} on {pending.requestedAt.slice(0, 10)}.{' '}
          {pending.kind === 'customer'
            ? 'No order can be placed or billed until a manager approves.'
            : 'The current terms apply until a manager approves.'}
        </div>
      )}
      <fieldset disabled={readOnly}>
        <div className="grid">
          <TextField form={form} path="code" label="Code" upper autoFocus={id === null} hint="Unique, e.g. RT0042" />
          <TextField form={form} path="name" label="Name" width="wide" />
          <SelectField
            form={form}
            path="type"
            label="Type"
            options={types.map((t) => ({ value: t.code, label: t.name }))}
          />
          <SelectField
            form={form}
            path="status"
            label="Status"
            options={[
              { value: 'active', label: 'Active' },
              { value: 'on_hold', label: 'On hold' },
              { value: 'blocked', label: 'Blocked' },
            ]}
          />
          {type && type.parentTypes.length > 0 && (
            <CustomerPicker
              label="Mapped to (parent)"
              name="parentId"
              value={form.values.parentId ?? null}
              valueLabel={parentLabel}
              types={type.parentTypes}
              error={form.errors.parentId}
              onChange={(pid, label) => {
                form.set('parentId', pid);
                setParentLabel(label);
              }}
            />
          )}
          <TextField form={form} path="phone" label="Phone" />
          <TextField form={form} path="email" label="Email" />
          <TextField form={form} path="gstin" label="GSTIN" upper hint="Optional; checked when given" />
          <TextField form={form} path="route" label="Route / beat" />
        </div>
        <h3>Bill-to address</h3>
        <AddressFields form={form} prefix="billTo" />
        <CheckField form={form} path="shipDifferent" label="Ship to a different address" />
        {form.values.shipDifferent && (
          <>
            <h3>Ship-to address</h3>
            <AddressFields form={form} prefix="shipTo" />
          </>
        )}
        <h3>Parties on its orders</h3>
        <CustomerPartyDefaults form={form} />
        <div className="grid">
          <div className="field">
            <label htmlFor="customer-km">Road distance (km)</label>
            <input
              id="customer-km"
              data-field="km"
              inputMode="numeric"
              maxLength={4}
              value={km.shown}
              onChange={(e) => setKm({ ...km, shown: e.target.value.replace(/\D/g, '') })}
            />
            <div className="field-hint">
              From the warehouse to the ship-to, for e-way bills; 0 = the portal works it out
            </div>
          </div>
        </div>
        <h3>Credit</h3>
        <div className="grid">
          <MoneyField form={form} path="creditLimit" label="Credit limit (₹)" />
          <IntField form={form} path="paymentTermsDays" label="Payment terms (days)" />
          <SelectField
            form={form}
            path="creditPolicy"
            label="Over the limit"
            emptyIsNull
            allowEmpty={`As for ${type?.name ?? 'this type'}: ${type ? policyLabel[type.creditPolicy].toLowerCase() : ''}`}
            options={Object.entries(policyLabel).map(([value, label]) => ({ value, label }))}
          />
          <IntField
            form={form}
            path="overdueBlockDays"
            label="Block if overdue more than (days)"
            nullable
            hint={
              type?.overdueBlockDays != null ? `Type rule: ${type.overdueBlockDays} days` : 'Empty: the type’s rule'
            }
          />
          <IntField
            form={form}
            path="minShelfLifeDays"
            label="Minimum shelf life (days)"
            nullable
            hint={`Empty: the type’s rule (${type?.minShelfLifeDays ?? 0} days)`}
          />
          <SelectField
            form={form}
            path="defaultWarehouseId"
            label="Ships from"
            numeric
            emptyIsNull
            allowEmpty="The order-taker’s default warehouse"
            options={warehouses}
          />
        </div>
        <h3>Shipping terms</h3>
        <ShippingTermsFields value={terms.draft} onChange={(draft) => setTerms({ draft, changed: true })} />
        <h3>Licences</h3>
        <div className="grid">
          <TextField form={form} path="licences.drugLicence20b" label="Drug licence 20B" hint="General drugs" />
          <TextField form={form} path="licences.drugLicence21b" label="Drug licence 21B" hint="Schedule C / C1" />
          <TextField form={form} path="licences.drugLicenceExpiry" label="Drug licence valid until" type="date" />
          <TextField form={form} path="licences.fssaiLicence" label="FSSAI number" hint="14 digits" />
          <TextField form={form} path="licences.fssaiExpiry" label="FSSAI valid until" type="date" />
        </div>
        <h3>Assigned users</h3>
        <div className="checks">
          {users.map((u) => (
            <label key={u.id} className="check">
              <input
                type="checkbox"
                checked={form.values.assignedUserIds?.includes(u.id) ?? false}
                onChange={(e) => {
                  const current = form.values.assignedUserIds ?? [];
                  form.set(
                    'assignedUserIds',
                    e.target.checked ? [...current, u.id] : current.filter((x) => x !== u.id),
                  );
                }}
              />
              {u.displayName} <span className="muted">({u.role.replace(/_/g, ' ')})</span>
            </label>
          ))}
        </div>
      </fieldset>
    </Drawer>
  );
}
