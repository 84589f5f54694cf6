import { useEffect, useRef, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { formatMoney, parseMoney } from '../../../../src-shared/money';
import { call } from '../../api/client';
import { useDocumentKey } from '../../api/document-key';
import { CustomerPicker } from '../../components/CustomerPicker';
import { PdfPreview } from '../../components/PdfPreview';
import { ProductPicker, type PickedProduct } from '../../components/ProductPicker';
import { errorBeep } from '../../components/error-beep';
import { useHotkeys } from '../../components/use-hotkeys';

interface Line {
  productId: number;
  sku: string;
  name: string;
  quantity: number;
}
type Quote = OutputOf<'orders.quote'>;

/**
 * The counter: scan, scan, scan, Enter on the empty box to reach "Tendered", type what the
 * customer hands over, Enter. The bill is posted as order, delivery note, invoice and payment in
 * one go, and the receipt opens to print. Typed words that match several products show the
 * choices; nothing ambiguous is added without the clerk choosing it.
 */
export function CounterScreen() {
  const [start, setStart] = useState<OutputOf<'counter.start'> | null>(null);
  const [warehouseId, setWarehouseId] = useState<number | null>(null);
  const [customer, setCustomer] = useState<{ id: number; label: string } | null>(null);
  const [lines, setLines] = useState<Line[]>([]);
  const [quote, setQuote] = useState<{ key: string; value: Quote } | null>(null);
  const [tendered, setTendered] = useState('');
  const [mode, setMode] = useState<'cash' | 'upi' | 'bank'>('cash');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [done, setDone] = useState<OutputOf<'counter.sale'> | null>(null);
  const [receipt, setReceipt] = useState<OutputOf<'documents.receipt'> | null>(null);
  const scanRef = useRef<HTMLInputElement>(null);
  const tenderedRef = useRef<HTMLInputElement>(null);
  const saleKey = useDocumentKey(); // one key per bill: a second Ctrl+Enter cannot sell it twice

  useEffect(() => {
    void Promise.all([call('counter.start', {}), call('orders.defaultWarehouse', { customerId: null })]).then(
      ([s, choice]) => {
        setStart(s);
        setWarehouseId(choice.warehouseId ?? s.warehouses[0]?.id ?? null);
      },
    );
  }, []);
  const customerId = customer?.id ?? start?.cashCustomerId ?? null;
  // A total is shown only for the lines it was computed for: while a scan is being priced, "…".
  const linesKey = JSON.stringify([customerId, warehouseId, lines.map((l) => [l.productId, l.quantity])]);
  useEffect(() => {
    if (!customerId || !warehouseId || lines.length === 0) return setQuote(null);
    void call('orders.quote', {
      customerId,
      warehouseId,
      paymentType: 'cash',
      lines: lines.map((l) => ({ productId: l.productId, quantity: l.quantity })),
    })
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
  const add = (product: PickedProduct, unit: { factor: number } | null) => {
    const quantity = unit?.factor ?? 1;
    setLines((ls) => {
      const i = ls.findIndex((l) => l.productId === product.id);
      if (i >= 0) return ls.map((l, j) => (j === i ? { ...l, quantity: l.quantity + quantity } : l));
      return [...ls, { productId: product.id, sku: product.sku, name: product.name, quantity }];
    });
    setMessage(null);
  };
  const complete = async () => {
    if (!warehouseId || lines.length === 0 || done) return;
    const paid = tendered ? parseMoney(tendered) : current ? current.total : 0;
    if (paid === null) return setMessage({ ok: false, text: 'Tendered must be an amount in rupees' });
    try {
      const sale = await call(
        'counter.sale',
        {
          customerId: customer?.id ?? null,
          warehouseId,
          lines: lines.map((l) => ({ productId: l.productId, quantity: l.quantity })),
          payment: { mode, tendered: paid, reference: '' },
        },
        saleKey.options,
      );
      setDone(sale);
      setReceipt(await call('documents.receipt', { id: sale.invoice.id, tendered: paid }));
    } catch (e) {
      setMessage({ ok: false, text: (e as Error).message });
      errorBeep();
    }
  };
  useHotkeys({ 'ctrl+enter': () => void complete(), 'ctrl+a': () => void complete(), 'alt+n': newBill });

  return (
    <section className="screen counter">
      <header className="screen-head">
        <h1>Counter sale</h1>
        <div className="toolbar">
          <select
            aria-label="Sell from warehouse"
            value={warehouseId ?? ''}
            onChange={(e) => setWarehouseId(Number(e.target.value))}
          >
            {start?.warehouses.map((w) => (
              <option key={w.id} value={w.id}>
                {w.code}
              </option>
            ))}
          </select>
          <button onClick={newBill}>
            New bill <kbd>Alt+N</kbd>
          </button>
        </div>
      </header>
      <div className="order-head grid">
        <CustomerPicker
          label="Customer (empty: cash customer)"
          name="customerId"
          value={customer?.id ?? null}
          valueLabel={customer?.label ?? ''}
          types={[]}
          onChange={(id, label) => setCustomer(id ? { id, label } : null)}
        />
        <ProductPicker
          ref={scanRef}
          autoFocus
          label="Scan or type SKU"
          placeholder="Scan, or type a SKU or name; Enter on empty: tendered"
          className="wide scan-box"
          onPick={add}
          onEmptyEnter={() => lines.length > 0 && tenderedRef.current?.focus()}
        />
      </div>
      {message && (
        <div className={`scan-result ${message.ok ? 'ok' : 'bad'}`} role="alert">
          {message.text}
        </div>
      )}
      {done && (
        <div className="banner confirmed" role="status" data-testid="counter-result" data-invoice-id={done.invoice.id}>
          {done.invoice.number} — total {formatMoney(done.invoice.total)}, received{' '}
          {formatMoney(done.paid + done.change)}, change {formatMoney(done.change)}
          <button className="link" onClick={newBill}>
            Next customer (Alt+N)
          </button>
        </div>
      )}
      <div className="order-body">
        <table className="lines" aria-label="Bill lines">
          <thead>
            <tr>
              <th>#</th>
              <th>Product</th>
              <th className="right">Qty</th>
              <th className="right">Price</th>
              <th className="right">Total</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {lines.map((l, i) => {
              const p = current?.lines[i];
              return (
                <tr key={l.productId} data-testid="counter-line">
                  <td>{i + 1}</td>
                  <td>
                    <strong>{l.sku}</strong> {l.name}
                    {p?.discountNote && <div className="why">{p.discountNote}</div>}
                  </td>
                  <td className="right">
                    <input
                      className="pct"
                      aria-label={`Quantity of ${l.sku}`}
                      value={l.quantity}
                      onChange={(e) => {
                        const q = Number(e.target.value);
                        if (Number.isInteger(q) && q > 0)
                          setLines(lines.map((x, j) => (j === i ? { ...x, quantity: q } : x)));
                      }}
                    />
                  </td>
                  <td className="right num">{p ? formatMoney(p.unitPrice) : ''}</td>
                  <td className="right num strong">{p ? formatMoney(p.total) : ''}</td>
                  <td>
                    <button
                      className="ghost"
                      aria-label={`Remove ${l.sku}`}
                      onClick={() => setLines(lines.filter((_, j) => j !== i))}
                    >
                      ✕
                    </button>
                  </td>
                </tr>
              );
            })}
            {current?.lines
              .filter((l) => l.isFree)
              .map((p) => (
                <tr key={`free-${p.lineNo}`} className="free">
                  <td>{p.lineNo}</td>
                  <td>
                    <strong>{p.sku}</strong> {p.productName} <span className="pill active">FREE</span>
                  </td>
                  <td className="right">{p.quantity}</td>
                  <td />
                  <td className="right num">0.00</td>
                  <td />
                </tr>
              ))}
          </tbody>
        </table>
        <aside className="summary" aria-label="Bill total">
          <dl className="totals">
            <dt>Items</dt>
            <dd>{lines.reduce((s, l) => s + l.quantity, 0)}</dd>
            <dt>GST</dt>
            <dd>{current ? formatMoney(current.tax) : '…'}</dd>
            <dt>Round off</dt>
            <dd data-testid="counter-round-off">{current ? formatMoney(current.roundOff) : '…'}</dd>
            <dt className="grand">Total</dt>
            <dd className="grand" data-testid="counter-total">
              {current ? formatMoney(current.total) : '…'}
            </dd>
          </dl>
          <div className="field">
            <label htmlFor="counter-mode">Paid by</label>
            <select id="counter-mode" value={mode} onChange={(e) => setMode(e.target.value as typeof mode)}>
              <option value="cash">Cash</option>
              <option value="upi">UPI</option>
              <option value="bank">Card / bank</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="counter-tendered">Tendered (₹)</label>
            <input
              id="counter-tendered"
              ref={tenderedRef}
              className="num"
              inputMode="decimal"
              placeholder="exact amount; Enter completes"
              value={tendered}
              onChange={(e) => setTendered(e.target.value)}
              onKeyDown={(e) => {
                if (e.key !== 'Enter' || e.ctrlKey || e.altKey) return;
                e.preventDefault();
                void complete();
              }}
            />
          </div>
          <button
            className="primary block"
            disabled={lines.length === 0 || Boolean(done)}
            onClick={() => void complete()}
          >
            Complete sale <kbd>Ctrl+Enter</kbd>
          </button>
        </aside>
      </div>
      {receipt && (
        <PdfPreview
          pdf={receipt}
          onClose={() => {
            setReceipt(null);
            scanRef.current?.focus();
          }}
        />
      )}
    </section>
  );
}
