import { CustomerPicker } from '../../components/CustomerPicker';
import { useOrderDraft, type PartyRole } from '../../stores/order-draft-store';

const roles: { role: PartyRole; label: string; field: string }[] = [
  { role: 'billTo', label: 'Bill to', field: 'billToId' },
  { role: 'shipTo', label: 'Ship to', field: 'shipToId' },
  { role: 'payer', label: 'Payer', field: 'payerId' },
  { role: 'endBuyerParty', label: 'End buyer (agreements)', field: 'endBuyerId' },
];

/**
 * The order's other parties, folded under one line so a plain order stays one customer box: bill-to (whose GSTIN
 * the invoice carries), ship-to (its state is the place of supply), payer (whose account the invoice goes to) and
 * the end buyer whose agreements price the lines. Unset, the customer master's defaults apply.
 */
export function OrderParties() {
  const draft = useOrderDraft();
  const named = roles.filter((r) => draft[r.role]);
  const err = draft.error;
  const open = named.length > 0 || roles.some((r) => err?.field === r.field);
  return (
    <details className="order-parties" open={open || undefined}>
      <summary>
        Parties:{' '}
        {named.length === 0 ? "the customer's own" : named.map((r) => `${r.label} ${draft[r.role]!.label}`).join(' · ')}
      </summary>
      <div className="grid">
        {roles.map((r) => (
          <CustomerPicker
            key={r.role}
            label={r.label}
            name={r.field}
            value={draft[r.role]?.id ?? null}
            valueLabel={draft[r.role]?.label ?? ''}
            types={[]}
            error={err?.field === r.field ? err.message : undefined}
            onChange={(id, label) => draft.set({ [r.role]: id ? { id, label } : null })}
          />
        ))}
      </div>
    </details>
  );
}
