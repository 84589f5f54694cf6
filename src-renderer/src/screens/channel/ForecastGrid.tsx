import { useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { CustomerPicker } from '../../components/CustomerPicker';
import { ProductPicker } from '../../components/ProductPicker';

type Month = OutputOf<'forecasts.compare'>['months'][number];

/**
 * One line per customer × product × month with its forecast (editable) beside booked, billed and sell-out. A new
 * cell: choose the customer, the month, then the product.
 */
export function ForecastGrid({
  months,
  edits,
  onEdit,
  onAdd,
}: {
  months: Month[];
  edits: Record<string, number>;
  onEdit(key: string, quantity: number): void;
  onAdd(key: string): void;
}) {
  const [customer, setCustomer] = useState<{ id: number | null; label: string }>({ id: null, label: '' });
  const [month, setMonth] = useState(months[0]?.month ?? '');
  const keyOf = (m: { customerId: number; productId: number; month: string }) =>
    `${m.customerId}|${m.productId}|${m.month}`;
  const added = Object.keys(edits).filter((k) => !months.some((m) => keyOf(m) === k));
  return (
    <>
      <table className="plain" data-testid="forecast-grid">
        <thead>
          <tr>
            <th>Customer</th>
            <th>Product</th>
            <th>Month</th>
            <th className="num">Forecast</th>
            <th className="num">Booked</th>
            <th className="num">Billed</th>
            <th className="num">Sell-out</th>
          </tr>
        </thead>
        <tbody>
          {months.map((m) => {
            const key = keyOf(m);
            return (
              <tr key={key}>
                <td>{m.customerName}</td>
                <td>
                  {m.sku} {m.productName}
                </td>
                <td>{m.month}</td>
                <td>
                  <input
                    className="num"
                    aria-label={`Forecast ${m.customerName} ${m.sku} ${m.month}`}
                    inputMode="numeric"
                    value={edits[key] ?? m.forecast ?? ''}
                    onChange={(e) => onEdit(key, Number(e.target.value) || 0)}
                  />
                </td>
                <td className="num">{m.booked}</td>
                <td className="num">{m.billed}</td>
                <td className="num">{m.sellOut}</td>
              </tr>
            );
          })}
          {added.map((key) => (
            <tr key={key}>
              <td colSpan={3}>New cell {key.split('|')[2]}</td>
              <td>
                <input
                  className="num"
                  aria-label={`Forecast new ${key}`}
                  autoFocus
                  value={edits[key]}
                  onChange={(e) => onEdit(key, Number(e.target.value) || 0)}
                />
              </td>
              <td colSpan={3} />
            </tr>
          ))}
        </tbody>
      </table>
      <div className="toolbar">
        <CustomerPicker
          label="Add for customer"
          name="fc-add-customer"
          types={[]}
          value={customer.id}
          valueLabel={customer.label}
          onChange={(id, label) => setCustomer({ id, label })}
        />
        <div className="field">
          <label htmlFor="fc-add-month">Month</label>
          <input id="fc-add-month" type="month" value={month} onChange={(e) => setMonth(e.target.value)} />
        </div>
        <ProductPicker
          label="Add product"
          onPick={(p) => customer.id !== null && month && onAdd(`${customer.id}|${p.id}|${month}`)}
        />
      </div>
    </>
  );
}
