import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { call } from '../../api/client';

/** One outlet's reports over time, newest first. */
export function OutletHistory({ customerId }: { customerId: number }) {
  const [rows, setRows] = useState<OutputOf<'channelStock.history'>>([]);
  useEffect(() => void call('channelStock.history', { customerId, productId: null }).then(setRows), [customerId]);
  return (
    <>
      <h2>History</h2>
      <table className="plain" data-testid="outlet-history">
        <thead>
          <tr>
            <th>Period</th>
            <th>Product</th>
            <th className="num">Closing</th>
            <th className="num">Sold</th>
            <th>Source</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.productId}-${r.reportDate}`}>
              <td>{r.periodStart === r.reportDate ? r.reportDate : `${r.periodStart} – ${r.reportDate}`}</td>
              <td>
                {r.sku} {r.productName}
              </td>
              <td className="num">{r.closingQuantity ?? ''}</td>
              <td className="num">{r.soldQuantity ?? ''}</td>
              <td>{r.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
