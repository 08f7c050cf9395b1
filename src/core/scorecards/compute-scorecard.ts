import { periodDates, periodInstants, type FiscalCalendar } from '../fiscal-calendar.js';
import { divideRoundHalfAway } from '../money.js';
import { targetIndicators, type TargetIndicator } from '../quotas/indicator-targets.js';
import type { ActivityType } from '../org-entities.js';
import { computeIndicatorStatus, type IndicatorStatus } from './indicator-status.js';
import { measurePeriod, type PeriodMeasures, type StageConversion } from './measure-period.js';
import type { ScorecardFacts } from './scorecard-facts.js';

export type IndicatorKey =
  | 'bookings'
  | 'attainment'
  | 'win_rate'
  | 'average_deal_size'
  | 'sales_cycle_days'
  | 'meetings'
  | 'calls'
  | 'demos'
  | 'emails'
  | 'pipeline_created'
  | 'deals_advanced'
  | 'coverage';

export type IndicatorUnit = 'money' | 'share' | 'count' | 'days' | 'ratio';

/** Money as minor units (bigint), everything else as a plain number. */
export type IndicatorValue = bigint | number | null;

export type Indicator = {
  key: IndicatorKey;
  label: string;
  unit: IndicatorUnit;
  kind: 'trailing' | 'leading';
  value: IndicatorValue;
  /** The target for the whole period (null: none). */
  target: IndicatorValue;
  /** What the target asks for by now: scaled to the share of the period passed, or the rate itself. */
  expected: IndicatorValue;
  status: IndicatorStatus;
  /** The value over the recent periods, oldest first, the current one last. */
  trend: IndicatorValue[];
  /** The deals or activities behind the value. */
  dealIds: string[];
  activityIds: string[];
};

export type Scorecard = {
  period: string;
  /** Share of the period passed by `now`, by the fiscal calendar, in [0, 1]. */
  elapsedShare: number;
  quotaMinor: bigint | null;
  /** bookings / quota; null without a quota. */
  attainment: number | null;
  /** bookings / (quota × elapsed share): 1 means exactly on pace. */
  pace: number | null;
  indicators: Indicator[];
  activitiesByType: Record<ActivityType, number>;
  conversions: StageConversion[];
};

export type ScorecardInput = {
  facts: ScorecardFacts;
  calendar: FiscalCalendar;
  now: Date;
  ownerIds: ReadonlySet<string>;
  /** The recent periods, oldest first, the scorecard's own period last, each with its quota. */
  periods: readonly { period: string; quotaMinor: bigint | null }[];
  /** Per-person targets of the role measured (see resolveTarget). */
  targets: Record<TargetIndicator, number>;
  /** People the per-person targets are multiplied by (1 for a rep; the reps of a team). */
  headcount: number;
};

const activityIndicators: [IndicatorKey, ActivityType, TargetIndicator][] = [
  ['meetings', 'meeting', 'meetings_per_week'],
  ['calls', 'call', 'calls_per_week'],
  ['demos', 'demo', 'demos_per_week'],
  ['emails', 'email', 'emails_per_week'],
];

/**
 * A rep's or team's scorecard for a period (quarter, month or week), each indicator against its
 * target with a status (see computeIndicatorStatus) and its trend over the recent periods. Time
 * passes by the fiscal calendar: the share of the period elapsed is `(min(now, end) − start) /
 * (end − start)` over the period's instants in the organisation's zone; targets per week are
 * scaled by the weeks elapsed (days / 7), quota-based ones by the share elapsed.
 */
export function computeScorecard(input: ScorecardInput): Scorecard {
  const measured = input.periods.map(({ period, quotaMinor }) => {
    const { start, end } = periodInstants(input.calendar, period);
    const days = periodDates(input.calendar, period);
    const to = input.now < end ? (input.now < start ? start : input.now) : end;
    const measures = measurePeriod(input.facts, {
      ownerIds: input.ownerIds,
      closeFrom: days.start,
      closeTo: days.end,
      from: start,
      to,
      timeZone: input.calendar.timeZone,
    });
    const elapsedMs = to.getTime() - start.getTime();
    const share = elapsedMs / (end.getTime() - start.getTime());
    const week = 7 * 86_400_000;
    return {
      period,
      quotaMinor,
      measures,
      share,
      weeks: elapsedMs / week,
      totalWeeks: (end.getTime() - start.getTime()) / week,
      over: input.now >= end,
    };
  });
  const current = measured.at(-1);
  if (!current) throw new Error('a scorecard needs its period');
  const indicators = buildIndicators(input, measured);
  const m = current.measures;
  return {
    period: current.period,
    elapsedShare: current.share,
    quotaMinor: current.quotaMinor,
    attainment: ratio(m.bookingsMinor, current.quotaMinor),
    pace: ratio(m.bookingsMinor, scaleMinor(current.quotaMinor, current.share)),
    indicators,
    activitiesByType: Object.fromEntries(
      Object.entries(m.activities).map(([type, ids]) => [type, ids.length]),
    ) as Record<ActivityType, number>,
    conversions: m.conversions,
  };
}

type Measured = {
  period: string;
  quotaMinor: bigint | null;
  measures: PeriodMeasures;
  share: number;
  /** Weeks passed, and weeks in the whole period. */
  weeks: number;
  totalWeeks: number;
  over: boolean;
};

