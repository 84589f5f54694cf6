import { useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { formatMoney } from '../../../../src-shared/money';
import { call } from '../../api/client';
import { download } from '../../components/download';
import { useHotkeys } from '../../components/use-hotkeys';
import { useNav } from '../../stores/nav-store';
import { ReportTable } from './ReportTable';

type Answer = OutputOf<'assistant.ask'>;

/** Ctrl+K: ask in plain words; see how it was understood and the answer; nothing leaves the machine. */
export function AssistantBox({ onClose }: { onClose(): void }) {
  const [question, setQuestion] = useState('');
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState('');
  const go = useNav((s) => s.go);
  useHotkeys({ escape: onClose });
  const askIt = async (q: string) => {
    setQuestion(q);
    try {
      const a = await call('assistant.ask', { question: q });
      setAnswer(a);
      setError('');
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="drawer-backdrop center" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="modal assistant" role="dialog" aria-label="Ask Stockist">
        <header>
          <input
            autoFocus
            aria-label="Ask Stockist"
            placeholder="e.g. overdue invoices of Sharma Traders · sales by product this month as excel"
            value={question}
            onChange={(e) => setQuestion(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && void askIt(question)}
          />
        </header>
        <div className="modal-body">
          {error && (
            <div className="form-error" role="alert">
              {error}
            </div>
          )}
          {answer && answer.understood.length > 0 && (
            <p className="understood" data-testid="understood">
              Understood: {answer.understood.join(' · ')}
            </p>
          )}
          {answer?.message && <p>{answer.message}</p>}
          {answer && answer.suggestions.length > 0 && (
            <ul className="suggestions">
              {answer.suggestions.map((s) => (
                <li key={s}>
                  <button className="link" onClick={() => void askIt(s)}>
                    {s}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {answer?.orders && (
            <table className="plain" aria-label="Orders found">
              <thead>
                <tr>
                  <th>Order</th>
                  <th>Date</th>
                  <th>Customer</th>
                  <th>City</th>
                  <th>Status</th>
                  <th className="right">Total</th>
                </tr>
              </thead>
              <tbody>
                {answer.orders.map((o) => (
                  <tr
                    key={o.id}
                    onClick={() => {
                      go('orders', { open: String(o.id) });
                      onClose();
                    }}
                  >
                    <td>{o.number}</td>
                    <td>{o.date}</td>
                    <td>{o.customer}</td>
                    <td>{o.city}</td>
                    <td>{o.status.replace('_', ' ')}</td>
                    <td className="right num">{formatMoney(o.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {answer?.invoices && (
            <table className="plain" aria-label="Invoices found">
              <thead>
                <tr>
                  <th>Invoice</th>
                  <th>Date</th>
                  <th>Customer</th>
                  <th>Due on</th>
                  <th className="right">Total</th>
                  <th className="right">Still due</th>
                </tr>
              </thead>
              <tbody>
                {answer.invoices.map((i) => (
                  <tr key={i.id}>
                    <td>{i.number}</td>
                    <td>{i.date}</td>
                    <td>{i.customer}</td>
                    <td>{i.dueDate}</td>
                    <td className="right num">{formatMoney(i.total)}</td>
                    <td className="right num">{formatMoney(i.due)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {answer?.report && (
            <ReportTable result={answer.report} sort={null} onSort={() => undefined} onDrill={() => undefined} />
          )}
          {(answer?.orders?.length === 0 || answer?.invoices?.length === 0) && (
            <p className="muted">Nothing matches.</p>
          )}
        </div>
        <footer>
          {answer?.file && (
            <button className="primary" onClick={() => download(answer.file!)}>
              Download {answer.file.filename}
            </button>
          )}
          <button onClick={onClose}>Close</button>
        </footer>
      </div>
    </div>
  );
}
