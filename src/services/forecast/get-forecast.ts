import type { AccessScope } from '../../core/access-scope.js';
import { DomainError } from '../../core/domain-error.js';
import { computeForecast, trainingPeriodCount } from '../../core/forecast/compute-forecast.js';
import { computeForecastPeriod, computePreviousPeriods } from '../../core/forecast/forecast-period.js';
import { pastErrorPeriodCount } from '../../core/forecast/past-forecast-errors.js';
import { listDealTimelines, listPeriodDeals } from '../../store/forecast-deal-queries.js';
import { listStages, readLedgerHead } from '../../store/org-queries.js';
import { withConnection, type Connection, type DatabaseHandle } from '../../store/session.js';
import { getOrgContext } from '../org-context.js';
import { toForecastReport, type ForecastReport } from './forecast-report.js';
import { resolveForecastOwners } from './resolve-forecast-owners.js';

export type { ForecastReport, ForecastDealReport } from './forecast-report.js';

export type GetForecastOptions = {
  /** A fiscal period: 2026-Q3, 2026-03 or 2026. */
  period: string;
  /** The moment to forecast as of; null for now (the clock). */
  asOf: Date | null;
  /** The caller's read scope: only deals they may see are summed. */
  scope: AccessScope;
  /** Only deals owned by members of this team or teams below it. */
  teamId?: string | undefined;
  /** Only deals owned by this person. */
  ownerId?: string | undefined;
  clock: () => Date;
  /** List the open deals with their probabilities (default false: a large org has many). */
  includeDeals?: boolean;
  trials?: number;
  seed?: number;
};

/**
 * Candor's forecast of a period's bookings as of a moment, for the caller's scope (optionally one
 * team or one person): expected bookings, P10/P50/P90, its three components with their methods
 * and thin-data notes, and the open deals with their probabilities. Read-only: recordForecast
 * stores one. The win model learns from the whole organisation's history as of the moment; the
 * sums cover only the deals the caller may see.
 */
export async function getForecast(
  handle: DatabaseHandle,
  options: GetForecastOptions,
): Promise<ForecastReport> {
  return withConnection(handle, (conn) => computeForecastOn(conn, options));
}

/** getForecast on an open connection (recordForecast computes and stores in one transaction). */
export async function computeForecastOn(
  conn: Pick<Connection, 'db'>,
  options: GetForecastOptions,
): Promise<ForecastReport> {
  const asOf = options.asOf ?? options.clock();
  const org = await getOrgContext(conn);
  const period = computeForecastPeriod(org.calendar, options.period);
  if (asOf.getTime() >= period.endMs) {
    throw new DomainError('invalid-input', `${options.period} had ended by ${asOf.toISOString()}`, [
      {
        where: 'asOf',
        value: asOf.toISOString(),
        reason: 'a forecast is made before its period ends; `candor backtest` scores past periods',
      },
    ]);
  }
  const owners = await resolveForecastOwners(conn, options);
  // The model's eight periods, and for the band the last four finished ones' own eight before them.
  const trainingPeriods = computePreviousPeriods(
    org.calendar,
    period,
    trainingPeriodCount + pastErrorPeriodCount + 1,
  );
  const earliest = trainingPeriods.at(-1)?.startDay ?? period.startDay;
  // One connection answers one query at a time: these run one after the other.
  const stages = await listStages(conn);
  const periodDeals = await listPeriodDeals(conn, {
    closeFrom: period.startDay,
    closeTo: period.endDay,
    asOf,
    scope: options.scope,
    ownerIds: owners,
    corporateCurrency: org.settings.corporateCurrency,
  });
  const history = await listDealTimelines(conn, {
    closeFrom: earliest,
    closeTo: period.startDay,
    asOf,
    corporateCurrency: org.settings.corporateCurrency,
  });
  const head = await readLedgerHead(conn);
  const visible = owners === null ? null : new Set(owners);
  const allowed = options.scope.kind === 'everything' ? null : new Set(options.scope.ownerIds);
  const result = computeForecast({
    period,
    trainingPeriods,
    asOfMs: asOf.getTime(),
    periodDeals,
    history,
    includeOwner: (ownerId) =>
      ownerId !== null &&
      (visible === null || visible.has(ownerId)) &&
      (allowed === null || allowed.has(ownerId)),
    stageDefaults: new Map(stages.map((s) => [s.name, s.probability01])),
    ...(options.trials === undefined ? {} : { trials: options.trials }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  });
  return toForecastReport(result, {
    period,
    asOf,
    currency: org.settings.corporateCurrency,
    decimals: org.corporateDecimals,
    teamId: options.teamId ?? null,
    ownerId: options.ownerId ?? null,
    ledgerSeq: head.length,
    includeDeals: options.includeDeals ?? false,
  });
}
