import type { OutputOf } from '../../../../src-shared/contract';

type Row = OutputOf<'forecasts.compare'>['byCustomer'][number];
const pct = (bps: number | null) => (bps === null ? '—' : `${(bps / 100).toFixed(2)}%`);

/** MAPE over months with an actual above zero; bias positive when the forecast ran above the actual. */
export function ForecastAccuracyTable({ title, rows }: { title: string; rows: Row[] }) {
  return (
    <>
      <h2>{title}</h2>
      <table className="plain" aria-label={title}>
        <thead>
          <tr>
            <th>Name</th>
            <th className="num">Forecast</th>
            <th className="num">Actual</th>
            <th className="num">MAPE</th>
            <th className="num">Bias</th>
            <th>How</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <td>{r.name}</td>
              <td className="num">{r.forecast}</td>
              <td className="num">{r.actual}</td>
              <td className="num">{pct(r.mapeBps)}</td>
              <td className="num">{pct(r.biasBps)}</td>
              <td className="muted">{r.explanation}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
