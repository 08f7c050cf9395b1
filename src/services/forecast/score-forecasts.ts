import { computeAccess } from '../../core/compute-access.js';
import { periodInstants } from '../../core/fiscal-calendar.js';
import { computeScopeKey } from '../../core/forecast/forecast-record.js';
import {
  computeForecastScore,
  pickScoredForecasts,
  type ForecastScorePayload,
} from '../../core/forecast/forecast-score.js';
import type { NewEvent } from '../../core/ledger-event.js';
import { formatMinor } from '../../core/money.js';
import { lockLedgerForChange } from '../../store/admin-queries.js';
import { appendEvents } from '../../store/append-events.js';
import { sumWonByOwner } from '../../store/call-queries.js';
import { listStoredForecasts, type StoredForecast } from '../../store/forecast-record-queries.js';
import { listForecastScores } from '../../store/forecast-score-queries.js';
import {
  withConnection,
  withTransaction,
  type DatabaseHandle,
  type Connection,
} from '../../store/session.js';
import { loadCallContext, periodWindows, type CallContext } from '../calls/call-context.js';
import { closedQuarters } from '../calls/weekly-calls.js';
import { resolveForecastOwners } from './resolve-forecast-owners.js';

/** Closed quarters scored by default: as many as a track record looks back over. */
const defaultScoredQuarters = 8;

export type ScoreForecastsOptions = {
  /** Periods to score; by default the last eight closed quarters. Periods not yet ended are skipped. */
  periods?: readonly string[] | undefined;
  now: Date;
  actor: string;
  source: 'cli' | 'system';
  dryRun?: boolean;
};

export type ScoreForecastsResult = {
  periods: string[];
  /** Scores appended now (or that would be, in a dry run). */
  scored: {
    forecastId: string;
    period: string;
    scopeKey: string;
    week: number;
    expected: string;
    actual: string;
    accuracy01: string | null;
    withinBand: boolean;
  }[];
  alreadyScored: number;
  /**
   * Forecasts whose owners cannot be named any more (the team changed, or the person who saw it
   * no longer sees the same people): left unscored rather than scored against another scope.
   */
  unresolved: string[];
};

/**
 * Stores the score of Candor's own stored forecasts of finished periods: for each scope and week of
 * the period, the latest forecast stored in that week gets one `forecast.scored` event on its own
 * entity (src/core/forecast/forecast-score.ts), against what closed won in its scope as known now
 * (the same actual call scoring uses: `sumWonByOwner` over the period's close dates). Idempotent:
 * a forecast is scored once, under the ledger's write lock.
 */
export async function scoreFinishedForecasts(
  handle: DatabaseHandle,
  options: ScoreForecastsOptions,
): Promise<ScoreForecastsResult> {
  // Most reads after close find everything scored: plan without taking the ledger's write lock.
  const planned = await withConnection(handle, (conn) => planScores(conn, options));
  if (planned.events.length === 0 || options.dryRun) return planned.result;
  return withTransaction(handle, async (conn) => {
    await lockLedgerForChange(conn);
    const { events, result } = await planScores(conn, options);
    if (events.length > 0) await appendEvents(conn, events, { recordedTime: options.now });
    return result;
  });
}

async function planScores(
  conn: Connection,
  options: ScoreForecastsOptions,
): Promise<{ events: NewEvent[]; result: ScoreForecastsResult }> {
  const context = await loadCallContext(conn);
  const calendar = context.org.calendar;
  const periods = (options.periods ?? closedQuarters(context, options.now, defaultScoredQuarters)).filter(
    (p) => periodInstants(calendar, p).end.getTime() <= options.now.getTime(),
  );
  const stored = new Set((await listForecastScores(conn, periods)).map((s) => s.forecastId));
  const currency = context.org.settings.corporateCurrency;
  const decimals = context.org.corporateDecimals;
  const events: NewEvent[] = [];
  const result: ScoreForecastsResult = { periods, scored: [], alreadyScored: 0, unresolved: [] };
  for (const period of periods) {
    const picked = pickScoredForecasts(
      await listStoredForecasts(conn, period),
      periodInstants(calendar, period).end,
    );
    if (picked.length === 0) continue;
    const { closeFrom, closeTo } = periodWindows(context, period);
    const won = await sumWonByOwner(conn, { closeFrom, closeTo, corporateCurrency: currency });
    for (const forecast of picked) {
      if (stored.has(forecast.forecastId)) {
        result.alreadyScored += 1;
        continue;
      }
      const owners = await ownersOf(conn, context, forecast);
      if (owners === undefined) {
        result.unresolved.push(forecast.forecastId);
        continue;
      }
      const actualMinor = [...won]
        .filter(([owner]) => owners === null || owners.has(owner))
        .reduce((sum, [, minor]) => sum + minor, 0n);
      const payload: ForecastScorePayload = computeForecastScore({ forecast, currency, actualMinor });
      result.scored.push({
        forecastId: forecast.forecastId,
        period,
        scopeKey: forecast.scopeKey,
        week: forecast.week,
        expected: formatMinor(forecast.expectedMinor, decimals),
        actual: formatMinor(actualMinor, decimals),
        accuracy01: payload.accuracy01,
        withinBand: payload.withinBand,
      });
      events.push({
        businessTime: options.now,
        actor: options.actor,
        source: options.source,
        batchId: null,
        entityType: 'forecast',
        entityId: forecast.forecastId,
        kind: 'forecast.scored',
        payload: { ...payload },
        originKey: `candor:forecast-score:${forecast.forecastId}`,
      });
    }
  }
  return { events, result };
}

/**
 * The owners a stored forecast summed, named again from its team and person filters and, when the
 * one who saw it had a restricted view, cut to what they see now; the forecast's scope key (a digest
 * of those owners) confirms the match. Null is everyone; undefined when no reading matches.
 */
async function ownersOf(
  conn: Connection,
  context: CallContext,
  forecast: StoredForecast,
): Promise<Set<string> | null | undefined> {
  if (forecast.scopeKey === 'all') return null;
  let filtered: readonly string[] | null;
  try {
    filtered = await resolveForecastOwners(conn, {
      scope: { kind: 'everything' },
      teamId: forecast.teamId ?? undefined,
      ownerId: forecast.ownerId ?? undefined,
    });
  } catch {
    return undefined; // the team is gone
  }
  if (filtered !== null && computeScopeKey(filtered) === forecast.scopeKey) return new Set(filtered);
  const recorder = forecast.recordedBy;
  const read = computeAccess({
    userId: recorder,
    memberships: context.memberships.filter((m) => m.userId === recorder),
    teams: context.teams,
    allMemberships: context.memberships,
  }).read;
  if (read.kind === 'everything') return undefined;
  const visible = filtered === null ? read.ownerIds : filtered.filter((id) => read.ownerIds.includes(id));
  return computeScopeKey(visible) === forecast.scopeKey ? new Set(visible) : undefined;
}
