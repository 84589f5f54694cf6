import type { InputOf, OutputOf } from '../../../../src-shared/contract';
import { freightBasisLabels, freightBases } from '../../../../src-shared/contract/channel-shipping';
import { formatMoney, formatRate, parseMoney, parseRate } from '../../../../src-shared/money';
import { TransporterSelect } from '../../components/TransporterSelect';

type Terms = OutputOf<'shipping.customerTerms'>;
export interface TermsDraft {
  freightBasis: Terms['freightBasis'];
  transporterId: number | null;
  carrierAccount: string;
  packingInstructions: string;
  freightRule: Terms['freightRule'];
  amountText: string;
  rateText: string;
}
export const blankTerms: TermsDraft = {
  freightBasis: 'paid',
  transporterId: null,
  carrierAccount: '',
  packingInstructions: '',
  freightRule: null,
  amountText: '',
  rateText: '',
};

export const draftOf = (t: Omit<Terms, 'customerId'>): TermsDraft => ({
  freightBasis: t.freightBasis,
  transporterId: t.transporterId,
  carrierAccount: t.carrierAccount,
  packingInstructions: t.packingInstructions,
  freightRule: t.freightRule,
  amountText: t.freightAmount ? formatMoney(t.freightAmount, { symbol: false }) : '',
  rateText: t.freightRateBps ? formatRate(t.freightRateBps).replace('%', '') : '',
});

/** The draft as the API takes it; an unreadable amount goes as -1 so the server names the field. */
export function termsInput(d: TermsDraft): Omit<InputOf<'shipping.saveCustomerTerms'>, 'customerId'> {
  const billed = d.freightBasis === 'for_destination';
  return {
    freightBasis: d.freightBasis,
    transporterId: d.transporterId,
    carrierAccount: d.carrierAccount,
    packingInstructions: d.packingInstructions,
    freightRule: billed ? d.freightRule : null,
    freightAmount: billed && d.freightRule === 'flat' ? (parseMoney(d.amountText || '0') ?? -1) : 0,
    freightRateBps: billed && d.freightRule === 'percent' ? (parseRate(d.rateText || '0') ?? -1) : 0,
  };
}

/** Freight basis, preferred transporter, carrier account, packing and the freight rule: plain fields, Tab order. */
export function ShippingTermsFields({ value, onChange }: { value: TermsDraft; onChange(next: TermsDraft): void }) {
  const set = (patch: Partial<TermsDraft>) => onChange({ ...value, ...patch });
  const billed = value.freightBasis === 'for_destination';
  return (
    <div className="grid" aria-label="Shipping terms">
      <div className="field">
        <label htmlFor="ship-basis">Freight</label>
        <select
          id="ship-basis"
          data-field="freightBasis"
          value={value.freightBasis}
          onChange={(e) => {
            const freightBasis = e.target.value as TermsDraft['freightBasis'];
            set({
              freightBasis,
              freightRule: freightBasis === 'for_destination' ? (value.freightRule ?? 'flat') : null,
            });
          }}
        >
          {freightBases.map((b) => (
            <option key={b} value={b}>
              {freightBasisLabels[b]}
            </option>
          ))}
        </select>
      </div>
      {billed && (
        <div className="field">
          <label htmlFor="ship-rule">Freight charge</label>
          <select
            id="ship-rule"
            data-field="freightRule"
            value={value.freightRule ?? 'flat'}
            onChange={(e) => set({ freightRule: e.target.value as 'flat' | 'percent' })}
          >
            <option value="flat">Flat per invoice</option>
            <option value="percent">% of goods value</option>
          </select>
        </div>
      )}
      {billed && value.freightRule !== 'percent' && (
        <div className="field">
          <label htmlFor="ship-amount">Freight ₹ per invoice</label>
          <input
            id="ship-amount"
            data-field="freightAmount"
            value={value.amountText}
            onChange={(e) => set({ amountText: e.target.value })}
          />
        </div>
      )}
      {billed && value.freightRule === 'percent' && (
        <div className="field">
          <label htmlFor="ship-rate">Freight % of goods</label>
          <input
            id="ship-rate"
            data-field="freightRateBps"
            value={value.rateText}
            onChange={(e) => set({ rateText: e.target.value })}
          />
        </div>
      )}
      <TransporterSelect
        id="ship-transporter"
        label="Preferred transporter"
        noneLabel="None"
        value={value.transporterId}
        onChange={(transporterId) => set({ transporterId })}
      />
      <div className="field">
        <label htmlFor="ship-account">Carrier account no.</label>
        <input
          id="ship-account"
          data-field="carrierAccount"
          value={value.carrierAccount}
          onChange={(e) => set({ carrierAccount: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="ship-packing">Packing instructions</label>
        <input
          id="ship-packing"
          data-field="packingInstructions"
          value={value.packingInstructions}
          onChange={(e) => set({ packingInstructions: e.target.value })}
        />
      </div>
    </div>
  );
}
