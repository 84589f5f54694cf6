import type { OutputOf } from '../../../../src-shared/contract';
import { formatMoney } from '../../../../src-shared/money';

export type EwayBills = Record<number, { number: string; overrideReason: string }>;
type Note = OutputOf<'dispatches.pending'>[number];

/**
 * One row per consignment above the e-way bill limit: its 12-digit number, or (ticking "move
 * without") the reason, which is audited. Plain inputs and a checkbox, so Tab walks through them.
 */
export function EwayBillFields({
  notes,
  value,
  onChange,
  errorField,
}: {
  notes: Note[];
  value: EwayBills;
  onChange(next: EwayBills): void;
  errorField: string;
}) {
  if (notes.length === 0) return null;
  const set = (id: number, patch: Partial<EwayBills[number]>) =>
    onChange({ ...value, [id]: { number: '', overrideReason: '', ...value[id], ...patch } });
  return (
    <fieldset className="eway-bills">
      <legend className="muted">E-way bills: consignments above the company limit</legend>
      {notes.map((n) => {
        const entry = value[n.id];
        const overriding = entry !== undefined && entry.number === '' && entry.overrideReason !== '';
        const numberField = `ewayBills.${n.id}.number`;
        const reasonField = `ewayBills.${n.id}.overrideReason`;
        return (
          <div className="grid" key={n.id}>
            <div className="field">
              <label htmlFor={`ewb-${n.id}`}>E-way bill for {n.number}</label>
              <input
                id={`ewb-${n.id}`}
                data-field={numberField}
                inputMode="numeric"
                maxLength={12}
                placeholder="12 digits"
                aria-invalid={errorField === numberField}
                value={entry?.number ?? ''}
                disabled={overriding}
                onChange={(e) => set(n.id, { number: e.target.value.replace(/\D/g, '') })}
              />
              <div className="field-hint">
                {n.invoiceNumber} · {formatMoney(n.invoiceTotal ?? 0)}
              </div>
            </div>
            <div className="field">
              <label htmlFor={`ewb-why-${n.id}`}>Or move it without one, because</label>
              <input
                id={`ewb-why-${n.id}`}
                data-field={reasonField}
                placeholder="reason (audited)"
                aria-invalid={errorField === reasonField}
                value={entry?.overrideReason ?? ''}
                onChange={(e) =>
                  set(n.id, { overrideReason: e.target.value, number: e.target.value ? '' : (entry?.number ?? '') })
                }
              />
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}
