import type { AccessScope } from '../../core/access-scope.js';
import { findCallWindow } from '../../core/calls/compute-call-windows.js';
import { isEmptyScope, scopeIncludesOwner } from '../../core/compute-access.js';
import { listCallSubmissions } from '../../store/call-queries.js';
import { withConnection, type DatabaseHandle } from '../../store/session.js';
import { callScopeOf, loadCallContext, periodWindows } from './call-context.js';

export type MissingCalls = {
  period: string;
  /** The window open now; null once the period's calls are frozen (then nothing is missing). */
  window: { week: number; dueAt: string } | null;
  /** People expected to call: everyone who forecasts, within the caller's read scope. */
  expected: number;
  missing: {
    userId: string;
    name: string;
    teamName: string | null;
    dueAt: string;
    /** Their latest call for the period, from an earlier week; null when they never called. */
    lastCallAt: string | null;
    lastCallWeek: number | null;
  }[];
};

/**
 * Who has not yet submitted a call for the week open now, and when it is due: every active person
 * with a forecast grant (reps, managers, executives) whom the caller can see.
 */
export async function listMissingCalls(
  handle: DatabaseHandle,
  options: { period: string; readScope: AccessScope; now: Date },
): Promise<MissingCalls> {
  return withConnection(handle, async (conn) => {
    const context = await loadCallContext(conn);
    const { windows } = periodWindows(context, options.period);
    const window = findCallWindow(windows, options.now);
    if (!window) return { period: options.period, window: null, expected: 0, missing: [] };
    const people = [...context.activeIds]
      .filter((id) => scopeIncludesOwner(options.readScope, id) && !isEmptyScope(callScopeOf(context, id)))
      .sort((a, b) => (context.names.get(a) ?? a).localeCompare(context.names.get(b) ?? b));
    const calls = await listCallSubmissions(conn, { periods: [options.period], userIds: people });
    const missing: MissingCalls['missing'] = [];
    for (const userId of people) {
      const own = calls.filter((c) => c.userId === userId);
      if (own.some((c) => c.week === window.week)) continue;
      const last = own.at(-1) ?? null;
      const teamId = context.memberships.find((m) => m.userId === userId)?.teamId;
      missing.push({
        userId,
        name: context.names.get(userId) ?? userId,
        teamName: context.teams.find((t) => t.id === teamId)?.name ?? null,
        dueAt: window.dueAt.toISOString(),
        lastCallAt: last ? last.submittedAt.toISOString() : null,
        lastCallWeek: last ? last.week : null,
      });
    }
    return {
      period: options.period,
      window: { week: window.week, dueAt: window.dueAt.toISOString() },
      expected: people.length,
      missing,
    };
  });
}
