import { useState } from 'react';
import type { InputOf, OutputOf } from '../../../../src-shared/contract';
import { call } from '../../api/client';
import { downloadText } from '../../components/download';
import { businessTime, businessToday } from '../../stores/business-date';
import { toast } from '../../stores/toast-store';

type Skipped = OutputOf<'ewayBills.export'>['skipped'];
type Entry = InputOf<'ewayBills.import'>['entries'][number];

/**
 * Fetches the portal's bulk-upload file for a dispatch or the notes being loaded, saves it, and says which invoices
 * stayed out and why (under the limit, already has one). A refused file comes back as the thrown message.
 */
export async function downloadEwayBills(input: InputOf<'ewayBills.export'>): Promise<Skipped> {
  const out = await call('ewayBills.export', input);
  if (out.file) {
    const filename = `ewaybills-${businessToday()}.json`;
    downloadText({ filename, mime: 'application/json', text: JSON.stringify(out.file, null, 2) });
    toast.ok(`${out.included.length} e-way bill(s) in ${filename}`);
  } else toast.error('No invoice here needs an e-way bill');
  return out.skipped;
}

export function SkippedList({ skipped }: { skipped: Skipped }) {
  if (skipped.length === 0) return null;
  return (
    <ul className="muted" aria-label="Left out of the e-way bill file">
      {skipped.map((s) => (
        <li key={s.invoiceNumber}>{s.reason}</li>
      ))}
    </ul>
  );
}

/** One pasted line: invoice number, e-way bill number, generated at, valid upto (tabs from the portal's sheet, or commas). */
export function parseEwbLines(text: string): Entry[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && /\d{12}/.test(line))
    .map((line) => {
      const [invoiceNumber = '', ewayBill = '', generatedAt = '', validUpto = ''] = line
        .split(line.includes('\t') ? '\t' : ',')
        .map((c) => c.trim());
      return { invoiceNumber, ewayBill, generatedAt, validUpto };
    });
}

/** The portal's numbers pasted back: each invoice gets its e-way bill and validity; any bad row refuses the lot. */
export function EwayBillImport({ onImported }: { onImported(): void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const [recorded, setRecorded] = useState<OutputOf<'ewayBills.import'>['recorded']>([]);
  const run = async () => {
    try {
      const out = await call('ewayBills.import', { entries: parseEwbLines(text) });
      setRecorded(out.recorded);
      setText('');
      setError('');
      onImported();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section className="card" aria-label="Import EWB numbers">
      <h2>Import EWB numbers</h2>
      <div className="field">
        <label htmlFor="ewb-import">
          One line each: invoice number, e-way bill no., generated at, valid upto (tab or comma between)
        </label>
        <textarea id="ewb-import" rows={4} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <button type="button" disabled={!text.trim()} onClick={() => void run()}>
        Import
      </button>
      {error && (
        <div className="form-error" role="alert">
          {error}
        </div>
      )}
      {recorded.length > 0 && (
        <ul aria-label="Recorded e-way bills">
          {recorded.map((r) => (
            <li key={r.invoiceNumber}>
              {r.invoiceNumber}: EWB {r.ewayBill}, valid to {businessTime(r.validUpto)}
              {r.status === 'unchanged' ? ' (already held)' : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
