import { useEffect, useRef, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { formatMoney, parseMoney } from '../../../../src-shared/money';
import { call } from '../../api/client';
import { useDocumentKey } from '../../api/document-key';
import { CustomerPicker } from '../../components/CustomerPicker';
import { PdfPreview } from '../../components/PdfPreview';
import { errorBeep } from '../../components/error-beep';
import { useHotkeys } from '../../components/use-hotkeys';

interface Line { productId: number; sku: string; name: string; quantity: number }
type Quote = OutputOf<'orders.quote'>;

/**
 * The counter: scan, scan, scan, type what the customer hands over, Ctrl+Enter. The bill is
 * posted as order, delivery note, invoice and payment in one go, and the receipt opens to print.
 */
export function CounterScreen() {
  const [start, setStart] = useState<OutputOf<'counter.start'> | null>(null);
  const [warehouseId, setWarehouseId] = useState<number | null>(null);
  const [customer, setCustomer] = useState<{ id: number; label: string } | null>(null);
  const [lines, setLines] = useState<Line[]>([]);
  const [quote, setQuote] = useState<{ key: string; value: Quote } | null>(null);
  const [code, setCode] = useState('');
  const [tendered, setTendered] = useState('');
  const [mode, setMode] = useState<'cash' | 'upi' | 'bank'>('cash');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [done, setDone] = useState<OutputOf<'counter.sale'> | null>(null);
  const [receipt, setReceipt] = useState<OutputOf<'documents.receipt'> | null>(null);
  const scanRef = useRef<HTMLInputElement>(null);
  const saleKey = useDocumentKey(); // one key per bill: a second Ctrl+Enter cannot sell it twice

  useEffect(() => {
    void call('counter.start', {}).then((s) => {
      setStart(s);
      setWarehouseId(s.warehouses[0]?.id ?? null);
    });
  }, []);
  const customerId = customer?.id ?? start?.cashCustomerId ?? null;
  // A total is shown only for the lines it was computed for: while a scan is being priced, "…".
  const linesKey = JSON.stringify([customerId, warehouseId, lines.map((l) => [l.productId, l.quantity])]);
  useEffect(() => {
    if (!customerId || !warehouseId || lines.length === 0) return setQuote(null);
    void call('orders.quote', { customerId, warehouseId, paymentType: 'cash', lines: lines.map((l) => ({ productId: l.productId, quantity: l.quantity })) })
      .then((value) => setQuote({ key: linesKey, value }))
      .catch((e: Error) => setMessage({ ok: false, text: e.message }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [linesKey]);
  const current = quote?.key === linesKey ? quote.value : null;

  const newBill = () => {
    setLines([]);
    setTendered('');
    setDone(null);
    setMessage(null);
    setCustomer(null);
    saleKey.renew();
    scanRef.current?.focus();
  };
  const scan = async () => {
    const text = code.trim();
    setCode('');
    if (!text) return;
    try {
      const product = /^\d{8,14}$/.test(text)
        ? await call('products.findByBarcode', { barcode: text }).then((h) => ({ ...h.product, factor: h.factor }))
        : await call('products.list', { search: text, status: 'active', limit: 1 }).then((r) => {
            if (!r.rows[0]) throw new Error(`No product matches ${text}`);
            return { ...r.rows[0], factor: 1 };
          });
      setLines((ls) => {
        const i = ls.findIndex((l) => l.productId === product.id);
        if (i >= 0) return ls.map((l, j) => (j === i ? { ...l, quantity: l.quantity + product.factor } : l));
        return [...ls, { productId: product.id, sku: product.sku, name: product.name, quantity: product.factor }];
      });
      setMessage(null);
    } catch (e) {
      setMessage({ ok: false, text: (e as Error).message });
      errorBeep();
    }
  };
  const complete = async () => {
    if (!warehouseId || lines.length === 0 || done) return;
    const paid = tendered ? parseMoney(tendered) : current ? current.total : 0;
    if (paid === null) return setMessage({ ok: false, text: 'Tendered must be an amount in rupees' });
    try {
      const sale = await call('counter.sale', { customerId: customer?.id ?? null, warehouseId, lines: lines.map((l) => ({ productId: l.productId, quantity: l.quantity })), payment: { mode, tendered: paid, reference: '' } }, saleKey.options);
      setDone(sale);
      setReceipt(await call('documents.receipt', { id: sale.invoice.id, tendered: paid }));
    } catch (e) {
      setMessage({ ok: false, text: (e as Error).message });
      errorBeep();
    }
  };
  useHotkeys({ 'ctrl+enter': () => void complete(), 'alt+n': newBill });

  return (
    <section className="screen counter">
      <header className="screen-head">
        <h1>Counter sale</h1>
        <div className="toolbar">
          <select aria-label="Sell from warehouse" value={warehouseId ?? ''} onChange={(e) => setWarehouseId(Number(e.target.value))}>{start?.warehouses.map((w) => <option key={w.id} value={w.id}>{w.code}</option>)}</select>
          <button onClick={newBill}>New bill <kbd>Alt+N</kbd></button>
        </div>
      </header>
      <div className="order-head grid">
        <CustomerPicker label="Customer (empty: cash customer)" name="customerId" value={customer?.id ?? null} valueLabel={customer?.label ?? ''} types={[]} onChange={(id, label) => setCustomer(id ? { id, label } : null)} />
        <div className="field wide scan-box">
          <label htmlFor="counter-scan">Scan or type SKU</label>
          <input id="counter-scan" ref={scanRef} autoFocus autoComplete="off" value={code} onChange={(e) => setCode(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter' && !e.ctrlKey) { e.preventDefault(); void scan(); } }} />
        </div>
      </div>
      {message && <div className={`scan-result ${message.ok ? 'ok' : 'bad'}`} role="alert">{message.text}</div>}
      {done && (
        <div className="banner confirmed" role="status" data-testid="counter-result" data-invoice-id={done.invoice.id}>
          {done.invoice.number} — total {formatMoney(done.invoice.total)}, received {formatMoney(done.paid + done.change)}, change {formatMoney(done.change)}
          <button className="link" onClick={newBill}>Next customer (Alt+N)</button>
        </div>
      )}
      <div className="order-body">
        <table className="lines" aria-label="Bill lines">
          <thead><tr><th>#</th><th>Product</th><th className="right">Qty</th><th className="right">Price</th><th className="right">Total</th><th /></tr></thead>
          <tbody>
            {lines.map((l, i) => {
              const p = current?.lines[i];
              return (
                <tr key={l.productId} data-testid="counter-line">
                  <td>{i + 1}</td><td><strong>{l.sku}</strong> {l.name}{p?.discountNote && <div className="why">{p.discountNote}</div>}</td>
                  <td className="right"><input className="pct" aria-label={`Quantity of ${l.sku}`} value={l.quantity} onChange={(e) => { const q = Number(e.target.value); if (Number.isInteger(q) && q > 0) setLines(lines.map((x, j) => (j === i ? { ...x, quantity: q } : x))); }} /></td>
                  <td className="right num">{p ? formatMoney(p.unitPrice) : ''}</td>
                  <td className="right num strong">{p ? formatMoney(p.total) : ''}</td>
                  <td><button className="ghost" aria-label={`Remove ${l.sku}`} onClick={() => setLines(lines.filter((_, j) => j !== i))}>✕</button></td>
                </tr>
              );
            })}
            {current?.lines.filter((l) => l.isFree).map((p) => (
              <tr key={`free-${p.lineNo}`} className="free"><td>{p.lineNo}</td><td><strong>{p.sku}</strong> {p.productName} <span className="pill active">FREE</span></td><td className="right">{p.quantity}</td><td /><td className="right num">0.00</td><td /></tr>
            ))}
          </tbody>
        </table>
        <aside className="summary" aria-label="Bill total">
          <dl className="totals">
            <dt>Items</dt><dd>{lines.reduce((s, l) => s + l.quantity, 0)}</dd>
            <dt>GST</dt><dd>{current ? formatMoney(current.tax) : '…'}</dd>
            <dt>Round off</dt><dd data-testid="counter-round-off">{current ? formatMoney(current.roundOff) : '…'}</dd>
            <dt className="grand">Total</dt><dd className="grand" data-testid="counter-total">{current ? formatMoney(current.total) : '…'}</dd>
          </dl>
          <div className="field"><label htmlFor="counter-mode">Paid by</label>
            <select id="counter-mode" value={mode} onChange={(e) => setMode(e.target.value as typeof mode)}><option value="cash">Cash</option><option value="upi">UPI</option><option value="bank">Card / bank</option></select>
          </div>
          <div className="field"><label htmlFor="counter-tendered">Tendered (₹)</label>
            <input id="counter-tendered" className="num" inputMode="decimal" placeholder="exact amount" value={tendered} onChange={(e) => setTendered(e.target.value)} />
          </div>
          <button className="primary block" disabled={lines.length === 0 || Boolean(done)} onClick={() => void complete()}>Complete sale <kbd>Ctrl+Enter</kbd></button>
        </aside>
      </div>
      {receipt && <PdfPreview pdf={receipt} onClose={() => { setReceipt(null); scanRef.current?.focus(); }} />}
    </section>
  );
}
