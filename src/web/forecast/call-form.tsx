import { useState, type FormEvent } from 'react';
import type { CallGridResponse } from '../../api/calls.js';
import { formatMoney } from '../format/format-money.js';
import { formatInstant } from '../format/format-time.js';
import { describeError, isApiError } from '../http/api-error.js';
import { useSession } from '../session/session-context.js';
import { Notice } from '../ui/notice.js';
import { useSubmitCall } from './forecast-queries.js';
import { formatShare } from './signed-money.js';

/**
 * The submission form: commit, best case, an optional note, and a reason that becomes required
 * when the call is further from the roll-up than the policy allows (the server refuses without
 * one; the form says so before it is sent).
 */
export function CallForm({ grid }: { grid: CallGridResponse }) {
  const session = useSession();
  const submit = useSubmitCall(session.csrfToken);
  const mine = grid.mine;
  const [commit, setCommit] = useState(mine.call?.commit ?? mine.rollup.rollupCommit);
  const [bestCase, setBestCase] = useState(mine.call?.bestCase ?? mine.rollup.rollupBestCase);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const share = grid.policy.reasonShare01;
  const commitGap = gap(commit, mine.rollup.rollupCommit);
  const bestGap = gap(bestCase, mine.rollup.rollupBestCase);
  const needsReason = beyond(commitGap, share) || beyond(bestGap, share);
  const refusedForReason = isApiError(submit.error) && submit.error.code === 'call-reason-required';

  if (!grid.window) {
    return (
      <Notice tone="info" title="Calls are frozen">
        The last submission window of {grid.period} has closed; its calls can no longer change.
      </Notice>
    );
  }
  if (!mine.canSubmit) return null;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit.mutate(
      {
        period: grid.period,
        commit: commit.trim(),
        bestCase: bestCase.trim(),
        note: note || null,
        reason: reason || null,
      },
      { onSuccess: () => setReason('') },
    );
  };

  return (
    <form className="panel call-form" onSubmit={onSubmit} aria-label="Submit your call">
      <div className="panel-head">
        <h2 className="panel-title">Your call for {grid.period}</h2>
        <span className="muted">
          Week {grid.window.week}, due {formatInstant(grid.window.dueAt)}
        </span>
      </div>
      <p className="muted call-form-rollup">
        Your roll-up: commit {formatMoney(mine.rollup.rollupCommit, grid.currency)} (Closed + Commit), best
        case {formatMoney(mine.rollup.rollupBestCase, grid.currency)}. A call more than {formatShare(share)}{' '}
        away needs a reason.
        {mine.call ? ` Your latest call: ${formatMoney(mine.call.commit, grid.currency)} commit.` : ''}
      </p>
      <div className="form-grid">
        <label className="field">
          <span>Commit ({grid.currency})</span>
          <input
            inputMode="decimal"
            required
            value={commit}
            onChange={(e) => setCommit(e.target.value)}
            name="commit"
          />
          <small className="muted">{describeGap(commitGap)}</small>
        </label>
        <label className="field">
          <span>Best case ({grid.currency})</span>
          <input
            inputMode="decimal"
            required
            value={bestCase}
            onChange={(e) => setBestCase(e.target.value)}
            name="bestCase"
          />
          <small className="muted">{describeGap(bestGap)}</small>
        </label>
        <label className="field call-form-wide">
          <span>Note (optional)</span>
          <input value={note} onChange={(e) => setNote(e.target.value)} name="note" maxLength={2000} />
        </label>
      </div>
      {needsReason || refusedForReason || reason ? (
        <label className="field call-form-reason">
          <span>Reason{needsReason ? ' (required: this call is far from the roll-up)' : ''}</span>
          <textarea
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            name="reason"
            rows={2}
            maxLength={2000}
          />
        </label>
      ) : null}
      {submit.isError ? <Notice tone="error">{describeError(submit.error)}</Notice> : null}
      {submit.isSuccess ? (
        <Notice tone="success">
          Call recorded for week {submit.data.week}: {formatMoney(submit.data.commit, grid.currency)} commit,{' '}
          {formatMoney(submit.data.bestCase, grid.currency)} best case.
        </Notice>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={submit.isPending}>
          {submit.isPending ? 'Submitting…' : 'Submit call'}
        </button>
      </div>
    </form>
  );
}

/** The call's distance from the roll-up as a share of it; null when either is not a number. */
function gap(call: string, rollup: string): number | null {
  const c = Number(call);
  const r = Number(rollup);
  if (!Number.isFinite(c) || call.trim() === '') return null;
  if (r === 0) return c === 0 ? 0 : Infinity;
  return (c - r) / Math.abs(r);
}

function beyond(share: number | null, allowed: number): boolean {
  return share !== null && Math.abs(share) > allowed + 1e-12;
}

function describeGap(share: number | null): string {
  if (share === null) return '';
  if (share === Infinity) return 'the roll-up is empty';
  if (Math.abs(share) < 0.0005) return 'matches the roll-up';
  return `${share > 0 ? '+' : '−'}${Math.round(Math.abs(share) * 1000) / 10} % against the roll-up`;
}
