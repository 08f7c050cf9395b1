import type { AccessScope } from '../../core/access-scope.js';
import { findCallInForce, type CallSubmission } from '../../core/calls/call-submission.js';
import { checkCallDeviation } from '../../core/calls/check-call-deviation.js';
import { findCallWindow, type CallWindow } from '../../core/calls/compute-call-windows.js';
import { computeOwnerRollup, type RollupFigures } from '../../core/calls/compute-owner-rollup.js';
import { listCallTeams, planCallGrid, type CallGridRowPlan } from '../../core/calls/plan-call-grid.js';
import { isEmptyScope } from '../../core/compute-access.js';
import { DomainError } from '../../core/domain-error.js';
import { formatMinor, type MinorUnits } from '../../core/money.js';
import { listCallSubmissions, summarizeOwnerCategories } from '../../store/call-queries.js';
import { withConnection, type DatabaseHandle } from '../../store/session.js';
import { callScopeOf, loadCallContext, periodWindows, type CallContext } from './call-context.js';
import { toCallView, type CallView } from './call-view.js';

export type GetCallGridOptions = {
  period: string;
  /** The team to show; the caller's top team when absent. */
  teamId?: string | undefined;
  userId: string;
  readScope: AccessScope;
  now: Date;
};

export type RollupView = {
  deals: number;
  closed: string;
  commit: string;
  bestCase: string;
  pipeline: string;
  /** Closed + Commit, what a commit call is compared with. */
  rollupCommit: string;
  /** Closed + Commit + Best Case. */
  rollupBestCase: string;
  overriddenDeals: number;
  overridden: string;
};

export type CallGridRow = {
  kind: CallGridRowPlan['kind'];
  teamId: string | null;
  teamName: string | null;
  userId: string | null;
  name: string;
  rollup: RollupView;
  /** Change of the roll-up's commit since the previous week's due time; null in week 1. */
  rollupCommitChange: string | null;
  call: CallView | null;
  /** Change of the commit call since the call frozen at the previous due time; null without both. */
  callCommitChange: string | null;
  /** Whether the call differs from today's roll-up by more than the reason share. */
  beyondShare: boolean;
};

export type CallGrid = {
  period: string;
  currency: string;
  team: { id: string; name: string } | null;
  teams: { id: string; name: string; parentId: string | null }[];
  /** The window open now; null once the period's last window has closed. */
  window: { week: number; dueAt: string } | null;
  /** The due time the "change since last week" compares with. */
  previousDueAt: string | null;
  policy: CallContext['policy'];
  rows: CallGridRow[];
  /** The caller's own call, the roll-up it is compared with, and whether they may submit now. */
  mine: { canSubmit: boolean; rollup: RollupView; call: CallView | null };
};

/**
 * The call grid of one team for a period: the team's leader, each child team and each rep, with
 * their latest call beside the bottom-up sums of their deals by category (cut to the caller's read
 * scope), and the change since the previous week's due time for both.
 */
