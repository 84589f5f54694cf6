import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { formatMoney } from '../../../../src-shared/money';
import { call, ApiError } from '../../api/client';
import { useDocumentKey } from '../../api/document-key';
import { businessTime } from '../../stores/business-date';
import { toast } from '../../stores/toast-store';
import { EwayBillFields, type EwayBills } from './EwayBillFields';
import { downloadEwayBills, SkippedList } from './EwayBillFile';
import { emptyTransport, TransportFields, transportInput } from './TransportFields';

type Note = OutputOf<'dispatches.pending'>[number];
type Warehouse = OutputOf<'warehouses.list'>[number];
const tripLabels = {
  vehicleNo: 'Vehicle no.',
  driver: 'Driver',
  transporter: 'Transporter',
  lrNumber: 'LR / docket',
  route: 'Route',
} as const;
const emptyTrip = { vehicleNo: '', driver: '', transporter: '', lrNumber: '', route: '' };
const routeName = (route: string) => route || 'No route';

/**
 * The dispatch board: notes waiting for a vehicle, filtered by warehouse, route and day, loaded by
 * keyboard (↑↓ move, Space loads one, R loads the whole route, Ctrl+Enter dispatches). Each note
 * leaves under its invoice; one above the company's limit asks for its e-way bill.
 */
