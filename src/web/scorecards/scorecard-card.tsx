import { useState } from 'react';
import { Link } from 'react-router';
import type { ScorecardCard as Card, ScorecardIndicator } from '../../api/scorecards.js';
import { formatMoney } from '../format/format-money.js';
import { ActivityList } from './activity-list.js';
import { DealIdList } from './deal-id-list.js';
import { formatIndicatorValue, statusLabels, trendNumbers } from './format-indicator.js';
import { Sparkline } from './sparkline.js';
import { StageConversionTable } from './stage-conversion-table.js';

/** The deals list's address-bar filters for the card's period: the quarter, or close dates in a span. */
export type DealsScope = Record<string, string>;

type Props = { card: Card; currency: string; dealsScope: DealsScope; periods: readonly string[] };

/** Deal-list filters for the indicators whose deals are a category of the period's pipeline. */
const categoryOf: Partial<Record<string, string[]>> = {
  bookings: ['Closed'],
  attainment: ['Closed'],
  average_deal_size: ['Closed'],
  coverage: ['Pipeline', 'Best Case', 'Commit'],
};

/** A rep's or team's card: attainment against pace, then each indicator against its target. */
export function ScorecardCardView({ card, currency, dealsScope, periods }: Props) {
  const [open, setOpen] = useState<string | null>(null);
  const toggle = (key: string) => setOpen(open === key ? null : key);
  const dealsLink = (categories: string[] = []) => {
    const params = new URLSearchParams(dealsScope);
    params.set(card.subjectType === 'team' ? 'team' : 'owner', card.subjectId);
    for (const c of categories) params.append('category', c);
    return `/deals?${params.toString()}`;
  };
  const attainment = card.attainment === null ? null : Math.round(card.attainment * 100);
  return (
    <article
      className={`scorecard status-${card.status}`}
      data-testid={`scorecard-${card.subjectType}-${card.subjectId}`}
    >
      <header className="scorecard-head">
        <div>
          <h3 className="scorecard-name">{card.name}</h3>
          <p className="scorecard-sub">
            {card.subjectType === 'team'
              ? `${card.path.length > 1 ? `${card.path.slice(0, -1).join(' / ')} · ` : ''}${card.headcount} ${card.headcount === 1 ? 'rep' : 'reps'}`
              : card.path.join(', ')}
            {' · '}
            {card.quota === null
              ? 'no quota'
              : `quota ${formatMoney(card.quota, currency, { compact: true })}${card.quotaSource === 'members' ? ' (sum of reps)' : card.quotaSource === 'prorated' ? ' (prorated)' : ''}`}
          </p>
        </div>
        <span className={`status-pill status-${card.status}`}>{statusLabels[card.status]}</span>
      </header>
      <div className="scorecard-headline">
        <Link to={dealsLink(['Closed'])} className="scorecard-big" title="The won deals behind the bookings">
          {formatMoney(card.bookings, currency, { compact: true })}
        </Link>
        <span className="scorecard-attainment">
          {attainment === null ? 'booked' : `${attainment} % of quota`}
        </span>
        {card.pace !== null ? (
          <span className="scorecard-pace">pace {Math.round(card.pace * 100)} %</span>
        ) : null}
      </div>
      {attainment !== null ? (
        <div className="attainment-bar" aria-hidden="true">
          <span style={{ width: `${Math.min(100, attainment)}%` }} />
        </div>
      ) : null}
      <table className="indicator-table">
        <thead>
          <tr>
            <th scope="col">Indicator</th>
            <th scope="col">Now</th>
            <th scope="col">Target</th>
            <th scope="col" title={`${periods[0] ?? ''} to ${periods.at(-1) ?? ''}`}>
              Trend
            </th>
          </tr>
        </thead>
        <tbody>
          {card.indicators
            .filter((i) => i.key !== 'bookings')
            .map((indicator) => (
              <IndicatorRow
                key={indicator.key}
                indicator={indicator}
                currency={currency}
                expanded={open === indicator.key}
                onToggle={() => toggle(indicator.key)}
                dealsHref={dealsLink(categoryOf[indicator.key])}
              />
            ))}
        </tbody>
      </table>
      <StageConversionTable
        conversions={card.conversions}
        open={open}
        onToggle={toggle}
        dealsHref={dealsLink()}
      />
    </article>
  );
}

function IndicatorRow(props: {
  indicator: ScorecardIndicator;
  currency: string;
  expanded: boolean;
  onToggle: () => void;
  dealsHref: string;
}) {
  const { indicator, currency } = props;
  const count = indicator.dealIds.length + indicator.activityCount;
  return (
    <>
      <tr className={`indicator-row status-${indicator.status}`}>
        <th scope="row">
          <span className={`status-dot status-${indicator.status}`} title={statusLabels[indicator.status]} />
          {count > 0 ? (
            <button
              type="button"
              className="link-button"
              aria-expanded={props.expanded}
              onClick={props.onToggle}
            >
              {indicator.label}
            </button>
          ) : (
            indicator.label
          )}
        </th>
        <td className="num">{formatIndicatorValue(indicator.value, indicator.unit, currency)}</td>
        <td className="num muted">{formatIndicatorValue(indicator.target, indicator.unit, currency)}</td>
        <td className="trend-cell">
          <Sparkline
            values={trendNumbers(indicator.trend)}
            label={`${indicator.label} over the recent periods`}
          />
        </td>
      </tr>
      {props.expanded ? (
        <tr className="indicator-detail">
          <td colSpan={4}>
            <DealIdList ids={indicator.dealIds} allHref={props.dealsHref} />
            {indicator.activityCount > 0 ? (
              <ActivityList ids={indicator.activityIds} count={indicator.activityCount} />
            ) : null}
          </td>
        </tr>
      ) : null}
    </>
  );
}
