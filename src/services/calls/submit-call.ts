import type { AccessScope } from '../../core/access-scope.js';
import { callEntityId, type CallSubmission } from '../../core/calls/call-submission.js';
import { checkCallDeviation } from '../../core/calls/check-call-deviation.js';
import { findCallWindow } from '../../core/calls/compute-call-windows.js';
import { computeOwnerRollup } from '../../core/calls/compute-owner-rollup.js';
import { isEmptyScope, scopeIncludesOwner } from '../../core/compute-access.js';
import { DomainError } from '../../core/domain-error.js';
import { formatMinor, type MinorUnits } from '../../core/money.js';
import { parseExactAmount } from '../../core/opportunity-edit/parse-exact-amount.js';
import { listCallSubmissions, summarizeOwnerCategories } from '../../store/call-queries.js';
import type { DatabaseHandle } from '../../store/session.js';
import { runChange, type ChangeContext } from '../admin/change-context.js';
import { callScopeOf, loadCallContext, periodWindows } from './call-context.js';
import { toCallView, type CallView } from './call-view.js';

export type SubmitCallOptions = ChangeContext & {
  period: string;
  /** Decimal amounts in the corporate currency. */
  commit: string;
  bestCase: string;
  note?: string | null | undefined;
  reason?: string | null | undefined;
  /** Whose call: the caller's own when absent; a manager may enter one for someone in their scope. */
  userId?: string | undefined;
  /** The caller's forecast scope. */
  forecastScope: AccessScope;
};

/**
 * Records one forecast call as a `call.submitted` ledger event. The call counts for the window
 * open now (a call after a week's due time counts for the next week; after the period's last due
 * time it is refused), is compared with the bottom-up roll-up of the deals it covers, and needs a
 * written reason when it differs from that roll-up by more than the policy's share. Nothing is
 * edited: a later call for the same week supersedes this one.
 */
export async function submitCall(handle: DatabaseHandle, options: SubmitCallOptions): Promise<CallView> {
  return runChange(handle, options, async (conn, record) => {
    const context = await loadCallContext(conn);
    const { org, policy } = context;
    const userId = options.userId ?? options.actor;
    if (userId !== options.actor && !scopeIncludesOwner(options.forecastScope, userId)) {
      throw new DomainError(
        'forbidden',
        `you may not submit a call for ${context.names.get(userId) ?? userId}: they are outside the people you forecast for`,
      );
    }
    const scope = callScopeOf(context, userId);
    if (!context.names.has(userId) || isEmptyScope(scope)) {
      throw new DomainError(
        'invalid-input',
        `${context.names.get(userId) ?? userId} does not submit forecast calls`,
        [{ where: 'userId', value: userId, reason: 'only reps, managers and executives submit calls' }],
      );
    }
    const { windows, closeFrom, closeTo } = periodWindows(context, options.period);
    const window = findCallWindow(windows, options.now);
    if (!window) {
      const last = windows.at(-1);
      throw new DomainError(
        'call-window-closed',
        last
          ? `the calls for ${options.period} are frozen: its last window closed at ${last.dueAt.toISOString()} (week ${last.week})`
          : `${options.period} has no submission window`,
        [
          {
            where: 'period',
            value: options.period,
            reason: 'submit a call for the current or a later period',
          },
        ],
      );
    }
    const currency = org.settings.corporateCurrency;
    const commitMinor = parseCallAmount(options.commit, 'commit', org.corporateDecimals, currency);
    const bestCaseMinor = parseCallAmount(options.bestCase, 'bestCase', org.corporateDecimals, currency);
    if (bestCaseMinor < commitMinor) {
      throw new DomainError('invalid-input', 'the best case is below the commit', [
        {
          where: 'bestCase',
          value: options.bestCase,
          reason: `must be at least the commit (${options.commit})`,
        },
      ]);
    }
    const totals = await summarizeOwnerCategories(conn, {
      closeFrom,
      closeTo,
      asOf: null,
      scope,
      corporateCurrency: currency,
    });
    const rollup = computeOwnerRollup(totals, 'everything');
    const deviation = checkCallDeviation(
      { commitMinor, bestCaseMinor },
      { commitMinor: rollup.commitMinor, bestCaseMinor: rollup.bestCaseMinor },
      policy.reasonShare01,
    );
    const reason = options.reason?.trim() || null;
    if (deviation.beyond.length > 0 && reason === null) {
      const money = (minor: MinorUnits) => `${formatMinor(minor, org.corporateDecimals)} ${currency}`;
      const share = `${Math.round(policy.reasonShare01 * 1000) / 10} %`;
      throw new DomainError(
        'call-reason-required',
        `this call differs from the roll-up of the deals by more than ${share}: write a reason`,
        deviation.beyond.map((figure) =>
          figure === 'commit'
            ? {
                where: 'reason',
                value: options.commit,
                reason: `commit ${money(commitMinor)} against a roll-up of ${money(rollup.commitMinor)} (Closed + Commit)`,
              }
            : {
                where: 'reason',
                value: options.bestCase,
                reason: `best case ${money(bestCaseMinor)} against a roll-up of ${money(rollup.bestCaseMinor)} (Closed + Commit + Best Case)`,
              },
        ),
      );
    }
    await record([
      {
        entityType: 'call',
        entityId: callEntityId(userId, options.period),
        kind: 'call.submitted',
        payload: {
          userId,
          period: options.period,
          week: window.week,
          commitMinor: commitMinor.toString(),
          bestCaseMinor: bestCaseMinor.toString(),
          currency,
          note: options.note?.trim() || null,
          reason,
          rollupCommitMinor: rollup.commitMinor.toString(),
          rollupBestCaseMinor: rollup.bestCaseMinor.toString(),
          submittedBy: options.actor,
        },
      },
    ]);
    const calls = await listCallSubmissions(conn, { periods: [options.period], userIds: [userId] });
    const latest = calls.at(-1) as CallSubmission;
    return toCallView(latest, context.names, org.corporateDecimals);
  });
}

function parseCallAmount(text: string, where: string, decimals: number, currency: string): MinorUnits {
  let minor: MinorUnits;
  try {
    minor = parseExactAmount(text, decimals, currency);
  } catch (error) {
    if (error instanceof DomainError) {
      throw new DomainError(
        error.code,
        `${where}: ${error.message}`,
        error.details.map((d) => ({ ...d, where })),
      );
    }
    throw error;
  }
  if (minor < 0n) {
    throw new DomainError('invalid-input', `${where} is negative`, [
      { where, value: text, reason: 'a call is an amount of bookings, zero or more' },
    ]);
  }
  return minor;
}
