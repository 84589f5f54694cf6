import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { formatMoney } from '../../../../src-shared/money';
import { call } from '../../api/client';
import { useSession } from '../../stores/session-store';
import { PriceListEditor } from './PriceListEditor';
import { SchemeEditor } from './SchemeEditor';
import { Tabs } from '../../components/Tabs';

/** Schemes and price lists: what the order screen applies, in words, with on/off switches. */
export function PricingScreen() {
  const canWrite = useSession((s) => s.can('pricing.write'));
  const [tab, setTab] = useState<'schemes' | 'lists'>('schemes');
  const [schemes, setSchemes] = useState<OutputOf<'schemes.list'>>([]);
  const [lists, setLists] = useState<OutputOf<'priceLists.list'>>([]);
  const [editing, setEditing] = useState<'scheme' | 'list' | null>(null);
  const [brands, setBrands] = useState<Map<number, string>>(new Map());
  useEffect(() => {
    call('suppliers.list', {}).then(
      (all) => setBrands(new Map(all.map((b) => [b.id, b.name]))),
      () => setBrands(new Map()),
    );
  }, []);
  const reload = () => {
    void call('schemes.list', {}).then(setSchemes);
    void call('priceLists.list', {}).then(setLists);
  };
  useEffect(reload, []);
  return (
    <section className="screen">
      <header className="screen-head">
        <h1>Schemes &amp; prices</h1>
        <Tabs
          tabs={[
            ['schemes', 'Schemes'],
            ['lists', 'Price lists'],
          ]}
          current={tab}
          onSelect={setTab}
        />
        <div className="toolbar">
          {canWrite && (
            <button className="primary" onClick={() => setEditing(tab === 'schemes' ? 'scheme' : 'list')}>
              {tab === 'schemes' ? 'New scheme' : 'New price list'}
            </button>
          )}
        </div>
      </header>
      {tab === 'schemes' ? (
        <table className="plain" aria-label="Schemes">
          <thead>
            <tr>
              <th>Code</th>
              <th>Name</th>
              <th>Rule</th>
              <th>Valid</th>
              <th>Priority</th>
              <th>Budget</th>
              <th>On</th>
            </tr>
          </thead>
          <tbody>
            {schemes.map((s) => (
              <tr key={s.id}>
                <td>{s.code}</td>
                <td>
                  {s.name}
                  {s.exclusive && <span className="pill on_hold">exclusive</span>}
                  {s.fundedBySupplierId !== null && (
                    <span className="pill">funded by {brands.get(s.fundedBySupplierId) ?? 'a brand'}</span>
                  )}
                </td>
                <td>{s.summary}</td>
                <td>
                  {s.validFrom ?? '…'} – {s.validTo ?? '…'}
                </td>
                <td>{s.priority}</td>
                <td>{s.budgetCap === null ? '—' : `${formatMoney(s.budgetUsed)} of ${formatMoney(s.budgetCap)}`}</td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${s.name} active`}
                    checked={s.active}
                    disabled={!canWrite}
                    onChange={(e) =>
                      void call('schemes.setActive', { id: s.id, active: e.target.checked }).then(reload)
                    }
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <table className="plain" aria-label="Price lists">
          <thead>
            <tr>
              <th>Name</th>
              <th>Applies to</th>
              <th>Valid</th>
              <th>Products</th>
              <th>Tax</th>
              <th>On</th>
            </tr>
          </thead>
          <tbody>
            {lists.map((l) => (
              <tr key={l.id}>
                <td>{l.name}</td>
                <td>
                  {l.scope.replace('_', ' ')}: {l.appliesTo}
                </td>
                <td>
                  {l.validFrom ?? '…'} – {l.validTo ?? '…'}
                </td>
                <td>{l.items}</td>
                <td>{l.taxInclusive ? 'inclusive' : 'exclusive'}</td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${l.name} active`}
                    checked={l.active}
                    disabled={!canWrite}
                    onChange={(e) =>
                      void call('priceLists.setActive', { id: l.id, active: e.target.checked }).then(reload)
                    }
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing === 'scheme' && (
        <SchemeEditor
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
      {editing === 'list' && (
        <PriceListEditor
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
