import { useEffect, useState } from 'react';
import type { InputOf, OutputOf } from '../../../../src-shared/contract';
import { stateName } from '../../../../src-shared/india-states';
import { call } from '../../api/client';
import { AddressFields } from '../../components/AddressFields';
import { Drawer } from '../../components/Drawer';
import { CheckField, TextField } from '../../components/fields';
import { useForm } from '../../components/use-form';
import { useHotkeys } from '../../components/use-hotkeys';
import { useSession } from '../../stores/session-store';
import { toast } from '../../stores/toast-store';

type Warehouse = OutputOf<'warehouses.list'>[number];
type Values = InputOf<'warehouses.create'> & { id?: number; version?: number };
const blank: Values = {
  code: '',
  name: '',
  active: true,
  address: { line1: '', line2: '', area: '', city: '', district: '', stateCode: '', pincode: '' },
};

export function WarehousesScreen() {
  const can = useSession((s) => s.can);
  const [rows, setRows] = useState<Warehouse[]>([]);
  const [editing, setEditing] = useState<Values | null>(null);
  const reload = () => void call('warehouses.list', {}).then(setRows);
  useEffect(reload, []);
  useHotkeys({ 'alt+n': () => can('warehouses.write') && setEditing(blank) });

  return (
    <section className="screen">
      <header className="screen-head">
        <h1>Warehouses</h1>
        <div className="toolbar">
          {can('warehouses.write') && (
            <button className="primary" onClick={() => setEditing(blank)}>
              New warehouse <kbd>Alt+N</kbd>
            </button>
          )}
        </div>
      </header>
      <table className="plain" aria-label="Warehouses">
        <thead>
          <tr>
            <th>Code</th>
            <th>Name</th>
            <th>City</th>
            <th>State</th>
            <th>Pincode</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((w) => (
            <tr
              key={w.id}
              tabIndex={0}
              onClick={() => setEditing(w)}
              onKeyDown={(e) => e.key === 'Enter' && setEditing(w)}
            >
              <td>{w.code}</td>
              <td>{w.name}</td>
              <td>{w.address.city}</td>
              <td>{stateName(w.address.stateCode)}</td>
              <td>{w.address.pincode}</td>
              <td>
                <span className={`pill ${w.active ? 'active' : 'blocked'}`}>{w.active ? 'Active' : 'Inactive'}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing && (
        <WarehouseEditor
          initial={editing}
          readOnly={!can('warehouses.write')}
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

function WarehouseEditor({
  initial,
  readOnly,
  onClose,
  onSaved,
}: {
  initial: Values;
  readOnly: boolean;
  onClose(): void;
  onSaved(): void;
}) {
  const form = useForm<Values>(initial);
  const save = () =>
    form.submit(async ({ id, version, ...values }) => {
      const saved =
        id !== undefined
          ? await call('warehouses.update', { ...values, id, version: version! })
          : await call('warehouses.create', values);
      toast.ok(`Saved warehouse ${saved.code}`);
      onSaved();
    });
  return (
    <Drawer
      title={initial.id ? `Warehouse ${initial.code}` : 'New warehouse'}
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
          <TextField form={form} path="code" label="Code" upper autoFocus />
          <TextField form={form} path="name" label="Name" width="wide" />
        </div>
        <AddressFields form={form} prefix="address" />
        <CheckField form={form} path="active" label="Active (stock can be received and issued here)" />
      </fieldset>
    </Drawer>
  );
}
