import { useEffect, useState } from 'react';
import type { InputOf, OutputOf } from '../../../../src-shared/contract';
import { stateName } from '../../../../src-shared/india-states';
import { call } from '../../api/client';
import { stateOptions } from '../../components/AddressFields';
import { Drawer } from '../../components/Drawer';
import { CheckField, IntField, SelectField, TextField } from '../../components/fields';
import { useForm } from '../../components/use-form';
import { useHotkeys } from '../../components/use-hotkeys';
import { useSession } from '../../stores/session-store';
import { toast } from '../../stores/toast-store';
import { PriceListPanel } from './PriceListPanel';

type Supplier = OutputOf<'suppliers.list'>[number];
type Values = InputOf<'suppliers.create'> & { id?: number; version?: number };
const blank: Values = { code: '', name: '', gstin: '', stateCode: '', paymentTermsDays: 30, leadTimeDays: 7 };

/** The brands and principals bought from: Alt+N adds one, Enter opens one with its price list. */
export function SuppliersScreen() {
  const can = useSession((s) => s.can);
  const [rows, setRows] = useState<Supplier[]>([]);
  const [editing, setEditing] = useState<Values | null>(null);
  const reload = () => void call('suppliers.list', {}).then(setRows);
  useEffect(reload, []);
  useHotkeys({ 'alt+n': () => can('purchasing.write') && setEditing(blank) });
  return (
    <section className="screen">
      <header className="screen-head">
        <h1>Suppliers</h1>
        <div className="toolbar">
          {can('purchasing.write') && (
            <button className="primary" onClick={() => setEditing(blank)}>
              New supplier <kbd>Alt+N</kbd>
            </button>
          )}
        </div>
      </header>
      <table className="plain" aria-label="Suppliers">
        <thead>
          <tr>
            <th>Code</th>
            <th>Name</th>
            <th>GSTIN</th>
            <th>State</th>
            <th className="num">Terms (days)</th>
            <th className="num">Lead time (days)</th>
            <th>TDS 194Q</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr
              key={s.id}
              tabIndex={0}
              onClick={() => setEditing(s)}
              onKeyDown={(e) => e.key === 'Enter' && setEditing(s)}
            >
              <td>{s.code}</td>
              <td>{s.name}</td>
              <td>{s.gstin || '—'}</td>
              <td>{stateName(s.stateCode)}</td>
              <td className="num">{s.paymentTermsDays}</td>
              <td className="num">{s.leadTimeDays}</td>
              <td>{s.tds194q ? 'Yes' : '—'}</td>
              <td>
                <span className={`pill ${s.active ? 'active' : 'blocked'}`}>{s.active ? 'Active' : 'Inactive'}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p className="muted">No suppliers yet: add the brand you buy from (Alt+N).</p>}
      {editing && (
        <SupplierEditor
          initial={editing}
          readOnly={!can('purchasing.write')}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
    </section>
  );
}

function SupplierEditor(props: { initial: Values; readOnly: boolean; onClose(): void; onSaved(): void }) {
  const { initial, readOnly } = props;
  const form = useForm<Values>(initial);
  const save = () =>
    form.submit(async ({ id, version, ...values }) => {
      const saved =
        id !== undefined
          ? await call('suppliers.update', { ...values, id, version: version! })
          : await call('suppliers.create', values);
      toast.ok(`Saved supplier ${saved.code}`);
      props.onSaved();
    });
  return (
    <Drawer
      title={initial.id ? `Supplier ${initial.code}` : 'New supplier'}
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
          <TextField form={form} path="code" label="Code" upper autoFocus />
          <TextField form={form} path="name" label="Name" width="wide" />
          <TextField form={form} path="gstin" label="GSTIN" upper />
          <SelectField form={form} path="stateCode" label="State" options={stateOptions} allowEmpty="Choose" />
          <TextField form={form} path="address" label="Address" width="wide" />
          <TextField form={form} path="phone" label="Phone" />
          <TextField form={form} path="email" label="Email" />
          <IntField form={form} path="paymentTermsDays" label="Payment terms (days)" />
          <IntField form={form} path="leadTimeDays" label="Lead time (days)" hint="order to shelf" />
        </div>
        <CheckField form={form} path="tds194q" label="We deduct TDS under 194Q on this supplier's purchases" />
        <CheckField form={form} path="active" label="Active" />
      </fieldset>
      {initial.id !== undefined && <PriceListPanel supplierId={initial.id} readOnly={readOnly} />}
    </Drawer>
  );
}
