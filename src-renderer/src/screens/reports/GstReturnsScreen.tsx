import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { formatMoney } from '../../../../src-shared/money';
import { call, type ApiError } from '../../api/client';
import { download } from '../../components/download';
import { businessToday } from '../../stores/business-date';
import { toast } from '../../stores/toast-store';

type Summary = OutputOf<'gstr1.summary'>;

const sectionLabels: Record<Summary['sections'][number]['section'], string> = {
  b2b: 'B2B invoices (4A)',
  b2cl: 'B2C large, inter-state (5)',
  b2cs: 'B2C small, net of their credit notes (7)',
  cdnr: 'Credit notes, registered (9B)',
  cdnur: 'Credit notes, unregistered (9B)',
  hsn_b2b: 'HSN summary, B2B (12)',
  hsn_b2c: 'HSN summary, B2C (12)',
};
const money = (paise: number | null) => (paise === null ? '—' : formatMoney(paise, { symbol: false }));

/** The month before today's: the return a distributor files in the first days of a month. */
function lastMonth(): string {
  const [y, m] = businessToday().split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** GSTR-1 for a month or quarter: what each section holds, whether it reconciles, and the files to upload. */
export function GstReturnsScreen() {
  const [month, setMonth] = useState(lastMonth);
  const [span, setSpan] = useState<'month' | 'quarter'>('month');
  const [summary, setSummary] = useState<Summary | null>(null);
  const [error, setError] = useState('');
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    if (!/^\d{4}-\d{2}$/.test(month)) return;
    let live = true;
    setLoading(true);
    call('gstr1.summary', { month, span })
      .then((s) => live && (setSummary(s), setError('')))
      .catch((e: ApiError) => live && (setSummary(null), setError(e.message)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [month, span]);
  const exportAs = async (format: 'json' | 'xlsx') => {
    try {
      download(await call('gstr1.export', { month, span, format }));
    } catch (e) {
      toast.error((e as ApiError).message);
    }
  };
  const blocked = !summary || summary.problems.length > 0;
  const rec = summary?.reconciliation;
  return (
    <section className="screen">
      <header className="screen-head">
        <h1>GST returns: GSTR-1</h1>
        <div className="toolbar">
          <button disabled={blocked} onClick={() => void exportAs('json')}>
            Download JSON
          </button>
          <button disabled={blocked} onClick={() => void exportAs('xlsx')}>
            Download XLSX
          </button>
        </div>
      </header>
      <div className="grid filters">
        <div className="field">
          <label htmlFor="gstr1-month">Month</label>
          <input id="gstr1-month" type="month" value={month} onChange={(e) => setMonth(e.target.value)} autoFocus />
        </div>
        <div className="field">
          <label htmlFor="gstr1-span">Return for</label>
          <select id="gstr1-span" value={span} onChange={(e) => setSpan(e.target.value as 'month' | 'quarter')}>
            <option value="month">The month</option>
            <option value="quarter">The quarter holding it (QRMP)</option>
          </select>
        </div>
      </div>
      {error && (
        <div className="form-error" role="alert">
          {error}
        </div>
      )}
      {loading && !summary && <p className="muted">Reading the period…</p>}
      {summary && (
        <>
          <p className="muted">
            {summary.period.label} ({summary.period.from} to {summary.period.to}), return period {summary.period.fp},
            GSTIN {summary.gstin || 'not set'}. Documents issued: {summary.issued.invoices} invoices (
            {summary.issued.cancelled} cancelled, left out of the sections) and {summary.issued.notes} credit notes.
          </p>
          {summary.problems.length > 0 && (
            <div className="form-error" role="alert">
              <strong>The file cannot be filed yet ({summary.problems.length} problems):</strong>
              <ul>
                {summary.problems.slice(0, 20).map((p, i) => (
                  <li key={i}>
                    {p.document && <>{p.document}: </>}
                    {p.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <table className="plain report-table" aria-label="GSTR-1 sections">
            <thead>
              <tr>
                <th>Section</th>
                <th className="num">Documents</th>
                <th className="num">Rows</th>
                <th className="num">Taxable</th>
                <th className="num">IGST</th>
                <th className="num">CGST</th>
                <th className="num">SGST</th>
                <th className="num">Value</th>
              </tr>
            </thead>
            <tbody>
              {summary.sections.map((s) => (
                <tr key={s.section}>
                  <td>{sectionLabels[s.section]}</td>
                  <td className="num">{s.section.startsWith('hsn') ? '—' : s.documents}</td>
                  <td className="num">{s.rows}</td>
                  <td className="num">{money(s.taxable)}</td>
                  <td className="num">{money(s.igst)}</td>
                  <td className="num">{money(s.cgst)}</td>
                  <td className="num">{money(s.sgst)}</td>
                  <td className="num">{money(s.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>Reconciliation</h2>
          <p role="status" className={rec!.agrees ? 'muted' : 'form-error'}>
            {rec!.agrees
              ? 'GSTR-1 = sales register = invoices, to the paisa.'
              : `The three do not agree: ${rec!.differences.length} difference(s) listed below.`}
          </p>
          <table className="plain report-table" aria-label="Reconciliation">
            <thead>
              <tr>
                <th>Source</th>
                <th className="num">Taxable</th>
                <th className="num">IGST</th>
                <th className="num">CGST</th>
                <th className="num">SGST</th>
                <th className="num">Total GST</th>
                <th className="num">Value</th>
              </tr>
            </thead>
            <tbody>
              {rec!.rows.map((r) => (
                <tr key={r.source}>
                  <td>{r.label}</td>
                  <td className="num">{money(r.taxable)}</td>
                  <td className="num">{money(r.igst)}</td>
                  <td className="num">{money(r.cgst)}</td>
                  <td className="num">{money(r.sgst)}</td>
                  <td className="num">{money(r.tax)}</td>
                  <td className="num">{money(r.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {rec!.differences.length > 0 && (
            <table className="plain report-table" aria-label="Differences">
              <thead>
                <tr>
                  <th>Document</th>
                  <th>Between</th>
                  <th>Figure</th>
                  <th className="num">Expected</th>
                  <th className="num">Found</th>
                </tr>
              </thead>
              <tbody>
                {rec!.differences.map((d, i) => (
                  <tr key={i}>
                    <td>{d.document}</td>
                    <td>{d.between}</td>
                    <td>{d.figure}</td>
                    <td className="num">{money(d.expected)}</td>
                    <td className="num">{money(d.found)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