export async function getCallGrid(handle: DatabaseHandle, options: GetCallGridOptions): Promise<CallGrid> {
  return withConnection(handle, async (conn) => {
    const context = await loadCallContext(conn);
    const { org } = context;
    const decimals = org.corporateDecimals;
    const teams = listCallTeams(
      context.teams,
      context.memberships,
      options.userId,
      options.readScope.kind === 'everything',
    );
    const team = options.teamId ? teams.find((t) => t.id === options.teamId) : teams[0];
    if (options.teamId && !team) {
      throw new DomainError('not-found', `no team '${options.teamId}' among the teams you can see`, [
        { where: 'team', value: options.teamId, reason: 'pick one of the teams you manage' },
      ]);
    }
    const plans: CallGridRowPlan[] = team
      ? planCallGrid(context.teams, context.memberships, team.id)
      : [{ kind: 'member', teamId: null, userId: options.userId, ownerIds: new Set([options.userId]) }];

    const { windows, closeFrom, closeTo } = periodWindows(context, options.period);
    const window = findCallWindow(windows, options.now);
    const previous = previousWindow(windows, window, options.now);
    const query = {
      closeFrom,
      closeTo,
      scope: options.readScope,
      corporateCurrency: org.settings.corporateCurrency,
    };
    const totalsNow = await summarizeOwnerCategories(conn, { ...query, asOf: null });
    const totalsBefore = previous
      ? await summarizeOwnerCategories(conn, { ...query, asOf: previous.dueAt })
      : null;
    const people = [
      ...new Set([...plans.map((p) => p.userId), options.userId].filter((id): id is string => id !== null)),
    ];
    const calls = groupByUser(
      await listCallSubmissions(conn, { periods: [options.period], userIds: people }),
    );
    const inForceAt = window ? options.now : (windows.at(-1)?.dueAt ?? options.now);
    const view = (rollup: RollupFigures) => toRollupView(rollup, decimals);

    const rows = plans.map((plan): CallGridRow => {
      const rollup = computeOwnerRollup(totalsNow, plan.ownerIds);
      const before = totalsBefore ? computeOwnerRollup(totalsBefore, plan.ownerIds) : null;
      const history = plan.userId ? (calls.get(plan.userId) ?? []) : [];
      const call = findCallInForce(history, inForceAt);
      // The call it changed from: the one in force at the due time before the call's own week.
      const callBefore = call ? windows[windows.findIndex((w) => w.week === call.week) - 1] : undefined;
      const lastWeek = call && callBefore ? findCallInForce(history, callBefore.dueAt) : null;
      const deviation = call
        ? checkCallDeviation(
            call,
            { commitMinor: rollup.commitMinor, bestCaseMinor: rollup.bestCaseMinor },
            context.policy.reasonShare01,
          )
        : null;
      const teamName = plan.teamId
        ? (context.teams.find((t) => t.id === plan.teamId)?.name ?? plan.teamId)
        : null;
      return {
        kind: plan.kind,
        teamId: plan.teamId,
        teamName,
        userId: plan.userId,
        name: plan.userId ? (context.names.get(plan.userId) ?? plan.userId) : 'No leader',
        rollup: view(rollup),
        rollupCommitChange: before ? formatMinor(rollup.commitMinor - before.commitMinor, decimals) : null,
        call: call ? toCallView(call, context.names, decimals) : null,
        callCommitChange:
          call && lastWeek ? formatMinor(call.commitMinor - lastWeek.commitMinor, decimals) : null,
        beyondShare: (deviation?.beyond.length ?? 0) > 0,
      };
    });

    const myScope = callScopeOf(context, options.userId);
    const myTotals = isEmptyScope(myScope)
      ? []
      : await summarizeOwnerCategories(conn, { ...query, scope: myScope, asOf: null });
    const myCall = findCallInForce(calls.get(options.userId) ?? [], inForceAt);
    return {
      period: options.period,
      currency: org.settings.corporateCurrency,
      team: team ? { id: team.id, name: team.name } : null,
      teams,
      window: window ? { week: window.week, dueAt: window.dueAt.toISOString() } : null,
      previousDueAt: previous ? previous.dueAt.toISOString() : null,
      policy: context.policy,
      rows,
      mine: {
        canSubmit: window !== null && !isEmptyScope(myScope),
        rollup: view(computeOwnerRollup(myTotals, 'everything')),
        call: myCall ? toCallView(myCall, context.names, decimals) : null,
      },
    };
  });
}

/** The window whose frozen calls "last week" means: the one before the open window, or before the last. */
function previousWindow(
  windows: readonly CallWindow[],
  open: CallWindow | null,
  now: Date,
): CallWindow | null {
  if (open) {
    const index = windows.indexOf(open);
    return index > 0 ? (windows[index - 1] ?? null) : null;
  }
  const closed = windows.filter((w) => w.dueAt.getTime() < now.getTime());
  return closed.at(-2) ?? null;
}

function groupByUser(calls: readonly CallSubmission[]): Map<string, CallSubmission[]> {
  const byUser = new Map<string, CallSubmission[]>();
  for (const call of calls) byUser.set(call.userId, [...(byUser.get(call.userId) ?? []), call]);
  return byUser;
}

export function toRollupView(rollup: RollupFigures, decimals: number): RollupView {
  const money = (minor: MinorUnits) => formatMinor(minor, decimals);
  return {
    deals: rollup.deals,
    closed: money(rollup.byCategory.Closed),
    commit: money(rollup.byCategory.Commit),
    bestCase: money(rollup.byCategory['Best Case']),
    pipeline: money(rollup.byCategory.Pipeline),
    rollupCommit: money(rollup.commitMinor),
    rollupBestCase: money(rollup.bestCaseMinor),
    overriddenDeals: rollup.overriddenDeals,
    overridden: money(rollup.overriddenMinor),
  };
}
