import type { AccessScope } from '../../core/access-scope.js';
import { findCallInForce } from '../../core/calls/call-submission.js';
import { computeCallAccuracy } from '../../core/calls/compute-call-accuracy.js';
import { computeOwnerRollup } from '../../core/calls/compute-owner-rollup.js';
import { isEmptyScope, scopeIncludesOwner } from '../../core/compute-access.js';
import { DomainError } from '../../core/domain-error.js';
import { periodInstants } from '../../core/fiscal-calendar.js';
import { formatMinor } from '../../core/money.js';
import { listCallSubmissions, summarizeOwnerCategories, sumWonByOwner } from '../../store/call-queries.js';
import { withConnection, type DatabaseHandle } from '../../store/session.js';
import { callScopeOf, loadCallContext, periodWindows } from './call-context.js';
import { toCallView, type CallView } from './call-view.js';

export type GetCallHistoryOptions = {
  period: string;
  /** Whose calls. */
  userId: string;
  /** The caller's read scope: a person's calls are visible to whoever sees that person's deals. */
  readScope: AccessScope;
  now: Date;
};

export type CallHistoryWeek = {
  week: number;
  dueAt: string;
  /** True once the due time has passed: the week's call can no longer change. */
  frozen: boolean;
  /** The call in force at the due time (for the open week: the latest so far). */
  call: CallView | null;
  /** The roll-up of the person's deals (Closed + Commit, and + Best Case) as it stood at the due time. */
  rollupCommit: string | null;
  rollupBestCase: string | null;
  /** 1 − |actual − call| / actual, once the period has closed and something closed in it. */
  accuracy: number | null;
};

export type CallHistory = {
  period: string;
  userId: string;
  name: string;
  currency: string;
  /** Won so far in the period in the person's scope (the final actual once the period has ended). */
  actual: string;
  periodClosed: boolean;
  weeks: CallHistoryWeek[];
  /** Every submission, oldest first, superseded ones included. */
  submissions: CallView[];
};

/** One person's calls for a period, week by week, with the roll-up at each due time. */
export async function getCallHistory(
  handle: DatabaseHandle,
  options: GetCallHistoryOptions,
): Promise<CallHistory> {
  return withConnection(handle, async (conn) => {
    const context = await loadCallContext(conn);
    const { org } = context;
    const name = context.names.get(options.userId);
    if (!name || !scopeIncludesOwner(options.readScope, options.userId)) {
      throw new DomainError('not-found', `no person '${options.userId}' among the people you can see`, [
        { where: 'user', value: options.userId, reason: 'pick yourself or someone in your team' },
      ]);
    }
    const decimals = org.corporateDecimals;
    const { windows, closeFrom, closeTo } = periodWindows(context, options.period);
    const scope = callScopeOf(context, options.userId);
    const corporateCurrency = org.settings.corporateCurrency;
    const submissions = await listCallSubmissions(conn, {
      periods: [options.period],
      userIds: [options.userId],
    });
    const periodClosed = periodInstants(org.calendar, options.period).end.getTime() <= options.now.getTime();
    const won = isEmptyScope(scope)
      ? new Map<string, bigint>()
      : await sumWonByOwner(conn, { closeFrom, closeTo, corporateCurrency });
    const actualMinor = [...won.entries()]
      .filter(([owner]) => scopeIncludesOwner(scope, owner))
      .reduce((sum, [, minor]) => sum + minor, 0n);
    const weeks: CallHistoryWeek[] = [];
    for (const window of windows) {
      const started = window.opensAfter === null || window.opensAfter.getTime() <= options.now.getTime();
      if (!started) break;
      const frozen = window.dueAt.getTime() <= options.now.getTime();
      const at = frozen ? window.dueAt : options.now;
      const call = findCallInForce(submissions, at);
      const rollup = isEmptyScope(scope)
        ? null
        : computeOwnerRollup(
            await summarizeOwnerCategories(conn, { closeFrom, closeTo, asOf: at, scope, corporateCurrency }),
            'everything',
          );
      weeks.push({
        week: window.week,
        dueAt: window.dueAt.toISOString(),
        frozen,
        call: call ? toCallView(call, context.names, decimals) : null,
        rollupCommit: rollup ? formatMinor(rollup.commitMinor, decimals) : null,
        rollupBestCase: rollup ? formatMinor(rollup.bestCaseMinor, decimals) : null,
        accuracy: periodClosed && call ? computeCallAccuracy(actualMinor, call.commitMinor) : null,
      });
    }
    return {
      period: options.period,
      userId: options.userId,
      name,
      currency: corporateCurrency,
      actual: formatMinor(actualMinor, decimals),
      periodClosed,
      weeks,
      submissions: submissions.map((s) => toCallView(s, context.names, decimals)),
    };
  });
}
