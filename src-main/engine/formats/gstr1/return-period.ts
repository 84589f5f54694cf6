/** A month (YYYY-MM) or the GST quarter holding it: the dates it covers and the return's `fp`. */
export interface ReturnPeriod {
  from: string;
  to: string;
  /** MMYYYY; for a quarter its last month (docs/formats/GSTR1.md: QRMP filers file for the quarter's last month) */
  fp: string;
  label: string;
}

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number) => String(n).padStart(2, '0');

/** GST quarters follow the financial year: Apr–Jun, Jul–Sep, Oct–Dec, Jan–Mar. */
export function returnPeriod(month: string, span: 'month' | 'quarter'): ReturnPeriod {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const first = span === 'month' ? m : m - ((m - 1) % 3);
  const last = span === 'month' ? m : first + 2;
  const label =
    span === 'month' ? `${monthNames[m - 1]} ${year}` : `${monthNames[first - 1]}–${monthNames[last - 1]} ${year}`;
  return {
    from: `${year}-${pad(first)}-01`,
    to: `${year}-${pad(last)}-${pad(lastDay(year, last))}`,
    fp: `${pad(last)}${year}`,
    label,
  };
}
