import { useRef, useState } from 'react';
import { call } from '../../api/client';
import { CustomerPicker } from '../../components/CustomerPicker';
import { ProductPicker } from '../../components/ProductPicker';
import { useHotkeys } from '../../components/use-hotkeys';
import { businessToday } from '../../stores/business-date';
import { toast } from '../../stores/toast-store';

interface Line {
  productId: number;
  label: string;
  closing: string;
  sold: string;
}

const qty = (text: string) => (text.trim() === '' ? null : Number(text));

/** An outlet's count typed in from a call or a visit: product search, closing and sold; Ctrl+S saves. */
export function ManualStockEntry() {
  const [outlet, setOutlet] = useState<{ id: number | null; label: string }>({ id: null, label: '' });
  const [periodStart, setPeriodStart] = useState(businessToday());
  const [reportDate, setReportDate] = useState(businessToday());
  const [lines, setLines] = useState<Line[]>([]);
  const [error, setError] = useState('');
  const picker = useRef<HTMLInputElement>(null);
  const change = (i: number, patch: Partial<Line>) =>
    setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));

  async function save() {
    if (outlet.id === null) return setError('Choose the outlet');
    try {
      const input = {
        customerId: outlet.id,
        periodStart,
        reportDate,
        lines: lines.map((l) => ({
          productId: l.productId,
          closingQuantity: qty(l.closing),
          soldQuantity: qty(l.sold),
        })),
      };
      const { saved } = await call('channelStock.record', input);
      toast.ok(`Saved ${saved} products for ${outlet.label}`);
      setLines([]);
      setError('');
    } catch (e) {
      setError((e as Error).message);
    }
  }
  useHotkeys({ 'ctrl+s': () => void save() });

  return (
    <div className="panel" data-testid="manual-stock">
      <div className="toolbar">
        <CustomerPicker
          label="Outlet"
          name="manual-outlet"
          types={[]}
          value={outlet.id}
          valueLabel={outlet.label}
          onChange={(id, label) => setOutlet({ id, label })}
          autoFocus
        />
        <div className="field">
          <label htmlFor="manual-from">From</label>
          <input id="manual-from" type="date" value={periodStart} onChange={(e) => setPeriodStart(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="manual-to">As on</label>
          <input id="manual-to" type="date" value={reportDate} onChange={(e) => setReportDate(e.target.value)} />
        </div>
      </div>
      <table className="plain">
        <thead>
          <tr>
            <th>Product</th>
            <th className="num">Closing</th>
            <th className="num">Sold</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => (
            <tr key={l.productId}>
              <td>{l.label}</td>
              <td>
                <input
                  aria-label={`Closing ${l.label}`}
                  inputMode="numeric"
                  value={l.closing}
                  onChange={(e) => change(i, { closing: e.target.value })}
                />
              </td>
              <td>
                <input
                  aria-label={`Sold ${l.label}`}
                  inputMode="numeric"
                  value={l.sold}
                  onChange={(e) => change(i, { sold: e.target.value })}
                  onKeyDown={(e) => e.key === 'Enter' && picker.current?.focus()}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ProductPicker
        ref={picker}
        label="Add product"
        onPick={(p) => {
          if (lines.some((l) => l.productId === p.id)) return;
          setLines((ls) => [...ls, { productId: p.id, label: `${p.sku} ${p.name}`, closing: '', sold: '' }]);
          setTimeout(() =>
            document.querySelector<HTMLInputElement>(`[aria-label="Closing ${p.sku} ${p.name}"]`)?.focus(),
          );
        }}
      />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button className="primary" disabled={lines.length === 0} onClick={() => void save()}>
        Save (Ctrl+S)
      </button>
    </div>
  );
}
