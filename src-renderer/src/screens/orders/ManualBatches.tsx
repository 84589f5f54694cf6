import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { call } from '../../api/client';

/** For a manual-allocation line: the batches in stock with their expiry, and how many to take from each. */
export function ManualBatches({
  lineId,
  open,
  onDone,
}: {
  lineId: number;
  open: number;
  onDone(order: OutputOf<'orders.get'>): void;
}) {
  const [batches, setBatches] = useState<OutputOf<'orders.lineBatches'>>([]);
  const [take, setTake] = useState<Record<number, string>>({});
  const [error, setError] = useState('');
  useEffect(() => void call('orders.lineBatches', { orderLineId: lineId }).then(setBatches), [lineId]);
  const save = async () => {
    try {
      const chosen = Object.entries(take)
        .filter(([, q]) => Number(q) > 0)
        .map(([batchId, q]) => ({ batchId: Number(batchId), quantity: Number(q) }));
      onDone(await call('orders.allocateManually', { orderLineId: lineId, batches: chosen }));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="manual-batches">
      <div className="why">Choose batches for {open}:</div>
      {batches.map((b) => (
        <label key={b.batchId} className="check">
          {b.batchNo}{' '}
          <span className="muted">
            exp {b.expiresOn ?? '—'}, {b.available} free
          </span>
          <input
            aria-label={`Take from ${b.batchNo}`}
            inputMode="numeric"
            size={5}
            value={take[b.batchId] ?? ''}
            onChange={(e) => setTake({ ...take, [b.batchId]: e.target.value })}
          />
        </label>
      ))}
      <button onClick={() => void save()}>Reserve these</button>
      {error && (
        <div className="field-error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
