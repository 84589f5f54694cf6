import { useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { call } from '../../api/client';
import { CustomerPicker } from '../../components/CustomerPicker';

type Party = OutputOf<'tally.mapping'>['parties'][number];

/** Customers whose Tally ledger has another name than in Stockist (by default their name, with the code if shared). */
export function TallyPartyNames(props: { parties: Party[]; canWrite: boolean; onChange(): void }) {
  const [customer, setCustomer] = useState<{ id: number | null; label: string }>({ id: null, label: '' });
  const [ledgerName, setLedgerName] = useState('');
  const [error, setError] = useState('');
  const set = async (customerId: number, name: string) => {
    try {
      await call('tally.setPartyName', { customerId, ledgerName: name });
      setError('');
      setCustomer({ id: null, label: '' });
      setLedgerName('');
      props.onChange();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div aria-label="Party ledger names">
      <h3>Party ledger names</h3>
      {props.parties.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>Customer</th>
              <th>Ledger in Tally</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {props.parties.map((p) => (
              <tr key={p.customerId}>
                <td>
                  {p.name} ({p.code})
                </td>
                <td>{p.ledgerName}</td>
                <td>
                  {props.canWrite && (
                    <button className="link" onClick={() => void set(p.customerId, '')}>
                      Use the customer's name
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.canWrite && (
        <form
          className="grid"
          onSubmit={(e) => {
            e.preventDefault();
            if (customer.id !== null) void set(customer.id, ledgerName);
          }}
        >
          <CustomerPicker
            label="Customer"
            name="partyCustomer"
            value={customer.id}
            valueLabel={customer.label}
            types={[]}
            onChange={(id, label) => setCustomer({ id, label })}
          />
          <div className={`field ${error ? 'has-error' : ''}`}>
            <label htmlFor="tally-party-name">Ledger name in Tally</label>
            <input
              id="tally-party-name"
              name="ledgerName"
              value={ledgerName}
              onChange={(e) => setLedgerName(e.target.value)}
            />
            {error && (
              <div className="field-error" role="alert">
                {error}
              </div>
            )}
          </div>
          <div className="toolbar left">
            <button type="submit" disabled={customer.id === null}>
              Set ledger name
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