function buildIndicators(input: ScorecardInput, measured: readonly Measured[]): Indicator[] {
  const current = measured.at(-1) as Measured;
  const { measures: m, quotaMinor: quota, share, weeks } = current;
  const t = input.targets;
  const trend = (value: (p: Measured) => IndicatorValue) => measured.map(value);
  const perWeek = (indicator: TargetIndicator) => t[indicator] * input.headcount;
  const list: Indicator[] = [];
  const add = (
    indicator: Omit<Indicator, 'status' | 'label'> & { status?: IndicatorStatus; label?: string },
  ) =>
    list.push({
      label: labels[indicator.key],
      status: computeIndicatorStatus(asNumber(indicator.value), asNumber(indicator.expected)),
      ...indicator,
    });

  add({
    key: 'bookings',
    unit: 'money',
    kind: 'trailing',
    value: m.bookingsMinor,
    target: quota,
    expected: scaleMinor(quota, share),
    trend: trend((p) => p.measures.bookingsMinor),
    dealIds: m.wonDealIds,
    activityIds: [],
  });
  add({
    key: 'attainment',
    unit: 'share',
    kind: 'trailing',
    value: ratio(m.bookingsMinor, quota),
    target: quota === null ? null : 1,
    expected: quota === null ? null : share,
    trend: trend((p) => ratio(p.measures.bookingsMinor, p.quotaMinor)),
    dealIds: m.wonDealIds,
    activityIds: [],
  });
  const winRate = (p: PeriodMeasures) =>
    p.wonCount + p.lostCount === 0 ? null : p.wonCount / (p.wonCount + p.lostCount);
  add({
    key: 'win_rate',
    unit: 'share',
    kind: 'trailing',
    value: winRate(m),
    target: t.win_rate,
    expected: t.win_rate,
    trend: trend((p) => winRate(p.measures)),
    dealIds: m.closedDealIds,
    activityIds: [],
  });
  const averageDeal = (p: PeriodMeasures) =>
    p.wonCount === 0 ? null : divideRoundHalfAway(p.bookingsMinor, BigInt(p.wonCount));
  add({
    key: 'average_deal_size',
    unit: 'money',
    kind: 'trailing',
    value: averageDeal(m),
    target: null,
    expected: null,
    trend: trend((p) => averageDeal(p.measures)),
    dealIds: m.wonDealIds,
    activityIds: [],
  });
  const cycle = (p: PeriodMeasures) => (p.wonCount === 0 ? null : p.cycleDaysTotal / p.wonCount);
  add({
    key: 'sales_cycle_days',
    unit: 'days',
    kind: 'trailing',
    value: cycle(m),
    target: null,
    expected: null,
    trend: trend((p) => cycle(p.measures)),
    dealIds: m.wonDealIds,
    activityIds: [],
  });
  for (const [key, type, indicator] of activityIndicators) {
    const weeklyTarget = perWeek(indicator);
    add({
      key,
      unit: 'count',
      kind: 'leading',
      value: m.activities[type].length,
      target: weeklyTarget * current.totalWeeks,
      expected: weeklyTarget * weeks,
      trend: trend((p) => p.measures.activities[type].length),
      dealIds: [],
      activityIds: m.activities[type],
    });
  }
  const pipelineTarget = scaleMinor(quota, t.pipeline_created_per_month);
  add({
    key: 'pipeline_created',
    unit: 'money',
    kind: 'leading',
    value: m.pipelineCreatedMinor,
    target: pipelineTarget,
    expected: scaleMinor(pipelineTarget, share),
    trend: trend((p) => p.measures.pipelineCreatedMinor),
    dealIds: m.createdDealIds,
    activityIds: [],
  });
  add({
    key: 'deals_advanced',
    unit: 'count',
    kind: 'leading',
    value: m.advancedDealIds.length,
    target: perWeek('deals_advanced_per_week') * current.totalWeeks,
    expected: perWeek('deals_advanced_per_week') * weeks,
    trend: trend((p) => p.measures.advancedDealIds.length),
    dealIds: m.advancedDealIds,
    activityIds: [],
  });
  const coverage = (p: Measured): number | null => {
    if (p.quotaMinor === null || p.over) return null;
    const toGo = p.quotaMinor - p.measures.bookingsMinor;
    return toGo <= 0n ? null : Number(p.measures.openPipelineMinor) / Number(toGo);
  };
  const reached = quota !== null && m.bookingsMinor >= quota;
  add({
    key: 'coverage',
    unit: 'ratio',
    kind: 'leading',
    value: coverage(current),
    target: quota === null || current.over ? null : t.coverage_ratio,
    expected: quota === null || current.over ? null : t.coverage_ratio,
    // A quota already reached needs no more coverage; a finished period has nothing left to cover.
    ...(reached && !current.over ? { status: 'on-track' as const } : {}),
    trend: trend(coverage),
    dealIds: m.openDealIds,
    activityIds: [],
  });
  return list;
}

const labels: Record<IndicatorKey, string> = {
  bookings: 'Bookings',
  attainment: 'Attainment',
  win_rate: targetIndicators.win_rate.label,
  average_deal_size: 'Average deal size',
  sales_cycle_days: 'Sales cycle (days)',
  meetings: 'Meetings',
  calls: 'Calls',
  demos: 'Demos',
  emails: 'Emails',
  pipeline_created: 'Pipeline created',
  deals_advanced: 'Deals advanced',
  coverage: 'Coverage',
};

function ratio(numerator: bigint, denominator: bigint | null): number | null {
  if (denominator === null || denominator === 0n) return null;
  return Number(numerator) / Number(denominator);
}

/** `minor × factor`, rounded half away from zero to a whole minor unit. */
function scaleMinor(minor: bigint | null, factor: number): bigint | null {
  if (minor === null) return null;
  const scaled = BigInt(Math.round(factor * 1_000_000));
  return divideRoundHalfAway(minor * scaled, 1_000_000n);
}

function asNumber(value: IndicatorValue): number | null {
  return value === null ? null : Number(value);
}
