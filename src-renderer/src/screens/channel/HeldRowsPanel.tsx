import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { call } from '../../api/client';
import { CustomerPicker } from '../../components/CustomerPicker';
import { ProductPicker } from '../../components/ProductPicker';
import { toast } from '../../stores/toast-store';

type Held = OutputOf<'channelStock.held'>[number];

/**
 * Rows an import could not place. The clerk picks the product (type, ↑↓, Enter) — and the customer when the outlet
 * is unknown — and the row posts at once; the code is remembered, so the next file maps it by itself.
 */
export function HeldRowsPanel() {
  const [rows, setRows] = useState<Held[] | null>(null);
  const [outlets, setOutlets] = useState<Record<number, { id: number | null; label: string }>>({});
  const [forAll, setForAll] = useState(false);
  const load = () => void call('channelStock.held', {}).then(setRows);
  useEffect(load, []);

  async function map(row: Held, productId: number) {
    try {
      const customerId = row.customerId === null ? (outlets[row.id]?.id ?? null) : null;
      const { posted } = await call('channelStock.map', {
        rowId: row.id,
        productId,
        customerId,
        remember: forAll ? 'all' : 'outlet',
      });
      toast.ok(`Posted ${posted} row${posted === 1 ? '' : 's'}; “${row.productText}” is remembered`);
      load();
    } catch (e) {
      toast.error((e as Error).message);
    }
  }

  if (rows === null) return <p>Loading…</p>;
  if (rows.length === 0) return <p className="muted">No held rows: every imported row is posted.</p>;
  return (
    <div className="panel" data-testid="held-rows">
      <label className="check">
        <input type="checkbox" checked={forAll} onChange={(e) => setForAll(e.target.checked)} /> Remember each code for
        every outlet (a brand-wide code)
      </label>
      <table className="plain">
        <thead>
          <tr>
            <th>Outlet</th>
            <th>Their code</th>
            <th>As on</th>
            <th className="num">Closing</th>
            <th className="num">Sold</th>
            <th>Why held</th>
            <th>Map to</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={row.id}>
              <td>
                {row.customerId !== null ? (
                  row.customerName
                ) : (
                  <CustomerPicker
                    label={`Customer for ${row.outletText}`}
                    name={`outlet-${row.id}`}
                    types={[]}
                    value={outlets[row.id]?.id ?? null}
                    valueLabel={outlets[row.id]?.label ?? ''}
                    onChange={(id, label) => setOutlets((o) => ({ ...o, [row.id]: { id, label } }))}
                  />
                )}
              </td>
              <td>{row.productText}</td>
              <td>{row.reportDate}</td>
              <td className="num">
                {row.closingQuantity ?? ''} {row.unit}
              </td>
              <td className="num">{row.soldQuantity ?? ''}</td>
              <td className="muted">{row.reason}</td>
              <td>
                <ProductPicker
                  label={`Product for ${row.productText}`}
                  autoFocus={i === 0 && row.customerId !== null}
                  onPick={(product) => void map(row, product.id)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
