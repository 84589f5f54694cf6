import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { formatMoney } from '../../../../src-shared/money';
import { call } from '../../api/client';
import { Tabs } from '../../components/Tabs';
import { useHotkeys } from '../../components/use-hotkeys';
import { useSession } from '../../stores/session-store';
import { EndBuyerAccruals } from './EndBuyerAccruals';
import { EndBuyerAgreementEditor, type AgreementValues } from './EndBuyerAgreementEditor';
import { businessToday } from '../../stores/business-date';

type Row = OutputOf<'endBuyerAgreements.list'>[number];

/** The brand's special prices for end buyers (ship-and-debit): Alt+N adds one, Enter opens one. */
export function EndBuyerAgreementsScreen() {
  const can = useSession((s) => s.can);
  const today = businessToday();
  const [tab, setTab] = useState<'agreements' | 'accruals'>('agreements');
  const [rows, setRows] = useState<Row[]>([]);
  const [editing, setEditing] = useState<AgreementValues | null>(null);
  const reload = () => void call('endBuyerAgreements.list', {}).then(setRows);
  useEffect(reload, []);
  const blank = (): AgreementValues => ({
    supplierId: 0,
    endBuyerId: 0,
    number: '',
    validFrom: today,
    validTo: today,
    active: true,
    lines: [],
    names: [],
  });
  const open = async (id: number) => {
    const a = await call('endBuyerAgreements.get', { id });
    setEditing({ ...a, names: a.lines.map((l) => `${l.sku} ${l.productName}`) });
  };
  useHotkeys({ 'alt+n': () => can('pricing.write') && setEditing(blank()) });
  return (
    <section className="screen">
      <header className="screen-head">
        <h1>End-buyer agreements</h1>
        <div className="toolbar">
          {can('pricing.write') && (
            <button className="primary" onClick={() => setEditing(blank())}>
              New agreement <kbd>Alt+N</kbd>
            </button>
          )}
        </div>
      </header>
      <Tabs
        tabs={[
          ['agreements', 'Agreements'],
          ['accruals', 'Accruals and claims'],
        ]}
        current={tab}
        onSelect={setTab}
      />
      {tab === 'agreements' ? (
        <>
          <table className="plain" aria-label="End-buyer agreements">
            <thead>
              <tr>
                <th>Number</th>
                <th>Brand</th>
                <th>End buyer</th>
                <th>Valid</th>
                <th className="num">Products</th>
                <th className="num">Accrued</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr
                  key={r.id}
                  tabIndex={0}
                  onClick={() => void open(r.id)}
                  onKeyDown={(e) => e.key === 'Enter' && void open(r.id)}
                >
                  <td>{r.number}</td>
                  <td>{r.supplierName}</td>
                  <td>{r.endBuyerName}</td>
                  <td>
                    {r.validFrom} to {r.validTo}
                  </td>
                  <td className="num">{r.products}</td>
                  <td className="num">{formatMoney(r.accrued)}</td>
                  <td>
                    <span className={`pill ${r.active ? 'active' : 'blocked'}`}>
                      {r.active ? (r.validTo < today ? 'Expired' : 'Active') : 'Inactive'}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length === 0 && (
            <p className="muted">No agreements yet: record the brand&apos;s special price for an end buyer (Alt+N).</p>
          )}
        </>
      ) : (
        <EndBuyerAccruals />
      )}
      {editing && (
        <EndBuyerAgreementEditor
          initial={editing}
          readOnly={!can('pricing.write')}
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
