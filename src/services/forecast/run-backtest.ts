import {
  computeCalibration,
  type Calibration,
  type ScoredProbability,
} from '../../core/forecast/accuracy-calibration.js';
import {
  computeAccuracySummary,
  type AccuracySummary,
  type ScoredForecast,
} from '../../core/forecast/accuracy-summary.js';
import { computeBacktestWeek } from '../../core/forecast/backtest-week.js';
import {
  defaultSeed,
  forecastMethodVersion,
  trainingPeriodCount,
} from '../../core/forecast/compute-forecast.js';
import {
  computeForecastPeriod,
  computePreviousPeriods,
  computeWeekStartMs,
  type ForecastPeriod,
} from '../../core/forecast/forecast-period.js';
import { pastErrorPeriodCount } from '../../core/forecast/past-forecast-errors.js';
import { findLatestCall, type CallForBacktest } from '../../core/forecast/latest-call.js';
import { computePeriodActual } from '../../core/forecast/period-actual.js';
import { DomainError } from '../../core/domain-error.js';
import { periodContaining } from '../../core/fiscal-calendar.js';
import { formatMinor } from '../../core/money.js';
import { listBridgeCallers } from '../../store/bridge-callers.js';
import { listCallSubmissions } from '../../store/call-queries.js';
import { listDealTimelines } from '../../store/forecast-deal-queries.js';
import { listStages, readLedgerHead } from '../../store/org-queries.js';
import { withConnection, type DatabaseHandle } from '../../store/session.js';
import { getOrgContext } from '../org-context.js';

export const backtestMethods = ['candor', 'stage-weighted', 'commit-plus-closed', 'submitted-call'] as const;
export type BacktestMethod = (typeof backtestMethods)[number];

export type RunBacktestOptions = {
  /** First and last day whose fiscal quarters are backtested; by default the last four completed. */
  from?: string | undefined;
  to?: string | undefined;
  clock: () => Date;
  trials?: number;
  seed?: number;
  /** Called after each forecast, for progress. */
  onStep?: (done: number, total: number) => void;
};

export type BacktestRow = {
  method: BacktestMethod;
  period: string;
  week: number;
  asOf: string;
  forecast: string;
  p10: string | null;
  p50: string | null;
  p90: string | null;
  actual: string;
};

export type BacktestReport = {
  from: string;
  to: string;
  currency: string;
  methodVersion: string;
  trials: number;
  ledgerSeq: string;
  periods: {
    period: string;
    actual: string;
    wonDeals: number;
    backdated: { deals: number; amount: string };
  }[];
  rows: BacktestRow[];
  summary: Record<BacktestMethod, AccuracySummary & Pick<Calibration, 'brier'>>;
  reliability: Partial<Record<BacktestMethod, Calibration['reliability']>>;
  /** Methods left out, and why. */
  notes: string[];
};

const backtestTrials = 500;

/**
 * Replays history week by week: for each completed fiscal quarter in [from, to] and each week of
 * it, the pipeline and the history as they stood at the start of that week (read once, sliced per
 * week in core), Candor's forecast and the baselines of the quarter, scored against what really
 * closed won with a close date in the quarter as known now. The submitted-call baseline is the
 * commit of the organisation's latest call made by each week (the top teams' executives, then
 * managers, as the bridge reads it); weeks before any call have no such forecast.
 */
