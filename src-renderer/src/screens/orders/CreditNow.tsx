import type { OutputOf } from '../../../../src-shared/contract';
import { formatMoney } from '../../../../src-shared/money';

type Credit = NonNullable<OutputOf<'approvals.list'>[number]['credit']>;

const verdict: Record<Credit['decision'], string> = {
  ok: 'Within the limit now',
  warn: 'Over the limit: approving is your call',
  needs_approval: 'Over the limit: approving is your call',
  blocked: 'Blocked now: cannot be approved until it is cleared',
};

/** The customer's credit as of now on an approval card: what the manager decides on. */
export function CreditNow({ credit }: { credit: Credit }) {
  const figures: [string, number, boolean][] = [
    ['Limit', credit.limit, false],
    ['Exposure now', credit.used, false],
    ['This order', credit.thisOrder, false],
    ['After order', credit.afterOrder, credit.afterOrder > credit.limit],
    ['Overdue', credit.overdue, credit.overdue > 0],
  ];
  return (
    <div className="credit-now" aria-label="Credit as of now">
      <dl>
        {figures.map(([label, value, bad]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd className={bad ? 'num bad' : 'num'}>{formatMoney(value)}</dd>
          </div>
        ))}
        {credit.overdue > 0 && (
          <div>
            <dt>Oldest overdue</dt>
            <dd className="num bad">{credit.oldestOverdueDays} days</dd>
          </div>
        )}
      </dl>
      <p className={credit.decision === 'blocked' ? 'field-error' : 'muted'}>{verdict[credit.decision]}</p>
    </div>
  );
}
