import type { OutputOf } from '../../../../src-shared/contract';
import { formatDocDate } from '../../../../src-shared/dates';
import { formatMoney } from '../../../../src-shared/money';

/** The bill's foot as the preview worked it out; dashes until there is something to work out. */
export function PurchaseInvoiceTotals({ worked }: { worked: OutputOf<'purchaseInvoices.preview'> | null }) {
  const t = worked?.totals;
  return (
    <table className="plain totals" aria-label="Invoice totals">
      <tbody>
        <tr>
          <td>Goods</td>
          <td className="num">{t ? formatMoney(t.gross) : '—'}</td>
        </tr>
        <tr>
          <td>Discount</td>
          <td className="num">{t ? formatMoney(t.discount) : '—'}</td>
        </tr>
        <tr>
          <td>Freight and charges</td>
          <td className="num">{t ? formatMoney(t.charges) : '—'}</td>
        </tr>
        <tr>
          <td>Taxable (landed)</td>
          <td className="num">{t ? formatMoney(t.taxable) : '—'}</td>
        </tr>
        <tr>
          <td>{worked?.intraState === false ? 'IGST' : 'CGST + SGST'}</td>
          <td className="num">{t ? formatMoney(t.cgst + t.sgst + t.igst) : '—'}</td>
        </tr>
        <tr>
          <td>Round-off</td>
          <td className="num">{t ? formatMoney(t.roundOff) : '—'}</td>
        </tr>
        <tr>
          <td>
            <strong>Invoice total</strong>
          </td>
          <td className="num">
            <strong>{t ? formatMoney(t.total) : '—'}</strong>
          </td>
        </tr>
        {t && t.tds > 0 && (
          <tr>
            <td>TDS 194Q to deduct</td>
            <td className="num">{formatMoney(t.tds)}</td>
          </tr>
        )}
        {worked && (
          <tr>
            <td>Due on</td>
            <td className="num">{formatDocDate(worked.dueOn)}</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
