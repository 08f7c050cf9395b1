import type { PipelineResponse } from '../../api/pipeline.js';
import { categories, openCategories } from '../format/contract-values.js';
import { formatExact, formatMoney, sumDecimals } from '../format/format-money.js';
import { categoryClass } from '../ui/category-badge.js';

const captions: Record<(typeof categories)[number], string> = {
  Commit: 'likely',
  'Best Case': 'possible',
  Pipeline: 'early',
  Closed: 'won',
  Omitted: 'lost or left out',
};

/** One card per forecast category, then the open total and the grand total of the quarter. */
export function CategoryCards({ report }: { report: PipelineResponse }) {
  const card = (category: (typeof categories)[number]) => {
    const total = report.categories[category];
    return (
      <div key={category} className={`stat-card ${categoryClass(category)}`} data-testid={`card-${category}`}>
        <span className="stat-label">{category}</span>
        <span
          className="stat-value"
          title={formatExact(total.amount, report.currency)}
          data-exact={total.amount}
        >
          {formatMoney(total.amount, report.currency, { compact: true })}
        </span>
        <span className="stat-caption">
          <span data-testid="card-deals">{total.deals}</span> {total.deals === 1 ? 'deal' : 'deals'} ·{' '}
          {captions[category]}
        </span>
      </div>
    );
  };
  const open = openCategories.map((c) => report.categories[c]);
  const all = categories.map((c) => report.categories[c]);
  const openDeals = open.reduce((n, t) => n + t.deals, 0);
  const allDeals = all.reduce((n, t) => n + t.deals, 0);
  const openAmount = sumDecimals(open.map((t) => t.amount));
  const allAmount = sumDecimals(all.map((t) => t.amount));
  return (
    <div className="category-cards">
      {card('Commit')}
      {card('Best Case')}
      {card('Pipeline')}
      <div className="stat-card stat-total" data-testid="card-open">
        <span className="stat-label">Open pipeline</span>
        <span className="stat-value" title={formatExact(openAmount, report.currency)}>
          {formatMoney(openAmount, report.currency, { compact: true })}
        </span>
        <span className="stat-caption">{openDeals} open deals</span>
      </div>
      {card('Closed')}
      {card('Omitted')}
      <div className="stat-card stat-total stat-span-2" data-testid="card-all">
        <span className="stat-label">All deals</span>
        <span className="stat-value" title={formatExact(allAmount, report.currency)} data-exact={allAmount}>
          {formatMoney(allAmount, report.currency, { compact: true })}
        </span>
        <span className="stat-caption">
          <span data-testid="card-deals">{allDeals}</span> deals closing in {report.period}
        </span>
      </div>
    </div>
  );
}
