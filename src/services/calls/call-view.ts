import type { CallSubmission } from '../../core/calls/call-submission.js';
import { formatMinor } from '../../core/money.js';

/** A call as the API and the CLI show it: amounts as exact decimal strings. */
export type CallView = {
  userId: string;
  name: string;
  period: string;
  week: number;
  seq: string;
  submittedAt: string;
  submittedBy: string;
  submittedByName: string;
  commit: string;
  bestCase: string;
  currency: string;
  note: string | null;
  reason: string | null;
  rollupCommit: string;
  rollupBestCase: string;
};

export function toCallView(
  call: CallSubmission,
  names: ReadonlyMap<string, string>,
  decimals: number,
): CallView {
  return {
    userId: call.userId,
    name: names.get(call.userId) ?? call.userId,
    period: call.period,
    week: call.week,
    seq: call.seq.toString(),
    submittedAt: call.submittedAt.toISOString(),
    submittedBy: call.submittedBy,
    submittedByName: names.get(call.submittedBy) ?? call.submittedBy,
    commit: formatMinor(call.commitMinor, decimals),
    bestCase: formatMinor(call.bestCaseMinor, decimals),
    currency: call.currency,
    note: call.note,
    reason: call.reason,
    rollupCommit: formatMinor(call.rollupCommitMinor, decimals),
    rollupBestCase: formatMinor(call.rollupBestCaseMinor, decimals),
  };
}
