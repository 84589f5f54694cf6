import type { OutputOf } from '../../../../src-shared/contract';
import { formatMoney } from '../../../../src-shared/money';

type Result = OutputOf<'reports.run'>;

export function formatCell(type: string, v: string | number | null | undefined): string {
  if (v === null || v === undefined || v === '') return '—';
  if (type === 'money') return formatMoney(Number(v));
  if (type === 'pct') return `${(Number(v) / 100).toFixed(1)}%`;
  if (type === 'int') return Number(v).toLocaleString('en-IN');
  if (type === 'days') return `${v} d`;
  return String(v);
}

/** A report as a table: click a heading to sort, a row to open what it is about; totals at the foot. */
export function ReportTable({
  result,
  sort,
  onSort,
  onDrill,
  onMore,
}: {
  result: Result;
  /** the next page of a paged report */
  onMore?(): void;
  sort: { key: string; dir: 'asc' | 'desc' } | null;
  onSort(key: string): void;
  onDrill(kind: string, id: number): void;
}) {
  const right = (t: string) => ['money', 'int', 'pct', 'days'].includes(t);
  return (
    <div className="report">
      {result.summary && (
        <dl className="report-summary" aria-label="Summary">
          {result.summary.map((f) => (
            <div key={f.key}>
              <dt className="muted small">{f.label}</dt>
              <dd className="num">{formatCell(f.type, f.value)}</dd>
            </div>
          ))}
        </dl>
      )}
      <table className="plain report-table" aria-label={result.title}>
        <thead>
          <tr>
            {result.columns.map((c) => (
              <th
                key={c.key}
                className={right(c.type) ? 'right' : ''}
                onClick={() => onSort(c.key)}
                aria-sort={sort?.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                {c.label}
                {sort?.key === c.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.rows.map((r, i) => (
            <tr
              key={i}
              onClick={() =>
                result.drill && r[result.drill.key] != null && onDrill(result.drill.kind, Number(r[result.drill.key]))
              }
            >
              {result.columns.map((c) => (
                <td key={c.key} className={right(c.type) ? 'right num' : ''}>
                  {formatCell(c.type, r[c.key])}
                </td>
              ))}
            </tr>
          ))}
          {result.rows.length === 0 && (
            <tr>
              <td colSpan={result.columns.length} className="muted">
                Nothing in this period.
              </td>
            </tr>
          )}
        </tbody>
        <tfoot>
          <tr>
            {result.columns.map((c, i) => (
              <td key={c.key} className={right(c.type) ? 'right num' : ''}>
                <strong>
                  {i === 0
                    ? 'Total'
                    : result.totals[c.key] === null || result.totals[c.key] === undefined
                      ? ''
                      : formatCell(c.type, result.totals[c.key])}
                </strong>
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
      {result.page && (
        <p className="muted small">
          Showing {result.rows.length.toLocaleString('en-IN')} of {result.page.total.toLocaleString('en-IN')} orders
          {result.page.next ? '; sorting a heading orders the rows shown. ' : '. '}
          {result.page.next && onMore && (
            <button type="button" onClick={onMore}>
              More rows
            </button>
          )}
        </p>
      )}
      {result.notes.map((n) => (
        <p key={n} className="muted small">
          {n}
        </p>
      ))}
    </div>
  );
}
