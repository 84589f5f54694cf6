import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { formatDocDate } from '../../../../src-shared/dates';
import { formatMoney, formatRate } from '../../../../src-shared/money';
import { call } from '../../api/client';
import { download } from '../../components/download';
import { Tabs } from '../../components/Tabs';
import { useSession } from '../../stores/session-store';
import { toast } from '../../stores/toast-store';
import { RebateAgreementEditor } from './RebateAgreementEditor';

type Agreement = OutputOf<'rebates.list'>[number];
type Report = OutputOf<'rebates.report'>;
type Tab = 'agreements' | 'accrued_vs_settled' | 'liabilities';

function tiersText(a: Agreement): string {
  return a.tiers
    .map((t) => {
      const from = a.basis === 'value' ? formatMoney(t.threshold) : `${t.threshold} units`;
      const rate = a.rateKind === 'bps' ? formatRate(t.rate) : `${formatMoney(t.rate)}/unit`;
      return `≥ ${from}: ${rate}`;
    })
    .join(' · ');
}

function cell(type: Report['columns'][number]['type'], v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (type === 'money') return formatMoney(Number(v));
  if (type === 'date') return formatDocDate(String(v));
  return String(v);
}

function ReportTable({ report }: { report: Report }) {
  return (
    <>
      <table className="plain" aria-label={report.title}>
        <thead>
          <tr>
            {report.columns.map((c) => (
              <th key={c.key} className={c.type === 'money' || c.type === 'int' ? 'num' : ''}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.rows.map((r, i) => (
            <tr key={i}>
              {report.columns.map((c) => (
                <td key={c.key} className={c.type === 'money' || c.type === 'int' ? 'num' : ''}>
                  {cell(c.type, r[c.key])}
                </td>
              ))}
            </tr>
          ))}
          {report.rows.length === 0 && (
            <tr>
              <td colSpan={report.columns.length} className="muted">
                Nothing yet.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {report.notes.map((n) => (
        <p key={n} className="muted">
          {n}
        </p>
      ))}
    </>
  );
}

/** Channel rebates: agreements and their tiers, what is accrued against what was settled, and what is owed. */
export function RebatesScreen() {
  const canWrite = useSession((s) => s.can('pricing.write'));
  const canSettle = useSession((s) => s.can('billing.write'));
  const [tab, setTab] = useState<Tab>('agreements');
  const [groupBy, setGroupBy] = useState<'customer' | 'brand'>('customer');
  const [agreements, setAgreements] = useState<Agreement[]>([]);
  const [report, setReport] = useState<Report | null>(null);
  const [editing, setEditing] = useState<Agreement | 'new' | null>(null);
  const reload = () => void call('rebates.list', {}).then(setAgreements);
  useEffect(reload, []);
  useEffect(() => {
    setReport(null);
    if (tab !== 'agreements') void call('rebates.report', { report: tab, groupBy }).then(setReport);
  }, [tab, groupBy]);
  const act = async (what: 'reestimate' | 'settle', a: Agreement) => {
    try {
      if (what === 'settle') {
        const done = await call('rebates.settle', { id: a.id });
        toast.ok(`${a.code} settled: ${done.map((d) => d.explanation).join('; ') || 'nothing accrued'}`);
      } else {
        const booked = await call('rebates.reestimate', { id: a.id });
        toast.ok(booked.length ? booked.map((b) => b.explanation).join('; ') : `${a.code}: accrual already on track`);
      }
      reload();
    } catch (error) {
      toast.error((error as Error).message);
    }
  };
  const exportAs = async (format: 'csv' | 'xlsx') => {
    if (tab !== 'agreements') download(await call('rebates.export', { report: tab, groupBy, format }));
  };
  return (
    <section className="screen">
      <header className="screen-head">
        <h1>Rebates</h1>
        <Tabs
          tabs={[
            ['agreements', 'Agreements'],
            ['accrued_vs_settled', 'Accrued vs settled'],
            ['liabilities', 'Liabilities'],
          ]}
          current={tab}
          onSelect={setTab}
        />
        <div className="toolbar">
          {tab === 'agreements' && canWrite && (
            <button className="primary" onClick={() => setEditing('new')}>
              New agreement
            </button>
          )}
          {tab === 'liabilities' && (
            <select aria-label="Group by" value={groupBy} onChange={(e) => setGroupBy(e.target.value as 'brand')}>
              <option value="customer">By customer</option>
              <option value="brand">By brand</option>
            </select>
          )}
          {tab !== 'agreements' && (
            <>
              <button onClick={() => void exportAs('csv')}>CSV</button>
              <button onClick={() => void exportAs('xlsx')}>XLSX</button>
            </>
          )}
        </div>
      </header>
      {tab === 'agreements' ? (
        <table className="plain" aria-label="Rebate agreements">
          <thead>
            <tr>
              <th>Code</th>
              <th>Name</th>
              <th>For</th>
              <th>Period</th>
              <th>Tiers</th>
              <th className="num">Accrued</th>
              <th className="num">Settled</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {agreements.map((a) => (
              <tr key={a.id}>
                <td>
                  {canWrite ? (
                    <button className="link" onClick={() => setEditing(a)}>
                      {a.code}
                    </button>
                  ) : (
                    a.code
                  )}
                </td>
                <td>
                  {a.name}
                  {a.fundedByName && <div className="muted">funded by {a.fundedByName}</div>}
                </td>
                <td>{a.customerName ?? `every ${a.customerType}`}</td>
                <td>
                  {formatDocDate(a.periodFrom)} – {formatDocDate(a.periodTo)}
                </td>
                <td>
                  {tiersText(a)} <span className="muted">({a.method})</span>
                </td>
                <td className="num">{formatMoney(a.accrued)}</td>
                <td className="num">{formatMoney(a.settled)}</td>
                <td>
                  {canSettle && a.status === 'active' && (
                    <>
                      <button onClick={() => void act('reestimate', a)}>Re-estimate</button>{' '}
                      <button onClick={() => void act('settle', a)}>Settle</button>
                    </>
                  )}
                  {a.status === 'settled' && <span className="muted">settled</span>}
                </td>
              </tr>
            ))}
            {agreements.length === 0 && (
              <tr>
                <td colSpan={8} className="muted">
                  No rebate agreements yet.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      ) : (
        report && <ReportTable report={report} />
      )}
      {editing && (
        <RebateAgreementEditor
          agreement={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
    </section>
  );
}
