import { useEffect, useRef, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { call } from '../../api/client';
import { PdfPreview } from '../../components/PdfPreview';
import { errorBeep } from '../../components/error-beep';
import { useSession } from '../../stores/session-store';
import { toast } from '../../stores/toast-store';
import { formatPacks } from '../../../../src-shared/quantity';
import { NewWave } from './NewWave';

type PickList = OutputOf<'picking.get'>;
type Summary = OutputOf<'picking.list'>[number];

/** The warehouse clerk's screen: choose a wave, scan at each shelf, mark shorts, complete. */
export function PickingScreen() {
  const canPick = useSession((s) => s.can('picking.write'));
  const [lists, setLists] = useState<Summary[]>([]);
  const [current, setCurrent] = useState<PickList | null>(null);
  const [creating, setCreating] = useState(false);
  const reload = () => void call('picking.list', { status: '' }).then(setLists);
  useEffect(reload, []);
  const open = async (id: number) => setCurrent(await call('picking.get', { id }));

  if (current)
    return (
      <PickingView
        list={current}
        canPick={canPick}
        onChange={setCurrent}
        onBack={() => {
          setCurrent(null);
          reload();
        }}
      />
    );
  return (
    <section className="screen">
      <header className="screen-head">
        <h1>Picking</h1>
        <div className="toolbar">
          {canPick && (
            <button className="primary" onClick={() => setCreating(true)}>
              New pick list
            </button>
          )}
        </div>
      </header>
      <table className="plain" aria-label="Pick lists">
        <thead>
          <tr>
            <th>Pick list</th>
            <th>Warehouse</th>
            <th>Orders</th>
            <th>Lines</th>
            <th>Picked</th>
            <th>Status</th>
            <th>Created</th>
          </tr>
        </thead>
        <tbody>
          {lists.map((l) => (
            <tr
              key={l.id}
              tabIndex={0}
              onClick={() => void open(l.id)}
              onKeyDown={(e) => e.key === 'Enter' && void open(l.id)}
            >
              <td>{l.number}</td>
              <td>{l.warehouseCode}</td>
              <td>{l.orders}</td>
              <td>{l.lines}</td>
              <td>
                {l.picked} / {l.quantity}
              </td>
              <td>
                <span className={`pill ${l.status === 'open' ? 'on_hold' : 'active'}`}>
                  {l.status === 'open' ? 'Open' : 'Picked'}
                </span>
              </td>
              <td>{l.createdAt.slice(0, 16).replace('T', ' ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {lists.length === 0 && <p className="muted">No pick lists yet. Make one from confirmed orders.</p>}
      {creating && (
        <NewWave
          onClose={() => setCreating(false)}
          onCreated={(l) => {
            setCreating(false);
            setCurrent(l);
          }}
        />
      )}
    </section>
  );
}

function PickingView({
  list,
  canPick,
  onChange,
  onBack,
}: {
  list: PickList;
  canPick: boolean;
  onChange(l: PickList): void;
  onBack(): void;
}) {
  const [code, setCode] = useState('');
  const [last, setLast] = useState<{ ok: boolean; text: string } | null>(null);
  const [pdf, setPdf] = useState<OutputOf<'documents.pickList'> | null>(null);
  const scanRef = useRef<HTMLInputElement>(null);
  useEffect(() => scanRef.current?.focus(), []);
  const open = list.status === 'open';

  const scan = async () => {
    const text = code.trim();
    setCode('');
    if (!text) return;
    try {
      const result = await call('picking.scan', { pickListId: list.id, code: text });
      setLast({ ok: true, text: result.message });
      onChange(result.pickList);
    } catch (e) {
      setLast({ ok: false, text: (e as Error).message });
      errorBeep();
    }
    scanRef.current?.focus();
  };
  const act = async (run: () => Promise<PickList | { message: string; pickList: PickList }>) => {
    try {
      const result = await run();
      if ('pickList' in result) {
        setLast({ ok: true, text: result.message });
        onChange(result.pickList);
      } else onChange(result);
    } catch (e) {
      setLast({ ok: false, text: (e as Error).message });
    }
    scanRef.current?.focus();
  };
  const done = list.lines.reduce((s, l) => s + l.picked + l.short, 0);
  const total = list.lines.reduce((s, l) => s + l.quantity, 0);

  return (
    <section className="screen picking">
      <header className="screen-head">
        <button className="ghost" onClick={onBack}>
          ← Pick lists
        </button>
        <h1>{list.number}</h1>
        <span className="muted">
          {list.warehouseCode} · {done} of {total} done
        </span>
        <div className="toolbar">
          <button onClick={() => void call('documents.pickList', { id: list.id }).then(setPdf)}>Print pick list</button>
          {open && canPick && (
            <button
              className="primary"
              onClick={() =>
                void act(async () => {
                  const l = await call('picking.complete', { id: list.id });
                  toast.ok(`${l.number} complete`);
                  return l;
                })
              }
            >
              Complete
            </button>
          )}
        </div>
      </header>
      {open && canPick && (
        <div className="scan-box">
          <label htmlFor="scan">Scan (barcode or GS1)</label>
          <input
            id="scan"
            ref={scanRef}
            autoComplete="off"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && void scan()}
            placeholder="Scan, or type and press Enter"
          />
        </div>
      )}
      {last && (
        <div
          className={`scan-result ${last.ok ? 'ok' : 'bad'}`}
          role={last.ok ? 'status' : 'alert'}
          data-testid="scan-result"
        >
          {last.text}
        </div>
      )}
      <table className="lines pick" aria-label="Lines to pick">
        <thead>
          <tr>
            <th>Rack</th>
            <th>Product</th>
            <th>Batch</th>
            <th>Expiry</th>
            <th className="right">To pick</th>
            <th className="right">Picked</th>
            <th>Order</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {list.lines.map((l) => {
            const left = l.quantity - l.picked - l.short;
            return (
              <tr key={l.id} className={left === 0 ? 'done' : ''} data-testid="pick-line">
                <td className="strong">{l.rack || '—'}</td>
                <td>
                  <strong>{l.sku}</strong> {l.productName} {l.isFree && <span className="pill active">FREE</span>}
                </td>
                <td>{l.batchNo}</td>
                <td>{l.expiresOn ?? '—'}</td>
                <td className="right num">
                  <strong>{formatPacks(l.quantity, l)}</strong>
                  {formatPacks(l.quantity, l) !== `${l.quantity} ${l.baseUnit}` && (
                    <div className="why">
                      {l.quantity} {l.baseUnit}
                    </div>
                  )}
                </td>
                <td className="right num">
                  {formatPacks(l.picked, l)}
                  {l.short ? <div className="why bad">{formatPacks(l.short, l)} short</div> : null}
                </td>
                <td>
                  {l.orderNumber}
                  <div className="why">{l.customerName}</div>
                </td>
                <td>
                  {open && canPick && left > 0 && (
                    <span className="line-actions">
                      <button
                        onClick={() =>
                          void act(() =>
                            call('picking.setPicked', {
                              pickListId: list.id,
                              lineId: l.id,
                              picked: l.quantity - l.short,
                            }),
                          )
                        }
                      >
                        All picked
                      </button>
                      <button
                        onClick={() =>
                          void act(() =>
                            call('picking.short', { pickListId: list.id, lineId: l.id, action: 'reallocate' }),
                          )
                        }
                      >
                        Short: other batch
                      </button>
                      <button
                        onClick={() =>
                          void act(() =>
                            call('picking.short', { pickListId: list.id, lineId: l.id, action: 'backorder' }),
                          )
                        }
                      >
                        Short: backorder
                      </button>
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {pdf && <PdfPreview pdf={pdf} onClose={() => setPdf(null)} />}
    </section>
  );
}