export async function runBacktest(
  handle: DatabaseHandle,
  options: RunBacktestOptions,
): Promise<BacktestReport> {
  return withConnection(handle, async (conn) => {
    const now = options.clock();
    const org = await getOrgContext(conn);
    const periods = listBacktestPeriods(org.calendar, options, now);
    const first = periods[0];
    const last = periods.at(-1);
    if (!first || !last) {
      throw new DomainError('invalid-input', 'no completed fiscal quarter lies in that range', [
        { where: '--from/--to', reason: 'a backtest scores quarters that have ended' },
      ]);
    }
    const lookBack = trainingPeriodCount + pastErrorPeriodCount;
    const training = computePreviousPeriods(org.calendar, first, lookBack);
    const history = await listDealTimelines(conn, {
      closeFrom: training.at(-1)?.startDay ?? first.startDay,
      closeTo: last.endDay,
      asOf: now,
      corporateCurrency: org.settings.corporateCurrency,
    });
    const stages = await listStages(conn);
    const head = await readLedgerHead(conn);
    const stageDefaults = new Map(stages.map((s) => [s.name, s.probability01]));
    // The organisation's call: its top teams' executives, then managers (as the bridge reads it).
    const callerIds = await listBridgeCallers(conn, null);
    const calls: CallForBacktest[] = (
      await listCallSubmissions(conn, { periods: periods.map((p) => p.name), userIds: callerIds })
    )
      .filter((c) => c.currency === org.settings.corporateCurrency)
      .map((c) => ({
        userId: c.userId,
        period: c.period,
        submittedAtMs: c.submittedAt.getTime(),
        commitMinor: Number(c.commitMinor),
      }));
    const trials = options.trials ?? backtestTrials;
    const seed = options.seed ?? defaultSeed;
    const money = (minor: number) => formatMinor(BigInt(Math.round(minor)), org.corporateDecimals);

    const rows: BacktestRow[] = [];
    const scored: Record<BacktestMethod, ScoredForecast[]> = {
      candor: [],
      'stage-weighted': [],
      'commit-plus-closed': [],
      'submitted-call': [],
    };
    const candorDeals: ScoredProbability[] = [];
    const stageDeals: ScoredProbability[] = [];
    const periodReports: BacktestReport['periods'] = [];
    // Finished periods' past forecasts are the same for every week that looks back at them.
    const pastForecastCache = new Map<
      string,
      { expectedMinor: number; closedMinor: number; thin: boolean }
    >();
    const total = periods.reduce((sum, p) => sum + p.weeks, 0);
    let done = 0;
    for (const period of periods) {
      const actual = computePeriodActual(history, period, now.getTime());
      periodReports.push({
        period: period.name,
        actual: money(actual.actualMinor),
        wonDeals: actual.deals,
        backdated: { deals: actual.backdated.deals, amount: money(actual.backdated.amountMinor) },
      });
      const trainingPeriods = computePreviousPeriods(org.calendar, period, lookBack);
      for (let week = 1; week <= period.weeks; week += 1) {
        const asOfMs = computeWeekStartMs(period, week);
        const step = computeBacktestWeek({
          history,
          period,
          trainingPeriods,
          asOfMs,
          stageDefaults,
          wonIds: actual.wonIds,
          trials,
          seed,
          pastForecastCache,
        });
        const asOf = new Date(asOfMs).toISOString();
        const base = { period: period.name, week, actual: actual.actualMinor };
        const point = (method: BacktestMethod, forecast: number) => {
          scored[method].push({ ...base, forecast, p10: null, p50: null, p90: null });
          rows.push({
            method,
            period: period.name,
            week,
            asOf,
            forecast: money(forecast),
            p10: null,
            p50: null,
            p90: null,
            actual: money(actual.actualMinor),
          });
        };
        scored.candor.push({ ...base, ...step.candor });
        rows.push({
          method: 'candor',
          period: period.name,
          week,
          asOf,
          forecast: money(step.candor.forecast),
          p10: money(step.candor.p10),
          p50: money(step.candor.p50),
          p90: money(step.candor.p90),
          actual: money(actual.actualMinor),
        });
        point('stage-weighted', step.stageWeighted);
        point('commit-plus-closed', step.commitPlusClosed);
        const call = findLatestCall(calls, { callerIds, period: period.name, atMs: asOfMs });
        if (call) point('submitted-call', call.commitMinor);
        candorDeals.push(...step.candorDeals);
        stageDeals.push(...step.stageWeightedDeals);
        done += 1;
        options.onStep?.(done, total);
      }
    }
    const candorCalibration = computeCalibration(candorDeals);
    const stageCalibration = computeCalibration(stageDeals);
    return {
      from: first.startDay,
      to: last.endDay,
      currency: org.settings.corporateCurrency,
      methodVersion: forecastMethodVersion,
      trials,
      ledgerSeq: head.length.toString(),
      periods: periodReports,
      rows,
      summary: {
        candor: { ...computeAccuracySummary(scored.candor), brier: candorCalibration.brier },
        'stage-weighted': {
          ...computeAccuracySummary(scored['stage-weighted']),
          brier: stageCalibration.brier,
        },
        'commit-plus-closed': { ...computeAccuracySummary(scored['commit-plus-closed']), brier: null },
        'submitted-call': { ...computeAccuracySummary(scored['submitted-call']), brier: null },
      },
      reliability: { candor: candorCalibration.reliability, 'stage-weighted': stageCalibration.reliability },
      notes:
        scored['submitted-call'].length === 0
          ? ['submitted calls: the organisation had called none of these periods, so that baseline is empty']
          : [
              `submitted calls: the commit of the organisation's latest call by each week (${scored['submitted-call'].length} of ${scored.candor.length} weeks had one), called by the top teams' executives or managers`,
            ],
    };
  });
}

/** The completed fiscal quarters whose days meet [from, to]; by default the last four. */
function listBacktestPeriods(
  calendar: Parameters<typeof computeForecastPeriod>[0],
  options: RunBacktestOptions,
  now: Date,
): ForecastPeriod[] {
  const nowMs = now.getTime();
  const today = now.toISOString().slice(0, 10);
  const current = computeForecastPeriod(calendar, periodContaining(calendar, today, 'quarter'));
  if (options.from === undefined && options.to === undefined) {
    return computePreviousPeriods(calendar, current, 4).reverse();
  }
  const from = options.from ?? '1970-01-01';
  const to = options.to ?? today;
  if (from > to) {
    throw new DomainError('invalid-input', `--from ${from} is after --to ${to}`, [
      { where: '--from', value: from, reason: 'the range must run forward' },
    ]);
  }
  const periods: ForecastPeriod[] = [];
  let period = computeForecastPeriod(calendar, periodContaining(calendar, to, 'quarter'));
  while (period.endDay > from && periods.length < 200) {
    if (period.endMs <= nowMs) periods.push(period);
    const [previous] = computePreviousPeriods(calendar, period, 1);
    if (!previous) break;
    period = previous;
  }
  return periods.reverse();
}