export function DispatchBoard({
  canWrite,
  onDispatched,
  refreshKey = 0,
}: {
  canWrite: boolean;
  onDispatched(id: number): void;
  /** bumped when e-way bills are imported, so their numbers and warnings show */
  refreshKey?: number;
}) {
  const documentKey = useDocumentKey(); // one key per trip: a second Ctrl+Enter cannot dispatch it twice
  const [filter, setFilter] = useState({ warehouseId: null as number | null, route: '', from: '', to: '' });
  const [notes, setNotes] = useState<Note[]>([]);
  const [routes, setRoutes] = useState<string[]>([]);
  const [warehouses, setWarehouses] = useState<Warehouse[]>([]);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [cursor, setCursor] = useState(0);
  const [trip, setTrip] = useState(emptyTrip);
  const [ewayBills, setEwayBills] = useState<EwayBills>({});
  const [transport, setTransport] = useState(emptyTransport);
  const [skipped, setSkipped] = useState<Awaited<ReturnType<typeof downloadEwayBills>>>([]);
  const [error, setError] = useState({ message: '', field: '' });
  const [loaded, setLoaded] = useState(0);
  const rows = useRef<(HTMLTableRowElement | null)[]>([]);
  useEffect(() => {
    void call('warehouses.list', { includeInactive: false })
      .then(setWarehouses)
      .catch(() => setWarehouses([]));
  }, []);
  useEffect(() => {
    void call('dispatches.pending', filter).then((r) => {
      setNotes(r);
      setCursor((c) => Math.min(c, Math.max(r.length - 1, 0)));
    });
    void call('dispatches.pending', { ...filter, route: '' }).then((r) =>
      setRoutes([...new Set(r.map((n) => n.route))].sort()),
    );
  }, [filter, loaded, refreshKey]);
  // Only what is shown can leave: a note filtered out is not loaded behind the clerk's back.
  const loading = notes.filter((n) => chosen.has(n.id));
  const packages = loading.reduce((s, n) => s + n.packages, 0);
  const value = loading.reduce((s, n) => s + (n.invoiceTotal ?? 0), 0);

  const toggle = (ids: number[]) => {
    const next = new Set(chosen);
    const all = ids.every((id) => next.has(id));
    for (const id of ids)
      if (all) next.delete(id);
      else next.add(id);
    setChosen(next);
    // The customer's preferred transporter is the trip's default until the clerk picks one.
    const preferred = notes.find((n) => next.has(n.id) && n.shipping.transporterId !== null)?.shipping;
    if (preferred && transport.transporterId === null) {
      setTransport({ ...transport, transporterId: preferred.transporterId });
      if (!trip.transporter) setTrip((t) => ({ ...t, transporter: preferred.transporterName }));
    }
  };
  const toggleRoute = (n: Note) => {
    toggle(notes.filter((x) => x.route === n.route).map((x) => x.id));
    if (!trip.route && n.route) setTrip({ ...trip, route: n.route });
  };
  const move = (to: number) => {
    const i = Math.max(0, Math.min(notes.length - 1, to));
    setCursor(i);
    rows.current[i]?.focus();
  };
  const onRowKey = (e: KeyboardEvent, i: number) => {
    const n = notes[i]!;
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(i + 1),
      ArrowUp: () => move(i - 1),
      Home: () => move(0),
      End: () => move(notes.length - 1),
      ' ': () => toggle([n.id]),
      r: () => toggleRoute(n),
      R: () => toggleRoute(n),
      a: () => toggle(notes.map((x) => x.id)),
    };
    const run = !e.ctrlKey && !e.altKey ? keys[e.key] : undefined;
    if (run) {
      e.preventDefault();
      run();
    }
  };
  const dispatch = async () => {
    try {
      const bills = Object.fromEntries(
        loading.filter((n) => ewayBills[n.id]).map((n) => [String(n.id), ewayBills[n.id]!]),
      );
      const d = await call(
        'dispatches.create',
        { ...trip, ...transportInput(transport), deliveryNoteIds: loading.map((n) => n.id), ewayBills: bills },
        documentKey.options,
      );
      documentKey.renew();
      toast.ok(`${d.number} dispatched on ${d.vehicleNo}: ${d.notes.length} note(s)`);
      setChosen(new Set());
      setEwayBills({});
      setTrip(emptyTrip);
      setTransport(emptyTransport);
      setSkipped([]);
      setError({ message: '', field: '' });
      setLoaded((x) => x + 1);
      onDispatched(d.id);
    } catch (e) {
      const field = e instanceof ApiError ? (e.field ?? '') : '';
      setError({ message: (e as Error).message, field });
      document.querySelector<HTMLElement>(`[data-field="${field}"]`)?.focus();
    }
  };
  const exportEwayBills = async () => {
    try {
      const { vehicleNo, lrNumber } = trip;
      const ids = loading.map((n) => n.id);
      const transportOut = { ...transportInput(transport), vehicleNo, lrNumber };
      setSkipped(await downloadEwayBills({ deliveryNoteIds: ids, transport: transportOut }));
      setError({ message: '', field: '' });
    } catch (e) {
      setError({ message: (e as Error).message, field: e instanceof ApiError ? (e.field ?? '') : '' });
    }
  };
  const onFormKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      if (loading.length) void dispatch();
    }
  };

  return (
    <form
      className="card dispatch-load"
      aria-label="Load a vehicle"
      onKeyDown={onFormKey}
      onSubmit={(e) => {
        e.preventDefault();
        void dispatch();
      }}
    >
      <h2>Load a vehicle</h2>
      {canWrite && (
        <div className="grid trip">
          {(Object.keys(tripLabels) as (keyof typeof tripLabels)[]).map((k) => (
            <div className="field" key={k}>
              <label htmlFor={`trip-${k}`}>{tripLabels[k]}</label>
              <input
                id={`trip-${k}`}
                data-field={k}
                value={trip[k]}
                onChange={(e) => setTrip({ ...trip, [k]: e.target.value })}
              />
            </div>
          ))}
        </div>
      )}
      {canWrite && <TransportFields value={transport} onChange={setTransport} />}
      <div className="toolbar left board-filters">
        <select
          aria-label="Warehouse"
          value={filter.warehouseId ?? ''}
          onChange={(e) => setFilter({ ...filter, warehouseId: e.target.value ? Number(e.target.value) : null })}
        >
          <option value="">All warehouses</option>
          {warehouses.map((w) => (
            <option key={w.id} value={w.id}>
              {w.code} · {w.name}
            </option>
          ))}
        </select>
        <select
          aria-label="Route filter"
          value={filter.route}
          onChange={(e) => setFilter({ ...filter, route: e.target.value })}
        >
          <option value="">All routes</option>
          {routes.map((r) => (
            <option key={r} value={r || '-'}>
              {routeName(r)}
            </option>
          ))}
        </select>
        <label className="check">
          Posted from{' '}
          <input
            type="date"
            aria-label="Posted from"
            value={filter.from}
            onChange={(e) => setFilter({ ...filter, from: e.target.value })}
          />
        </label>
        <label className="check">
          to{' '}
          <input
            type="date"
            aria-label="Posted to"
            value={filter.to}
            onChange={(e) => setFilter({ ...filter, to: e.target.value })}
          />
        </label>
      </div>
      {notes.length === 0 ? (
        <p className="muted">
          No delivery note waits for a vehicle
          {filter.route || filter.warehouseId || filter.from || filter.to ? ' under these filters' : ''}.
        </p>
      ) : (
        <table className="plain board" role="grid" aria-label="Delivery notes to dispatch" aria-multiselectable="true">
          <thead>
            <tr>
              <th />
              <th>Delivery note</th>
              <th>Customer</th>
              <th>City</th>
              <th>Route</th>
              <th>Whse</th>
              <th>Posted</th>
              <th className="num">Pkgs</th>
              <th>Invoice</th>
              <th className="num">Value</th>
              <th>E-way bill</th>
              <th>Shipping terms</th>
            </tr>
          </thead>
          <tbody>
            {notes.map((n, i) => (
              <tr
                key={n.id}
                ref={(el) => {
                  rows.current[i] = el;
                }}
                tabIndex={i === cursor ? 0 : -1}
                aria-selected={chosen.has(n.id)}
                className={chosen.has(n.id) ? 'chosen' : ''}
                onFocus={() => setCursor(i)}
                onKeyDown={(e) => onRowKey(e, i)}
              >
                <td>
                  <input
                    type="checkbox"
                    tabIndex={-1}
                    aria-label={`Load ${n.number}`}
                    checked={chosen.has(n.id)}
                    data-field={`deliveryNoteIds.${loading.findIndex((l) => l.id === n.id)}`}
                    onChange={() => toggle([n.id])}
                  />
                </td>
                <td>{n.number}</td>
                <td>{n.customerName}</td>
                <td>{n.city}</td>
                <td>{routeName(n.route)}</td>
                <td>{n.warehouseCode}</td>
                <td>{n.postedOn}</td>
                <td className="num">{n.packages}</td>
                <td>{n.invoiceNumber ?? <span className="pill blocked">not invoiced</span>}</td>
                <td className="num">{n.invoiceTotal === null ? '—' : formatMoney(n.invoiceTotal)}</td>
                <td>
                  {n.ewayBill ? (
                    <span title={n.ewayBillValidUpto ? `valid to ${businessTime(n.ewayBillValidUpto)}` : ''}>
                      EWB {n.ewayBill}
                    </span>
                  ) : n.needsEwayBill ? (
                    <span className="pill on_hold">needs e-way bill</span>
                  ) : (
                    ''
                  )}
                  {n.ewayBillWarning && (
                    <div className="pill blocked" role="note">
                      {n.ewayBillWarning}
                    </div>
                  )}
                </td>
                <td>
                  {n.shipping.summary}
                  {n.shipping.transporterName && <div className="muted">{n.shipping.transporterName}</div>}
                  {n.shipping.carrierAccount && <div className="muted">A/c {n.shipping.carrierAccount}</div>}
                  {n.shipping.packingInstructions && (
                    <div className="muted">Packing: {n.shipping.packingInstructions}</div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted board-keys">
        ↑↓ move · Space loads a note · R loads its whole route · A all shown · Ctrl+Enter dispatches
      </p>
      {canWrite && (
        <>
          <EwayBillFields
            notes={loading.filter((n) => n.needsEwayBill)}
            value={ewayBills}
            onChange={setEwayBills}
            errorField={error.field}
          />
          <div className="toolbar left">
            <button type="button" disabled={loading.length === 0} onClick={() => void exportEwayBills()}>
              Download e-way bill JSON
            </button>
          </div>
          <SkippedList skipped={skipped} />
          <button className="primary" type="submit" disabled={loading.length === 0}>
            Dispatch {loading.length} note(s){loading.length ? ` · ${packages} pkgs · ${formatMoney(value)}` : ''}
          </button>
        </>
      )}
      {error.message && (
        <div className="form-error" role="alert">
          {error.message}
        </div>
      )}
    </form>
  );
}
