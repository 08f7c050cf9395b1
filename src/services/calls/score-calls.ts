import { callEntityId } from '../../core/calls/call-submission.js';
import { computeCallScore } from '../../core/calls/call-score.js';
import { scopeIncludesOwner } from '../../core/compute-access.js';
import { periodInstants } from '../../core/fiscal-calendar.js';
import { formatMinor } from '../../core/money.js';
import type { NewEvent } from '../../core/ledger-event.js';
import { lockLedgerForChange } from '../../store/admin-queries.js';
import { appendEvents } from '../../store/append-events.js';
import { listCallScores } from '../../store/call-score-queries.js';
import { listCallSubmissions, sumWonByOwner } from '../../store/call-queries.js';
import { withConnection, withTransaction, type DatabaseHandle } from '../../store/session.js';
import { callScopeOf, loadCallContext, periodWindows, type CallContext } from './call-context.js';
import { closedQuarters, weeklyCalls } from './weekly-calls.js';

/** Closed quarters scored by default: as many as a track record looks back over. */
const defaultScoredQuarters = 8;

export type ScoreCallsOptions = {
  /** Periods to score; by default the last eight closed quarters. Periods not yet ended are skipped. */
  periods?: readonly string[] | undefined;
  now: Date;
  /** Who stores the scores: `system` when a read after close stores them, the CLI user otherwise. */
  actor: string;
  source: 'cli' | 'system';
  /** Report what would be stored without storing it. */
  dryRun?: boolean;
};

export type ScoreCallsResult = {
  /** Finished periods looked at. */
  periods: string[];
  /** Scores appended now (or that would be, in a dry run). */
  scored: { userId: string; period: string; actual: string; calls: number; bias01: string | null }[];
  /** People and periods already scored earlier, left as they were. */
  alreadyScored: number;
};

/**
 * Stores the scores of every call of finished periods: for each person who called a period that
 * has ended and has no score yet, one `call.scored` event on their call entity
 * (src/core/calls/call-score.ts), scoring each week's frozen commit against what closed won in
 * their forecast scope as known now. Idempotent: a person and period is scored once, under the
 * ledger's write lock, so two simultaneous first reads cannot both store it. A backdated win
 * recorded after the score was stored does not change it.
 */
export async function scoreFinishedCalls(
  handle: DatabaseHandle,
  options: ScoreCallsOptions,
): Promise<ScoreCallsResult> {
  // Most reads after close find everything scored: check without taking the ledger's write lock.
  const nothingToDo = await withConnection(handle, async (conn) => {
    const context = await loadCallContext(conn);
    const periods = finishedPeriods(context, options);
    const stored = await listCallScores(conn, periods);
    const calls = await listCallSubmissions(conn, { periods });
    const callers = new Set(calls.map((c) => `${c.period}:${c.userId}`));
    return callers.size === stored.length ? { periods, alreadyScored: stored.length } : null;
  });
  if (nothingToDo) return { ...nothingToDo, scored: [] };
  return withTransaction(handle, async (conn) => {
    await lockLedgerForChange(conn);
    const context = await loadCallContext(conn);
    const periods = finishedPeriods(context, options);
    const stored = new Set((await listCallScores(conn, periods)).map((s) => `${s.period}:${s.userId}`));
    const calls = await listCallSubmissions(conn, { periods });
    const currency = context.org.settings.corporateCurrency;
    const events: NewEvent[] = [];
    const scored: ScoreCallsResult['scored'] = [];
    let alreadyScored = 0;
    for (const period of periods) {
      const weekly = weeklyCalls(calls.filter((c) => c.period === period));
      if (weekly.size === 0) continue;
      const { closeFrom, closeTo } = periodWindows(context, period);
      const won = await sumWonByOwner(conn, { closeFrom, closeTo, corporateCurrency: currency });
      for (const [userId, byWeek] of [...weekly].sort((a, b) => a[0].localeCompare(b[0]))) {
        if (stored.has(`${period}:${userId}`)) {
          alreadyScored += 1;
          continue;
        }
        const scope = callScopeOf(context, userId);
        const actualMinor = [...won]
          .filter(([owner]) => scopeIncludesOwner(scope, owner))
          .reduce((sum, [, minor]) => sum + minor, 0n);
        const payload = computeCallScore({
          userId,
          period,
          currency,
          actualMinor,
          calls: [...byWeek.values()].map((c) => ({ week: c.week, commitMinor: c.commitMinor })),
        });
        scored.push({
          userId,
          period,
          actual: formatMinor(actualMinor, context.org.corporateDecimals),
          calls: payload.weeks.length,
          bias01: payload.bias01,
        });
        events.push({
          businessTime: options.now,
          actor: options.actor,
          source: options.source,
          batchId: null,
          entityType: 'call',
          entityId: callEntityId(userId, period),
          kind: 'call.scored',
          payload: { ...payload, weeks: payload.weeks.map((w) => ({ ...w })) },
          originKey: `candor:call-score:${period}:${userId}`,
        });
      }
    }
    if (!options.dryRun && events.length > 0) {
      await appendEvents(conn, events, { recordedTime: options.now });
    }
    return { periods, scored, alreadyScored };
  });
}

function finishedPeriods(context: CallContext, options: ScoreCallsOptions): string[] {
  const periods = options.periods ?? closedQuarters(context, options.now, defaultScoredQuarters);
  return periods.filter(
    (p) => periodInstants(context.org.calendar, p).end.getTime() <= options.now.getTime(),
  );
}
