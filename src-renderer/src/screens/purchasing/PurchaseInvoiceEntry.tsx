import { useEffect, useRef, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { formatDocDate } from '../../../../src-shared/dates';
import { formatMoney } from '../../../../src-shared/money';
import { call, ApiError } from '../../api/client';
import { useDocumentKey } from '../../api/document-key';
import { useDebounced } from '../../components/use-debounced';
import { useHotkeys } from '../../components/use-hotkeys';
import { useWarehouseOptions } from '../../components/use-warehouse-options';
import { businessToday } from '../../stores/business-date';
import { toast } from '../../stores/toast-store';
import { buildInvoice, type DraftHead, type DraftLine } from './invoice-draft';
import { PurchaseInvoiceLines } from './PurchaseInvoiceLines';
import { PurchaseInvoiceTotals } from './PurchaseInvoiceTotals';

type Worked = OutputOf<'purchaseInvoices.preview'>;
type Problem = { field: string; message: string };
const rupees = (paise: number) => formatMoney(paise, { symbol: false });
const freshHead = (): DraftHead => ({
  supplierId: 0,
  supplierInvoiceNo: '',
  invoiceDate: businessToday(),
  warehouseId: 0,
  purchaseOrderId: null,
  freightText: '',
  otherText: '',
});

/** The brand's invoice as it arrives: head, lines, charges; worked out live, posted with Ctrl+Enter. */
export function PurchaseInvoiceEntry({ onPosted }: { onPosted(): void }) {
  const warehouses = useWarehouseOptions();
  const [suppliers, setSuppliers] = useState<OutputOf<'suppliers.list'>>([]);
  const [orders, setOrders] = useState<OutputOf<'purchaseOrders.list'>>([]);
  const [head, setHead] = useState<DraftHead>(freshHead);
  const [lines, setLines] = useState<DraftLine[]>([]);
  const [worked, setWorked] = useState<Worked | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [posting, setPosting] = useState(false);
  const key = useDocumentKey();
  const pickerRef = useRef<HTMLInputElement>(null);
  useEffect(() => void call('suppliers.list', { includeInactive: false }).then(setSuppliers), []);
  const supplierId = head.supplierId || (suppliers[0]?.id ?? 0);
  const warehouseId = head.warehouseId || Number(warehouses[0]?.value ?? 0);
  const full = { ...head, supplierId, warehouseId };
  useEffect(() => {
    if (!supplierId) return;
    void call('purchaseOrders.list', { supplierId }).then((rows) =>
      setOrders(rows.filter((o) => o.status === 'open' || o.status === 'partly_received')),
    );
  }, [supplierId]);
  const set = (patch: Partial<DraftHead>) => setHead((h) => ({ ...h, ...patch }));
  const setLine = (i: number, patch: Partial<DraftLine>) =>
    setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));

  const pickOrder = async (id: number | null) => {
    set({ purchaseOrderId: id });
    if (id === null) return;
    const po = await call('purchaseOrders.get', { id });
    set({ purchaseOrderId: id, warehouseId: po.warehouseId });
    setLines(
      po.lines
        .filter((l) => l.quantity > l.received)
        .map((l) => ({
          productId: l.productId,
          sku: l.sku,
          name: l.productName,
          batchNo: '',
          manufacturedOn: '',
          expiresOn: '',
          mrpText: '',
          qtyText: String(l.quantity - l.received),
          freeText: '',
          rateText: rupees(l.rate),
          discText: l.discountBps ? String(l.discountBps / 100) : '',
        })),
    );
  };

  // Worked out again once typing pauses; a box that cannot be read yet is pointed at instead.
  const built = buildInvoice(full, lines);
  const settled = useDebounced(JSON.stringify(built), 300);
  useEffect(() => {
    const b = JSON.parse(settled) as ReturnType<typeof buildInvoice>;
    if (!b.ok) return setProblem(lines.length ? { field: b.field, message: b.message } : null);
    if (!b.input.supplierId || !b.input.warehouseId || b.input.lines.length === 0) return setWorked(null);
    let live = true;
    call('purchaseInvoices.preview', b.input)
      .then((w) => live && (setWorked(w), setProblem(null)))
      .catch((e: ApiError) => live && setProblem({ field: e.field ?? '', message: e.message }));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settled]);

  const post = async () => {
    if (posting) return;
    if (!built.ok) return setProblem({ field: built.field, message: built.message });
    setPosting(true);
    try {
      const pin = await call('purchaseInvoices.post', built.input, key.options);
      toast.ok(`Posted ${pin.number} (${pin.supplierInvoiceNo}): ${formatMoney(pin.totals.total)}`);
      key.renew();
      setHead({ ...freshHead(), supplierId, warehouseId });
      setLines([]);
      setWorked(null);
      setProblem(null);
      onPosted();
    } catch (e) {
      const err = e as ApiError;
      setProblem({ field: err.field ?? '', message: err.message });
    } finally {
      setPosting(false);
    }
  };
  useHotkeys({ 'ctrl+enter': () => void post() });

  const at = (field: string) => (problem?.field === field ? problem.message : '');
  const headField = (id: string, field: string, label: string, input: React.ReactNode) => (
    <div className={`field ${at(field) ? 'has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {input}
      {at(field) && <div className="field-error">{at(field)}</div>}
    </div>
  );
  const lineProblem = problem && problem.field.startsWith('lines') ? problem : null;
  const otherProblem =
    problem &&
    !['supplierId', 'supplierInvoiceNo', 'invoiceDate', 'warehouseId', 'freight', 'otherCharges'].includes(
      problem.field,
    )
      ? problem
      : null;
  return (
    <div className="purchase-invoice-entry" aria-label="New purchase invoice" role="region">
      <div className="grid">
        {headField(
          'pin-supplier',
          'supplierId',
          'Supplier',
          <select
            id="pin-supplier"
            value={supplierId}
            onChange={(e) => {
              set({ supplierId: Number(e.target.value), purchaseOrderId: null });
              setLines([]);
            }}
          >
            {suppliers.map((s) => (
              <option key={s.id} value={s.id}>
                {s.code} — {s.name}
              </option>
            ))}
          </select>,
        )}
        {headField(
          'pin-no',
          'supplierInvoiceNo',
          'Their invoice no.',
          <input
            id="pin-no"
            value={head.supplierInvoiceNo}
            autoComplete="off"
            onChange={(e) => set({ supplierInvoiceNo: e.target.value.toUpperCase() })}
          />,
        )}
        {headField(
          'pin-date',
          'invoiceDate',
          'Invoice date',
          <input
            id="pin-date"
            type="date"
            value={head.invoiceDate}
            onChange={(e) => set({ invoiceDate: e.target.value })}
          />,
        )}
        {headField(
          'pin-wh',
          'warehouseId',
          'Received into',
          <select id="pin-wh" value={warehouseId} onChange={(e) => set({ warehouseId: Number(e.target.value) })}>
            {warehouses.map((w) => (
              <option key={w.value} value={w.value}>
                {w.label}
              </option>
            ))}
          </select>,
        )}
        {headField(
          'pin-po',
          'purchaseOrderId',
          'Against order',
          <select
            id="pin-po"
            value={head.purchaseOrderId ?? ''}
            onChange={(e) => void pickOrder(e.target.value ? Number(e.target.value) : null)}
          >
            <option value="">No order</option>
            {orders.map((o) => (
              <option key={o.id} value={o.id}>
                {o.number} of {formatDocDate(o.orderDate)} — {formatMoney(o.amount)}
              </option>
            ))}
          </select>,
        )}
      </div>
      {lineProblem || otherProblem ? (
        <div className="form-error" role="alert">
          {(lineProblem ?? otherProblem)!.message}
        </div>
      ) : null}
      <PurchaseInvoiceLines
        ref={pickerRef}
        lines={lines}
        worked={worked?.lines ?? []}
        errorField={problem?.field ?? ''}
        setLine={setLine}
        remove={(i) => setLines((ls) => ls.filter((_, j) => j !== i))}
        onPick={(p) =>
          setLines((ls) => [
            ...ls,
            {
              productId: p.id,
              sku: p.sku,
              name: p.name,
              batchNo: '',
              manufacturedOn: '',
              expiresOn: '',
              mrpText: '',
              qtyText: '',
              freeText: '',
              rateText: '',
              discText: '',
            },
          ])
        }
      />
      <div className="grid">
        {headField(
          'pin-freight',
          'freight',
          'Freight ₹',
          <input id="pin-freight" value={head.freightText} onChange={(e) => set({ freightText: e.target.value })} />,
        )}
        {headField(
          'pin-other',
          'otherCharges',
          'Other charges ₹',
          <input id="pin-other" value={head.otherText} onChange={(e) => set({ otherText: e.target.value })} />,
        )}
      </div>
      <PurchaseInvoiceTotals worked={worked} />
      <div className="toolbar">
        <button className="primary" disabled={posting || lines.length === 0} onClick={() => void post()}>
          Post purchase invoice <kbd>Ctrl+Enter</kbd>
        </button>
      </div>
    </div>
  );
}
