import type { ScorecardIndicator } from '../../api/scorecards.js';
import { formatMoney } from '../format/format-money.js';

export const statusLabels = {
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
  'no-target': 'No target',
} as const;

/** An indicator value as people read it: money compact, shares as percentages, ratios with ×. */
export function formatIndicatorValue(
  value: ScorecardIndicator['value'],
  unit: ScorecardIndicator['unit'],
  currency: string,
): string {
  if (value === null) return '—';
  if (typeof value === 'string') return formatMoney(value, currency, { compact: true });
  switch (unit) {
    case 'share':
      return `${Math.round(value * 1000) / 10} %`;
    case 'ratio':
      return `${value.toFixed(1)}×`;
    case 'days':
      return `${Math.round(value)} d`;
    default:
      return Number.isInteger(value) ? String(value) : value.toFixed(1);
  }
}

/** Trend values as numbers for the sparkline (money strings parsed). */
export function trendNumbers(trend: ScorecardIndicator['trend']): (number | null)[] {
  return trend.map((v) => (v === null ? null : typeof v === 'string' ? Number(v) : v));
}
