import { formatMinor } from '../../core/money.js';
import type { Indicator, IndicatorValue, Scorecard } from '../../core/scorecards/compute-scorecard.js';
import type { ReportCard, ReportIndicator, ReportValue } from './scorecard-report.js';

/** Most activity ids a card lists per indicator; the count has them all. */
const activityIdLimit = 200;

export type CardSubject = Pick<
  ReportCard,
  'subjectType' | 'subjectId' | 'name' | 'path' | 'role' | 'headcount' | 'ownerIds' | 'quotaSource'
>;

/** A computed scorecard in the report's terms: money as decimal strings of the corporate currency. */
export function formatScorecard(subject: CardSubject, card: Scorecard, decimals: number): ReportCard {
  const bookings = card.indicators.find((i) => i.key === 'bookings');
  return {
    ...subject,
    quota: card.quotaMinor === null ? null : formatMinor(card.quotaMinor, decimals),
    bookings: typeof bookings?.value === 'bigint' ? formatMinor(bookings.value, decimals) : '0',
    attainment: card.attainment === null ? null : round(card.attainment),
    pace: card.pace === null ? null : round(card.pace),
    status: bookings?.status ?? 'no-target',
    indicators: card.indicators.map((i) => formatIndicator(i, decimals)),
    activitiesByType: card.activitiesByType,
    conversions: card.conversions.map((c) => ({
      stage: c.stage,
      entered: c.entered,
      advanced: c.advanced,
      rate: c.entered === 0 ? null : c.advanced / c.entered,
      dealIds: c.enteredDealIds,
    })),
  };
}

function formatIndicator(indicator: Indicator, decimals: number): ReportIndicator {
  const value = (v: IndicatorValue): ReportValue =>
    typeof v === 'bigint' ? formatMinor(v, decimals) : v === null ? null : round(v);
  return {
    key: indicator.key,
    label: indicator.label,
    unit: indicator.unit,
    kind: indicator.kind,
    value: value(indicator.value),
    target: value(indicator.target),
    expected: value(indicator.expected),
    status: indicator.status,
    trend: indicator.trend.map(value),
    dealIds: indicator.dealIds,
    activityIds: indicator.activityIds.slice(0, activityIdLimit),
    activityCount: indicator.activityIds.length,
  };
}

/** Six significant decimals are plenty for shares and ratios shown to people. */
function round(value: number): number {
  return Math.round(value * 1_000_000) / 1_000_000;
}
