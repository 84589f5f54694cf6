import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { call, type ApiError } from '../../api/client';
import { download } from '../../components/download';
import { useWarehouseOptions } from '../../components/use-warehouse-options';
import { businessToday } from '../../stores/business-date';
import { toast } from '../../stores/toast-store';
import { ReportTable } from './ReportTable';

type Result = OutputOf<'valuation.stockValue'>;
type Sort = { key: string; dir: 'asc' | 'desc' } | null;

/** Rows sorted on screen: the report is small (a row per warehouse and product), no need to ask again. */
function sorted(result: Result, sort: Sort): Result {
  if (!sort) return result;
  const sign = sort.dir === 'asc' ? 1 : -1;
  const rows = [...result.rows].sort((a, b) => {
    const x = a[sort.key];
    const y = b[sort.key];
    if (typeof x === 'number' && typeof y === 'number') return sign * (x - y);
    return sign * String(x ?? '').localeCompare(String(y ?? ''));
  });
  return { ...result, rows };
}

/** What the stock is worth at the end of a business day, at moving-average cost; for those who may see cost. */
export function StockValueScreen() {
  const warehouses = useWarehouseOptions();
  const [asOf, setAsOf] = useState(businessToday);
  const [warehouseId, setWarehouseId] = useState<number | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [sort, setSort] = useState<Sort>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    if (!asOf) return;
    let live = true;
    call('valuation.stockValue', { asOf, warehouseId })
      .then((r) => live && (setResult(r), setError('')))
      .catch((e: ApiError) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [asOf, warehouseId]);
  const exportAs = async (format: 'csv' | 'xlsx') => {
    try {
      download(await call('valuation.stockValueExport', { asOf, warehouseId, format }));
    } catch (e) {
      toast.error((e as ApiError).message);
    }
  };
  return (
    <section className="screen">
      <header className="screen-head">
        <h1>Stock value</h1>
        <div className="toolbar">
          <button onClick={() => void exportAs('csv')}>Export CSV</button>
          <button onClick={() => void exportAs('xlsx')}>Export XLSX</button>
        </div>
      </header>
      <div className="grid filters">
        <div className="field">
          <label htmlFor="sv-asof">As of (end of day)</label>
          <input id="sv-asof" type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="sv-wh">Warehouse</label>
          <select
            id="sv-wh"
            value={warehouseId ?? ''}
            onChange={(e) => setWarehouseId(e.target.value ? Number(e.target.value) : null)}
          >
            <option value="">All warehouses</option>
            {warehouses.map((w) => (
              <option key={w.value} value={w.value}>
                {w.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error && (
        <div className="form-error" role="alert">
          {error}
        </div>
      )}
      {result && (
        <ReportTable
          result={sorted(result, sort)}
          sort={sort}
          onSort={(key) =>
            setSort(sort?.key === key && sort.dir === 'asc' ? { key, dir: 'desc' } : { key, dir: 'asc' })
          }
          onDrill={() => undefined}
        />
      )}
    </section>
  );
}
