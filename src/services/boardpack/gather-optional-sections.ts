import type { AccessScope } from '../../core/access-scope.js';
import type { BoardPackData, PackSection } from '../../core/boardpack/board-pack-data.js';
import { isDomainError } from '../../core/domain-error.js';
import { listStoredForecasts } from '../../store/forecast-record-queries.js';
import { withConnection, type DatabaseHandle } from '../../store/session.js';
import { getCallHistory } from '../calls/get-call-history.js';
import { getTrackRecords } from '../calls/get-track-records.js';
import { getHygieneReport } from '../hygiene/get-hygiene-report.js';
import { getQuotas } from '../quotas/get-quotas.js';
import { getScorecards } from '../scorecards/get-scorecards.js';
import { formatMinor } from '../../core/money.js';

export type SectionContext = {
  handle: DatabaseHandle;
  period: string;
  scope: AccessScope;
  /** Whose calls the pack shows: the caller's own, or the organisation's top caller. */
  caller: { userId: string; name: string } | null;
  to: Date;
  now: Date;
  decimals: number;
};

/**
 * Runs one section's reader; a capability that has nothing for the period (no quota set, no calls
 * made) answers with a domain error, which the pack states in words instead of failing whole.
 */
export async function gatherSection<T>(read: () => Promise<T | string>): Promise<PackSection<T>> {
  try {
    const data = await read();
    return typeof data === 'string' ? { status: 'absent', reason: data } : { status: 'ok', data };
  } catch (error) {
    if (isDomainError(error)) return { status: 'absent', reason: `Not available: ${error.message}.` };
    throw error;
  }
}

/** The target: the quota of the top teams in view (their own, or their members' sum). */
export async function readTarget(
  context: SectionContext,
): Promise<{ target: string | null; source: string }> {
  const quotas = await getQuotas(context.handle, { period: context.period, scope: context.scope });
  const ids = new Set(quotas.teams.map((t) => t.teamId));
  const tops = quotas.teams.filter((t) => t.parentId === null || !ids.has(t.parentId));
  const set = tops.filter((t) => t.effective !== null);
  if (set.length === 0) return { target: null, source: `no quota set for ${context.period}` };
  const minor = set.reduce((sum, t) => sum + toMinor(t.effective ?? '0', context.decimals), 0n);
  return {
    target: formatMinor(minor, context.decimals),
    source: `quota of ${set.map((t) => t.name).join(', ')}`,
  };
}

export function readCalls(
  context: SectionContext,
): Promise<PackSection<Extract<BoardPackData['calls'], { status: 'ok' }>['data']>> {
  return gatherSection(async () => {
    if (!context.caller) return 'No forecast calls: nobody leads a top team to call for the organisation.';
    const caller = context.caller;
    const history = await getCallHistory(context.handle, {
      period: context.period,
      userId: caller.userId,
      readScope: context.scope,
      now: context.now,
    });
    if (history.submissions.length === 0)
      return `${caller.name} made no forecast call for ${context.period}.`;
    const forecasts = (
      await withConnection(context.handle, (conn) => listStoredForecasts(conn, context.period))
    ).filter((f) => f.teamId === null && f.ownerId === null);
    return {
      caller: history.name,
      actual: history.actual,
      periodClosed: history.periodClosed,
      weeks: history.weeks.map((w) => {
        const forecast = forecasts.filter((f) => f.week === w.week).at(-1);
        return {
          week: w.week,
          dueAt: w.dueAt,
          commit: w.call?.commit ?? null,
          bestCase: w.call?.bestCase ?? null,
          forecast: forecast ? formatMinor(forecast.expectedMinor, context.decimals) : null,
        };
      }),
    };
  });
}

export function readAccuracy(
  context: SectionContext,
): Promise<PackSection<Extract<BoardPackData['accuracy'], { status: 'ok' }>['data']>> {
  return gatherSection(async () => {
    if (!context.caller) return 'No accuracy history: nobody calls for the organisation.';
    const caller = context.caller;
    const records = await getTrackRecords(context.handle, { readScope: context.scope, now: context.now });
    const person = records.people.find((p) => p.userId === caller.userId);
    const periods = person?.byPeriod.filter((p) => p.calls > 0) ?? [];
    if (periods.length === 0) return `${caller.name} has no scored calls in closed quarters yet.`;
    return {
      caller: caller.name,
      periods: periods.map((p) => ({
        period: p.period,
        actual: p.actual,
        lastCall: p.lastCall,
        bias: p.bias,
      })),
    };
  });
}

export function readScorecards(
  context: SectionContext,
): Promise<PackSection<Extract<BoardPackData['scorecards'], { status: 'ok' }>['data']>> {
  return gatherSection(async () => {
    const report = await getScorecards(context.handle, {
      period: context.period,
      scope: context.scope,
      now: context.now,
    });
    if (report.teams.length === 0) return 'No team scorecards: no team is in view.';
    return {
      teams: report.teams.map((t) => ({
        name: t.name,
        quota: t.quota,
        bookings: t.bookings,
        attainment: t.attainment,
        status: t.status,
        offTrack: t.indicators.filter((i) => i.status === 'off-track').map((i) => i.label),
      })),
    };
  });
}

export function readHygiene(
  context: SectionContext,
): Promise<PackSection<Extract<BoardPackData['hygiene'], { status: 'ok' }>['data']>> {
  return gatherSection(async () => {
    const report = await getHygieneReport(context.handle, {
      asOf: context.to,
      scope: context.scope,
      period: context.period,
      trendWeeks: 0,
      withForecast: false,
      clock: () => context.now,
    });
    return {
      score: report.scores.total.score,
      flaggedDeals: report.scores.total.flaggedDeals,
      openDeals: report.scores.total.openDeals,
      flaggedValue: report.scores.total.flaggedValue,
      adjustedDifference: report.pipeline.difference,
      byRule: report.pipeline.byRule.map((r) => ({ rule: r.rule, deals: r.deals, amount: r.amount })),
    };
  });
}

function toMinor(amount: string, decimals: number): bigint {
  const negative = amount.startsWith('-');
  const [whole = '0', fraction = ''] = amount.replace('-', '').split('.');
  const value = BigInt(whole + fraction.padEnd(decimals, '0').slice(0, decimals));
  return negative ? -value : value;
}
