import { useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { call } from '../../api/client';
import { Drawer } from '../../components/Drawer';
import { toast } from '../../stores/toast-store';

type CustomerType = OutputOf<'customerTypes.list'>[number];

/** Rules per customer type: what a credit breach does, the overdue block, and the shelf life they accept. */
export function CustomerTypesDrawer({
  types,
  onClose,
  onSaved,
}: {
  types: CustomerType[];
  onClose(): void;
  onSaved(): void;
}) {
  const [rows, setRows] = useState(types);
  const [error, setError] = useState('');
  const set = (code: string, patch: Partial<CustomerType>) =>
    setRows((r) => r.map((t) => (t.code === code ? { ...t, ...patch } : t)));
  const save = async () => {
    try {
      for (const t of rows) await call('customerTypes.update', t);
      toast.ok('Customer type rules saved');
      onSaved();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Drawer title="Customer types and their rules" onClose={onClose} onSave={() => void save()}>
      {error && (
        <div className="form-error" role="alert">
          {error}
        </div>
      )}
      <table className="plain">
        <thead>
          <tr>
            <th>Type</th>
            <th>Over the credit limit</th>
            <th>Block if overdue more than (days)</th>
            <th>Minimum shelf life (days)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((t) => (
            <tr key={t.code}>
              <td>{t.name}</td>
              <td>
                <select
                  aria-label={`Credit policy for ${t.name}`}
                  value={t.creditPolicy}
                  onChange={(e) => set(t.code, { creditPolicy: e.target.value as CustomerType['creditPolicy'] })}
                >
                  <option value="approval">Send for approval</option>
                  <option value="block">Block the order</option>
                  <option value="warn">Warn only</option>
                </select>
              </td>
              <td>
                <input
                  aria-label={`Overdue block days for ${t.name}`}
                  inputMode="numeric"
                  value={t.overdueBlockDays ?? ''}
                  placeholder="off"
                  onChange={(e) =>
                    set(t.code, { overdueBlockDays: e.target.value === '' ? null : Number(e.target.value) })
                  }
                />
              </td>
              <td>
                <input
                  aria-label={`Minimum shelf life for ${t.name}`}
                  inputMode="numeric"
                  value={t.minShelfLifeDays}
                  onChange={(e) => set(t.code, { minShelfLifeDays: Number(e.target.value || 0) })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Drawer>
  );
}
