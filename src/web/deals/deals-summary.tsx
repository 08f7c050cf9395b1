import type { OpportunityListItem } from '../../api/opportunity-list.js';
import { formatExact, formatMoney, sumDecimals } from '../format/format-money.js';

type SummaryProps = {
  rows: readonly OpportunityListItem[];
  total: number;
  currency: string;
  loading: boolean;
  /** Every matching deal is loaded, so the sum is the sum of the whole list. */
  complete: boolean;
};

/** How many deals match, and what the listed ones add up to in the corporate currency. */
export function DealsSummary({ rows, total, currency, loading, complete }: SummaryProps) {
  const sum = sumDecimals(rows.map((row) => row.corporateAmount));
  return (
    <div className="table-summary" aria-live="polite">
      <span>
        <strong data-testid="deal-total">{total.toLocaleString('en-US')}</strong>{' '}
        {total === 1 ? 'deal' : 'deals'}
      </span>
      <span className="summary-sum">
        {complete ? 'Total' : `First ${rows.length.toLocaleString('en-US')} listed`}:{' '}
        <strong data-testid="deal-sum" data-exact={sum} title={formatExact(sum, currency)}>
          {formatMoney(sum, currency)}
        </strong>
      </span>
      {!complete && rows.length < total ? <span className="muted">scroll to load more</span> : null}
      {loading ? <span className="muted">Updating…</span> : null}
    </div>
  );
}
