import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { call } from '../../api/client';
import { CustomerPicker } from '../../components/CustomerPicker';
import { download } from '../../components/download';
import { useHotkeys } from '../../components/use-hotkeys';
import { businessToday } from '../../stores/business-date';
import { toast } from '../../stores/toast-store';
import { ForecastAccuracyTable } from './ForecastAccuracyTable';
import { ForecastGrid } from './ForecastGrid';

type Actual = 'billed' | 'booked' | 'sell_out';

const shift = (month: string, by: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + m - 1 + by;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};

/** Forecasts per customer × product × month: the grid, a baseline from history, and how good they were. */
export function ForecastScreen() {
  const month = businessToday().slice(0, 7);
  const [from, setFrom] = useState(shift(month, -2));
  const [to, setTo] = useState(shift(month, 1));
  const [customer, setCustomer] = useState<{ id: number | null; label: string }>({ id: null, label: '' });
  const [actual, setActual] = useState<Actual>('billed');
  const [method, setMethod] = useState<'moving_average' | 'seasonal_naive'>('moving_average');
  const [k, setK] = useState(3);
  const [comparison, setComparison] = useState<OutputOf<'forecasts.compare'> | null>(null);
  const [edits, setEdits] = useState<Record<string, number>>({});
  const filters = { from, to, customerId: customer.id, productId: null, brand: '' };
  const load = () =>
    void call('forecasts.compare', { ...filters, actual })
      .then(setComparison)
      .catch((e: Error) => toast.error(e.message));
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(load, [from, to, customer.id, actual]);

  async function save() {
    const rows = Object.entries(edits).map(([key, quantity]) => {
      const [customerId, productId, m] = key.split('|');
      return { customerId: Number(customerId), productId: Number(productId), month: m!, quantity };
    });
    if (rows.length === 0) return;
    try {
      const { saved } = await call('forecasts.save', { rows });
      toast.ok(`Saved ${saved} forecast cells`);
      setEdits({});
      load();
    } catch (e) {
      toast.error((e as Error).message);
    }
  }
  useHotkeys({ 'ctrl+s': () => void save() });

  async function baseline() {
    try {
      const { written, kept } = await call('forecasts.baseline', { ...filters, method, months: k });
      toast.ok(`Baseline written for ${written} cells; ${kept} entered cells kept`);
      load();
    } catch (e) {
      toast.error((e as Error).message);
    }
  }

  return (
    <section className="screen">
      <header className="screen-head">
        <h1>Forecast</h1>
      </header>
      <div className="toolbar">
        <div className="field">
          <label htmlFor="fc-from">From</label>
          <input id="fc-from" type="month" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="fc-to">To</label>
          <input id="fc-to" type="month" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <CustomerPicker
          label="Customer or end buyer"
          name="fc-customer"
          types={[]}
          value={customer.id}
          valueLabel={customer.label}
          onChange={(id, label) => setCustomer({ id, label })}
        />
        <div className="field">
          <label htmlFor="fc-method">Baseline</label>
          <select id="fc-method" value={method} onChange={(e) => setMethod(e.target.value as typeof method)}>
            <option value="moving_average">Moving average</option>
            <option value="seasonal_naive">Same month last year</option>
          </select>
        </div>
        {method === 'moving_average' && (
          <div className="field">
            <label htmlFor="fc-k">Months</label>
            <input id="fc-k" type="number" min={1} max={24} value={k} onChange={(e) => setK(Number(e.target.value))} />
          </div>
        )}
        <button onClick={() => void baseline()}>Write baseline</button>
      </div>
      {comparison && (
        <ForecastGrid
          months={comparison.months}
          edits={edits}
          onEdit={(key, q) => setEdits((e) => ({ ...e, [key]: q }))}
          onAdd={(key) => setEdits((e) => ({ ...e, [key]: 0 }))}
        />
      )}
      <button className="primary" disabled={Object.keys(edits).length === 0} onClick={() => void save()}>
        Save forecasts (Ctrl+S)
      </button>
      <div className="toolbar">
        <div className="field">
          <label htmlFor="fc-actual">Compare with</label>
          <select id="fc-actual" value={actual} onChange={(e) => setActual(e.target.value as Actual)}>
            <option value="billed">Billed (less returns)</option>
            <option value="booked">Booked</option>
            <option value="sell_out">Sell-out</option>
          </select>
        </div>
        <button
          onClick={async () =>
            download(await call('forecasts.export', { filters: { ...filters, actual }, format: 'csv' }))
          }
        >
          CSV
        </button>
        <button
          onClick={async () =>
            download(await call('forecasts.export', { filters: { ...filters, actual }, format: 'xlsx' }))
          }
        >
          XLSX
        </button>
      </div>
      {comparison && <ForecastAccuracyTable title="Accuracy by customer" rows={comparison.byCustomer} />}
      {comparison && <ForecastAccuracyTable title="Accuracy by product" rows={comparison.byProduct} />}
    </section>
  );
}
