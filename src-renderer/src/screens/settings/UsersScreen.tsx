import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { roleLabels, roles } from '../../../../src-shared/permissions';
import { call } from '../../api/client';
import { Drawer } from '../../components/Drawer';
import { CheckField, SelectField, TextField } from '../../components/fields';
import { useForm } from '../../components/use-form';
import { useWarehouseOptions } from '../../components/use-warehouse-options';
import { useSession } from '../../stores/session-store';
import { toast } from '../../stores/toast-store';

type User = OutputOf<'users.list'>[number];
interface Values {
  id?: number;
  username: string;
  displayName: string;
  role: User['role'];
  active: boolean;
  password: string;
  defaultWarehouseId: number | null;
}
const roleOptions = roles.map((r) => ({ value: r, label: roleLabels[r] }));

export function UsersScreen() {
  const canWrite = useSession((s) => s.can('users.write'));
  const [rows, setRows] = useState<User[]>([]);
  const [editing, setEditing] = useState<Values | null>(null);
  const reload = () => void call('users.list', {}).then(setRows);
  useEffect(reload, []);
  return (
    <section className="screen">
      <header className="screen-head">
        <h1>Users</h1>
        <div className="toolbar">
          {canWrite && (
            <button
              className="primary"
              onClick={() =>
                setEditing({
                  username: '',
                  displayName: '',
                  role: 'sales_clerk',
                  active: true,
                  password: '',
                  defaultWarehouseId: null,
                })
              }
            >
              New user
            </button>
          )}
        </div>
      </header>
      <table className="plain" aria-label="Users">
        <thead>
          <tr>
            <th>Name</th>
            <th>Username</th>
            <th>Role</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((u) => (
            <tr key={u.id} tabIndex={0} onClick={() => canWrite && setEditing({ ...u, password: '' })}>
              <td>{u.displayName}</td>
              <td>{u.username}</td>
              <td>{roleLabels[u.role]}</td>
              <td>
                <span className={`pill ${u.active ? 'active' : 'blocked'}`}>{u.active ? 'Active' : 'Deactivated'}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing && (
        <UserEditor
          initial={editing}
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

function UserEditor({ initial, onClose, onSaved }: { initial: Values; onClose(): void; onSaved(): void }) {
  const form = useForm<Values>(initial);
  const isNew = initial.id === undefined;
  const warehouses = useWarehouseOptions();
  const save = () =>
    form.submit(async ({ id, username, displayName, role, active, password, defaultWarehouseId }) => {
      if (id === undefined) await call('users.create', { username, displayName, role, password, defaultWarehouseId });
      else
        await call('users.update', {
          id,
          displayName,
          role,
          active,
          defaultWarehouseId,
          ...(password ? { newPassword: password } : {}),
        });
      toast.ok(`Saved ${displayName}`);
      onSaved();
    });
  return (
    <Drawer
      title={isNew ? 'New user' : `User ${initial.username}`}
      onClose={onClose}
      onSave={save}
      saving={form.saving}
    >
      {form.formError && (
        <div className="form-error" role="alert">
          {form.formError}
        </div>
      )}
      <div className="grid">
        {isNew && <TextField form={form} path="username" label="Username" autoFocus />}
        <TextField form={form} path="displayName" label="Name" />
        <SelectField form={form} path="role" label="Role" options={roleOptions} />
        <SelectField
          form={form}
          path="defaultWarehouseId"
          label="Default warehouse"
          numeric
          emptyIsNull
          allowEmpty="One in the company’s state"
          options={warehouses}
        />
        <TextField
          form={form}
          path="password"
          label={isNew ? 'Password' : 'New password (leave empty to keep)'}
          type="password"
        />
        {!isNew && <CheckField form={form} path="active" label="Active (can sign in)" />}
      </div>
    </Drawer>
  );
}
