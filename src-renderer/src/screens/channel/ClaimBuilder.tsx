import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import type { ClaimSource, ProposedLine } from '../../../../src-shared/contract/channel-claims';
import { formatMoney } from '../../../../src-shared/money';
import { call, type ApiError } from '../../api/client';
import { useHotkeys } from '../../components/use-hotkeys';
import { businessToday } from '../../stores/business-date';
import { toast } from '../../stores/toast-store';
import { PriceChangeForm } from './PriceChangeForm';

type Kind = ClaimSource['kind'];
const monthStart = (day: string) => `${day.slice(0, 8)}01`;

/**
 * A new claim: pick what it recovers (brand-funded scheme benefit in a period, expired stock, a price cut), see the
 * lines proposed from sources not claimed yet, untick any to leave out, and make the draft (Ctrl+Enter).
 */
export function ClaimBuilder(props: { onCancel(): void; onDrafted(id: number): void }) {
  const [kind, setKind] = useState<Kind>('price_protection');
  const [suppliers, setSuppliers] = useState<OutputOf<'suppliers.list'>>([]);
  const [supplierId, setSupplierId] = useState<number | null>(null);
  const [from, setFrom] = useState(monthStart(businessToday()));
  const [to, setTo] = useState(businessToday());
  const [cuts, setCuts] = useState<OutputOf<'priceChanges.list'>>([]);
  const [cutId, setCutId] = useState<number | null>(null);
  const [lines, setLines] = useState<ProposedLine[] | null>(null);
  const [kept, setKept] = useState<Set<number>>(new Set());
  useEffect(() => void call('suppliers.list', { includeInactive: false }).then(setSuppliers), []);
  useEffect(() => void call('priceChanges.list', {}).then(setCuts), []);
  useEffect(() => setLines(null), [kind, supplierId, from, to, cutId]);
  const source = (): ClaimSource | null => {
    if (kind === 'price_protection') return cutId ? { kind, priceChangeId: cutId } : null;
    if (!supplierId) return null;
    return kind === 'scheme' ? { kind, supplierId, from, to } : { kind, supplierId, asOf: to };
  };
  const propose = async () => {
    const s = source();
    if (!s) return toast.error(kind === 'price_protection' ? 'Choose the price cut' : 'Choose the brand');
    try {
      const p = await call('claims.propose', { source: s });
      setLines(p.lines);
      setKept(new Set(p.lines.map((_, i) => i)));
    } catch (e) {
      toast.error((e as ApiError).message);
    }
  };
  const draft = async () => {
    const s = source();
    if (!s || !lines) return;
    const keep = lines.filter((_, i) => kept.has(i)).map((l) => ({ sourceKind: l.sourceKind, sourceId: l.sourceId }));
    try {
      const c = await call('claims.draft', { source: s, keep, notes: '' });
      toast.ok(`Draft claim of ${formatMoney(c.amount)} on ${c.supplierName}`);
      props.onDrafted(c.id);
    } catch (e) {
      toast.error((e as ApiError).message);
    }
  };
  useHotkeys({ escape: props.onCancel, 'ctrl+enter': () => void (lines ? draft() : propose()) });
  const toggle = (i: number) =>
    setKept((k) => {
      const next = new Set(k);
      if (!next.delete(i)) next.add(i);
      return next;
    });
  const total = (lines ?? []).filter((_, i) => kept.has(i)).reduce((s, l) => s + l.amount, 0);

  return (
    <section className="screen">
      <header className="screen-head">
        <h1>New claim</h1>
        <button className="ghost" onClick={props.onCancel}>
          Back to claims (Esc)
        </button>
      </header>
      <div className="card grid">
        <div className="field">
          <label htmlFor="build-kind">Claim for</label>
          <select id="build-kind" autoFocus value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            <option value="price_protection">Price protection (a price cut)</option>
            <option value="scheme">Brand-funded schemes given</option>
            <option value="expiry">Expired stock</option>
          </select>
        </div>
        {kind === 'price_protection' ? (
          <div className="field">
            <label htmlFor="build-cut">Price cut</label>
            <select id="build-cut" value={cutId ?? ''} onChange={(e) => setCutId(Number(e.target.value) || null)}>
              <option value="">Choose…</option>
              {cuts.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.sku} {c.productName}: {formatMoney(c.oldRate)} → {formatMoney(c.newRate)} from {c.effectiveOn} (
                  {c.supplierName})
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="build-brand">Brand</label>
          <select
            id="build-brand"
            value={supplierId ?? ''}
            onChange={(e) => setSupplierId(Number(e.target.value) || null)}
          >
            <option value="">Choose…</option>
            {suppliers.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        {kind === 'scheme' && (
          <div className="field">
            <label htmlFor="build-from">From</label>
            <input id="build-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          </div>
        )}
        {kind !== 'price_protection' && (
          <div className="field">
            <label htmlFor="build-to">{kind === 'scheme' ? 'To' : 'Expired by'}</label>
            <input id="build-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
          </div>
        )}
        <div className="toolbar left">
          <button className="primary" onClick={() => void propose()}>
            Propose lines <kbd>Ctrl+Enter</kbd>
          </button>
        </div>
      </div>
      {kind === 'price_protection' && (
        <PriceChangeForm
          supplierId={supplierId}
          onSaved={(p) => (setCuts((c) => [p, ...c]), setCutId(p.id), toast.ok(`Price cut on ${p.sku} recorded`))}
        />
      )}
      {lines && (
        <div className="card">
          <h3>
            Review:{' '}
            {lines.length === 0
              ? 'nothing left to claim'
              : `${kept.size} of ${lines.length} lines, ${formatMoney(total)}`}
          </h3>
          <table className="plain" aria-label="Proposed lines">
            <thead>
              <tr>
                <th>Claim</th>
                <th>What earned it</th>
                <th className="num">Qty</th>
                <th className="num">Amount</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l, i) => (
                <tr key={`${l.sourceKind}#${l.sourceId}`}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Keep line ${i + 1}`}
                      checked={kept.has(i)}
                      onChange={() => toggle(i)}
                    />
                  </td>
                  <td>{l.description}</td>
                  <td className="num">{l.quantity}</td>
                  <td className="num">{formatMoney(l.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {kept.size > 0 && (
            <button className="primary" onClick={() => void draft()}>
              Make the draft claim <kbd>Ctrl+Enter</kbd>
            </button>
          )}
        </div>
      )}
    </section>
  );
}
