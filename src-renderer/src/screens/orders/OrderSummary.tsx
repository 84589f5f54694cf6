import { formatMoney } from '../../../../src-shared/money';
import { marginPct } from '../billing/InvoiceMargin';
import { useOrderDraft } from '../../stores/order-draft-store';

const decisionText = {
  ok: 'Within limit',
  warn: 'Over limit (warning only)',
  needs_approval: 'Needs a manager’s approval',
  blocked: 'Blocked',
};

/** Totals, schemes, near misses, credit and approval reasons: what the clerk checks before placing. */
export function OrderSummary() {
  const quote = useOrderDraft((s) => s.quote);
  const quoteError = useOrderDraft((s) => s.quoteError);
  if (quoteError)
    return (
      <aside className="summary">
        <div className="form-error" role="alert">
          {quoteError}
        </div>
      </aside>
    );
  if (!quote)
    return (
      <aside className="summary muted">
        Choose a customer and add products; prices, schemes, tax and credit appear here as you type.
      </aside>
    );
  const c = quote.credit;
  return (
    <aside className="summary" aria-label="Order summary">
      <dl className="totals">
        <dt>Gross</dt>
        <dd data-testid="total-gross">{formatMoney(quote.gross)}</dd>
        <dt>Discounts</dt>
        <dd data-testid="total-discount">−{formatMoney(quote.discount)}</dd>
        <dt>Taxable</dt>
        <dd>{formatMoney(quote.taxable)}</dd>
        <dt>GST</dt>
        <dd data-testid="total-tax">{formatMoney(quote.tax)}</dd>
        <dt>Round off</dt>
        <dd data-testid="total-round-off">{formatMoney(quote.roundOff)}</dd>
        <dt className="grand">Total</dt>
        <dd className="grand" data-testid="order-total">
          {formatMoney(quote.total)}
        </dd>
      </dl>
      {quote.schemes.applied.length > 0 && (
        <section>
          <h3>Schemes applied</h3>
          <ul className="schemes">
            {quote.schemes.applied.map((s) => (
              <li key={s.schemeId}>
                <strong>{s.name}</strong> — {s.description} <span className="num">({formatMoney(s.benefit)})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {quote.schemes.nearMisses.length > 0 && (
        <section>
          <h3>Almost there</h3>
          <ul className="near">
            {quote.schemes.nearMisses.map((n, i) => (
              <li key={i}>{n.message}</li>
            ))}
          </ul>
        </section>
      )}
      <section className={`credit ${c.decision}`}>
        <h3>Credit — {decisionText[c.decision]}</h3>
        <dl className="totals small">
          <dt>Limit</dt>
          <dd>{formatMoney(c.limit)}</dd>
          <dt>Used</dt>
          <dd>{formatMoney(c.used)}</dd>
          <dt>Available</dt>
          <dd>{formatMoney(c.available)}</dd>
          <dt>After this order</dt>
          <dd>{formatMoney(c.afterOrder)}</dd>
          <dt>Overdue</dt>
          <dd>{c.overdue ? `${formatMoney(c.overdue)} (${c.oldestOverdueDays} d)` : '—'}</dd>
        </dl>
        {c.reasons.map((r) => (
          <p key={r} className="reason">
            {r}
          </p>
        ))}
      </section>
      {quote.margin && (
        <section className={`margin ${quote.margin.negative ? 'negative' : ''}`} data-testid="order-margin">
          <h3>Margin (only you see this)</h3>
          <dl className="totals small">
            <dt>Cost of goods</dt>
            <dd>{formatMoney(quote.margin.cost)}</dd>
            <dt>Margin</dt>
            <dd>
              {formatMoney(quote.margin.margin)}
              {quote.margin.marginBps !== null && ` (${marginPct(quote.margin.marginBps)})`}
            </dd>
          </dl>
          {quote.margin.unknownLines > 0 && (
            <p className="muted small">Cost unknown on {quote.margin.unknownLines} lines: left out of the margin.</p>
          )}
        </section>
      )}
      {quote.marginNotice && (
        <p className="reason warn" role="status" data-testid="margin-notice">
          {quote.marginNotice}
        </p>
      )}
      {quote.approvalReasons.length > 0 && (
        <section className="approval">
          <h3>Will wait for approval</h3>
          <ul>
            {quote.approvalReasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </section>
      )}
    </aside>
  );
}
