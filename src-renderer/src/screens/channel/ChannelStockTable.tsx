import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { call } from '../../api/client';
import { CustomerPicker } from '../../components/CustomerPicker';
import { download } from '../../components/download';
import { toast } from '../../stores/toast-store';
import { OutletHistory } from './OutletHistory';

type Row = OutputOf<'channelStock.list'>[number];

/** Latest closing per outlet × product and how many days it lasts at the recent sell-out rate. */
export function ChannelStockTable() {
  const [outlet, setOutlet] = useState<{ id: number | null; label: string }>({ id: null, label: '' });
  const [brand, setBrand] = useState('');
  const [windowDays, setWindowDays] = useState(30);
  const [rows, setRows] = useState<Row[]>([]);
  const [brands, setBrands] = useState<string[]>([]);
  const filters = { customerId: outlet.id, productId: null, brand, windowDays };
  useEffect(() => void call('products.facets', {}).then((f) => setBrands(f.brands)), []);
  useEffect(() => {
    if (windowDays < 1 || windowDays > 365) return;
    void call('channelStock.list', filters).then(setRows);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [outlet.id, brand, windowDays]);

  async function exportAs(format: 'csv' | 'xlsx') {
    try {
      download(await call('channelStock.export', { filters, format }));
    } catch (e) {
      toast.error((e as Error).message);
    }
  }

  return (
    <div className="panel">
      <div className="toolbar">
        <CustomerPicker
          label="Outlet"
          name="outlet"
          types={[]}
          value={outlet.id}
          valueLabel={outlet.label}
          onChange={(id, label) => setOutlet({ id, label })}
        />
        <div className="field">
          <label htmlFor="channel-brand">Brand</label>
          <select id="channel-brand" value={brand} onChange={(e) => setBrand(e.target.value)}>
            <option value="">All brands</option>
            {brands.map((b) => (
              <option key={b}>{b}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="cover-days">Sell-out over (days)</label>
          <input
            id="cover-days"
            type="number"
            min={1}
            max={365}
            value={windowDays}
            onChange={(e) => setWindowDays(Number(e.target.value))}
          />
        </div>
        <button onClick={() => void exportAs('csv')}>CSV</button>
        <button onClick={() => void exportAs('xlsx')}>XLSX</button>
      </div>
      <table className="plain" data-testid="channel-stock">
        <thead>
          <tr>
            <th>Outlet</th>
            <th>Product</th>
            <th>As on</th>
            <th className="num">Closing</th>
            <th className="num">Sold ({windowDays} d)</th>
            <th className="num">A day</th>
            <th className="num">Days of cover</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.customerId}-${r.productId}`} title={r.explanation}>
              <td>{r.customerName}</td>
              <td>
                {r.sku} {r.productName}
              </td>
              <td>{r.reportDate}</td>
              <td className="num">{r.closingQuantity}</td>
              <td className="num">{r.soldInWindow}</td>
              <td className="num">{r.dailySellOut}</td>
              <td className="num">{r.daysOfCover === null ? 'no sell-out' : r.daysOfCover}</td>
            </tr>
          ))}
          {rows.length === 0 && (
            <tr>
              <td colSpan={7} className="muted">
                No outlet has reported stock yet.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {outlet.id !== null && <OutletHistory customerId={outlet.id} />}
    </div>
  );
}
