import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../src-shared/contract';
import { call } from '../api/client';
import { toast } from '../stores/toast-store';

type ImportRecord = OutputOf<'imports.list'>[number];

const kindOf = {
  'products.import': 'products',
  'customers.import': 'customers',
  'inventory.importOpening': 'opening_stock',
  'supplierRates.import': 'supplier_rates',
} as const;

/**
 * An import that stopped part-way (Stockist closed, or a row clashed with a save made meanwhile): the rows before
 * its next row are in the ledger, none after. Says so plainly and offers to resume from that row.
 */
export function InterruptedImports({
  operation,
  refresh,
  onResumed,
}: {
  operation: keyof typeof kindOf;
  /** changes when the dialog has just run an import, to look again */
  refresh: number;
  onResumed(): void;
}) {
  const [left, setLeft] = useState<ImportRecord[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void call('imports.list', { status: 'interrupted' })
      .then((rows) => setLeft(rows.filter((r) => r.kind === kindOf[operation])))
      .catch(() => setLeft([]));
  }, [operation, refresh]);

  async function resume(record: ImportRecord) {
    setBusy(true);
    try {
      const result = await call('imports.resume', { id: record.id });
      if (result.interruptedAtRow !== null) toast.error(`Stopped again at row ${result.interruptedAtRow}`);
      else toast.ok(`Imported the remaining ${result.imported} rows`);
      onResumed();
      setLeft((rows) => rows.filter((r) => r.id !== record.id || result.interruptedAtRow !== null));
    } catch (e) {
      toast.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  if (left.length === 0) return null;
  return (
    <div className="import-interrupted" role="status" data-testid="import-interrupted">
      {left.map((r) => (
        <p key={r.id}>
          <strong>Import interrupted at row {r.nextRow}</strong> ({r.imported} of {r.total} rows imported
          {r.startedBy ? ` by ${r.startedBy}` : ''}; nothing from row {r.nextRow} on). {r.message}{' '}
          <button disabled={busy} onClick={() => resume(r)}>
            Resume from row {r.nextRow}
          </button>
        </p>
      ))}
    </div>
  );
}
