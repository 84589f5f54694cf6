import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { formatMoney } from '../../../../src-shared/money';
import { call } from '../../api/client';
import { download } from '../../components/download';
import { useSession } from '../../stores/session-store';
import { businessToday } from '../../stores/business-date';
import { toast } from '../../stores/toast-store';

type Row = OutputOf<'shipAndDebit.report'>[number];

/** Support accrued under the agreements in a period, what is claimed and settled; raises the brand's claim. */
export function EndBuyerAccruals() {
  const can = useSession((s) => s.can);
  const today = businessToday();
  const [brands, setBrands] = useState<OutputOf<'suppliers.list'>>([]);
  const [supplierId, setSupplierId] = useState<number | null>(null);
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  const [rows, setRows] = useState<Row[]>([]);
  const query = { supplierId, from, to };
  const reload = () => void call('shipAndDebit.report', query).then(setRows, (e: Error) => toast.error(e.message));
  useEffect(() => void call('suppliers.list', { includeInactive: false }).then(setBrands), []);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(reload, [supplierId, from, to]);
  const raise = async () => {
    if (supplierId === null) return toast.error('Choose the brand to claim from');
    try {
      const claim = await call('shipAndDebit.raiseClaim', { supplierId, from, to });
      if (claim.claimId === null) toast.ok('Nothing left to claim from this brand in the period');
      else toast.ok(`Draft claim ${claim.claimId}: ${formatMoney(claim.amount)} on ${claim.lines} line(s)`);
      reload();
    } catch (e) {
      toast.error((e as Error).message);
    }
  };
  const sum = (key: 'accrued' | 'claimed' | 'settled' | 'unclaimed') => rows.reduce((s, r) => s + r[key], 0);
  return (
    <>
      <div className="toolbar">
        <label>
          Brand{' '}
          <select
            aria-label="Brand"
            value={supplierId ?? ''}
            onChange={(e) => setSupplierId(e.target.value ? Number(e.target.value) : null)}
          >
            <option value="">All brands</option>
            {brands.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          From <input type="date" aria-label="From" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          To <input type="date" aria-label="To" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        {can('purchasing.write') && (
          <button className="primary" disabled={supplierId === null} onClick={() => void raise()}>
            Raise ship-and-debit claim
          </button>
        )}
        <button onClick={() => void call('shipAndDebit.export', { ...query, format: 'csv' }).then(download)}>
          CSV
        </button>
        <button onClick={() => void call('shipAndDebit.export', { ...query, format: 'xlsx' }).then(download)}>
          XLSX
        </button>
      </div>
      <table className="plain" aria-label="Ship-and-debit accruals">
        <thead>
          <tr>
            <th>Agreement</th>
            <th>Brand</th>
            <th>End buyer</th>
            <th>Product</th>
            <th className="num">Quantity</th>
            <th className="num">Accrued</th>
            <th className="num">Claimed</th>
            <th className="num">Settled</th>
            <th className="num">Unclaimed</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.agreementId}-${r.sku}`}>
              <td>{r.number}</td>
              <td>{r.supplierName}</td>
              <td>{r.endBuyerName}</td>
              <td>
                {r.sku} {r.productName}
              </td>
              <td className="num">{r.quantity}</td>
              <td className="num">{formatMoney(r.accrued)}</td>
              <td className="num">{formatMoney(r.claimed)}</td>
              <td className="num">{formatMoney(r.settled)}</td>
              <td className="num">{formatMoney(r.unclaimed)}</td>
            </tr>
          ))}
        </tbody>
        {rows.length > 0 && (
          <tfoot>
            <tr>
              <td colSpan={5}>Total</td>
              <td className="num">{formatMoney(sum('accrued'))}</td>
              <td className="num">{formatMoney(sum('claimed'))}</td>
              <td className="num">{formatMoney(sum('settled'))}</td>
              <td className="num">{formatMoney(sum('unclaimed'))}</td>
            </tr>
          </tfoot>
        )}
      </table>
      {rows.length === 0 && <p className="muted">No sales under end-buyer agreements in this period.</p>}
    </>
  );
}
