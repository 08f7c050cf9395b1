import type { AccessScope } from '../../core/access-scope.js';
import { isDomainError } from '../../core/domain-error.js';
import { computeForecast, trainingPeriodCount } from '../../core/forecast/compute-forecast.js';
import { computeForecastPeriod, computePreviousPeriods } from '../../core/forecast/forecast-period.js';
import type { HygieneFlag } from '../../core/hygiene/hygiene-flag.js';
import { hygieneRuleIds, type HygieneRuleId } from '../../core/hygiene/hygiene-rule-id.js';
import { formatMinor, parseAmount } from '../../core/money.js';
import { listDealTimelines, listPeriodDeals } from '../../store/forecast-deal-queries.js';
import { listStages } from '../../store/org-queries.js';
import { withConnection, type Connection, type DatabaseHandle } from '../../store/session.js';
import { getForecast } from '../forecast/get-forecast.js';
import { toForecastReport } from '../forecast/forecast-report.js';
import { getOrgContext } from '../org-context.js';

/** Expected bookings with the P10–P90 band around them, as decimal strings. */
export type ForecastFigures = { expected: string; p10: string; p50: string; p90: string };

export type HygieneForecast =
  | ({
      available: true;
      period: string;
      /** The same without the stale open deals (a high-severity flag), the simulation re-run. */
      adjusted: ForecastFigures;
      /** = adjusted.expected: expected minus what the stale deals contributed. */
      adjustedExpected: string;
      byRule: { rule: HygieneRuleId; deals: number; expected: string }[];
    } & ForecastFigures) // Candor's forecast for the period, as it forecasts it.
  | { available: false; period: string; reason: string };

type Options = {
  period: string;
  asOf: Date;
  scope: AccessScope;
  flagsByDeal: ReadonlyMap<string, readonly HygieneFlag[]>;
  decimals: number;
  clock: () => Date;
};

/**
 * Candor's forecast beside its hygiene-adjusted figures. The expected value drops by what each
 * stale open deal contributed (probability × amount), attributed like the pipeline difference to
 * the deal's first high-severity rule. The P10–P90 band is not adjusted by subtraction (quantiles
 * do not subtract): the forecast is computed again from the same inputs without those deals, so
 * the simulation draws the remaining deals, the run rate and the period's shared shock afresh.
 */
export async function computeHygieneForecast(
  handle: DatabaseHandle,
  options: Options,
): Promise<HygieneForecast> {
  let report;
  try {
    report = await getForecast(handle, {
      period: options.period,
      asOf: options.asOf,
      scope: options.scope,
      clock: options.clock,
      includeDeals: true,
    });
  } catch (error) {
    if (isDomainError(error)) return { available: false, period: options.period, reason: error.message };
    throw error;
  }
  const toMinor = (text: string) => parseAmount(text, options.decimals)?.minor ?? 0n;
  const removed = new Map<HygieneRuleId, { deals: number; minor: bigint }>();
  const stale = new Set<string>();
  for (const deal of report.deals) {
    const rule = firstHighRule(options.flagsByDeal.get(deal.id) ?? []);
    if (rule === undefined) continue;
    stale.add(deal.id);
    const part = removed.get(rule) ?? { deals: 0, minor: 0n };
    removed.set(rule, { deals: part.deals + 1, minor: part.minor + toMinor(deal.expected) });
  }
  const adjusted =
    stale.size === 0 ? pickFigures(report) : await computeForecastWithout(handle, options, stale);
  return {
    available: true,
    period: report.period,
    ...pickFigures(report),
    adjusted,
    adjustedExpected: adjusted.expected,
    byRule: hygieneRuleIds.flatMap((rule) => {
      const part = removed.get(rule);
      return part ? [{ rule, deals: part.deals, expected: formatMinor(part.minor, options.decimals) }] : [];
    }),
  };
}

function firstHighRule(flags: readonly HygieneFlag[]): HygieneRuleId | undefined {
  const high = flags.filter((f) => f.severity === 'high').map((f) => f.rule);
  return hygieneRuleIds.find((id) => high.includes(id));
}

function pickFigures(figures: ForecastFigures): ForecastFigures {
  return { expected: figures.expected, p10: figures.p10, p50: figures.p50, p90: figures.p90 };
}

/**
 * Candor's forecast of the period with the given open deals left out: the inputs getForecast
 * reads (the period's deals in scope, the organisation's history, the stages), the same engine,
 * trials and seed. The history reaches further back than the model's eight periods so that the
 * band's past-error estimate finds the periods it looks at; periods beyond those are not used.
 */
export async function computeForecastWithout(
  handle: DatabaseHandle,
  options: Pick<Options, 'period' | 'asOf' | 'scope'>,
  leftOut: ReadonlySet<string>,
): Promise<ForecastFigures> {
  return withConnection(handle, (conn) => forecastWithoutOn(conn, options, leftOut));
}

async function forecastWithoutOn(
  conn: Pick<Connection, 'db'>,
  options: Pick<Options, 'period' | 'asOf' | 'scope'>,
  leftOut: ReadonlySet<string>,
): Promise<ForecastFigures> {
  const org = await getOrgContext(conn);
  const period = computeForecastPeriod(org.calendar, options.period);
  const trainingPeriods = computePreviousPeriods(org.calendar, period, 2 * trainingPeriodCount + 1);
  const earliest = trainingPeriods.at(-1)?.startDay ?? period.startDay;
  const stages = await listStages(conn);
  const periodDeals = await listPeriodDeals(conn, {
    closeFrom: period.startDay,
    closeTo: period.endDay,
    asOf: options.asOf,
    scope: options.scope,
    ownerIds: null,
    corporateCurrency: org.settings.corporateCurrency,
  });
  const history = await listDealTimelines(conn, {
    closeFrom: earliest,
    closeTo: period.startDay,
    asOf: options.asOf,
    corporateCurrency: org.settings.corporateCurrency,
  });
  const allowed = options.scope.kind === 'everything' ? null : new Set(options.scope.ownerIds);
  const result = computeForecast({
    period,
    trainingPeriods,
    asOfMs: options.asOf.getTime(),
    periodDeals: periodDeals.filter((d) => d.state.isClosed || !leftOut.has(d.id)),
    history,
    includeOwner: (ownerId) => ownerId !== null && (allowed === null || allowed.has(ownerId)),
    stageDefaults: new Map(stages.map((s) => [s.name, s.probability01])),
  });
  return pickFigures(
    toForecastReport(result, {
      period,
      asOf: options.asOf,
      currency: org.settings.corporateCurrency,
      decimals: org.corporateDecimals,
      teamId: null,
      ownerId: null,
      ledgerSeq: 0n,
      includeDeals: false,
    }),
  );
}
