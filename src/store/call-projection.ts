import { canonicalJson } from '../core/canonical-json.js';
import { applyCallPolicyChange, type CallPolicy } from '../core/calls/call-policy.js';
import { foldCallScore } from '../core/calls/call-score.js';
import { DomainError } from '../core/domain-error.js';
import { foldCallEvents } from '../core/calls/call-submission.js';
import type { JsonValue } from '../core/canonical-json.js';
import type { LedgerEvent } from '../core/ledger-event.js';
import { compareBusinessOrder } from '../core/opportunity-history.js';
import type { ProjectionRow, ProjectionTable } from './projection-tables.js';

type EventForProjection = Pick<LedgerEvent, 'entityId' | 'kind' | 'payload' | 'businessTime' | 'seq'>;

const instant = (name: string) => ({
  name,
  read: `to_char(${name} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
});
const plain = (name: string) => ({ name, read: name });
const asText = (name: string) => ({ name, read: `${name}::text` });

/** Every submitted forecast call, one row per submission (migration 0007), and its score (0016). */
export const callProjectionTables: readonly ProjectionTable[] = [
  {
    name: 'forecast_calls',
    entityColumn: 'call_id',
    columns: [
      plain('call_id'),
      asText('seq'),
      plain('user_id'),
      plain('period'),
      asText('week'),
      instant('submitted_at'),
      plain('submitted_by'),
      asText('commit_minor'),
      asText('best_case_minor'),
      plain('currency'),
      plain('note'),
      plain('reason'),
      asText('rollup_commit_minor'),
      asText('rollup_best_case_minor'),
    ],
  },
  {
    name: 'call_scores',
    entityColumn: 'call_id',
    columns: [
      plain('call_id'),
      asText('seq'),
      plain('user_id'),
      plain('period'),
      plain('currency'),
      instant('scored_at'),
      asText('actual_minor'),
      { name: 'weeks', read: 'weeks', json: true },
      plain('bias01'),
      plain('method'),
    ],
  },
];

/** The organisation's call policy, one row (migration 0007). */
export const callPolicyProjectionTables: readonly ProjectionTable[] = [
  {
    name: 'call_policy',
    entityColumn: null,
    columns: [asText('id'), { name: 'settings', read: 'settings', json: true }],
  },
];

export function projectCalls(
  id: string,
  events: readonly EventForProjection[],
): Record<string, ProjectionRow[]> {
  return {
    forecast_calls: foldCallEvents(events).map((call) => ({
      call_id: id,
      seq: call.seq.toString(),
      user_id: call.userId,
      period: call.period,
      week: String(call.week),
      submitted_at: call.submittedAt.toISOString(),
      submitted_by: call.submittedBy,
      commit_minor: call.commitMinor.toString(),
      best_case_minor: call.bestCaseMinor.toString(),
      currency: call.currency,
      note: call.note,
      reason: call.reason,
      rollup_commit_minor: call.rollupCommitMinor.toString(),
      rollup_best_case_minor: call.rollupBestCaseMinor.toString(),
    })),
    call_scores: scoreRows(id, events),
  };
}

function scoreRows(id: string, events: readonly EventForProjection[]): ProjectionRow[] {
  const score = foldCallScore(events);
  const event = events.find((e) => e.kind === 'call.scored');
  if (!score || !event) return [];
  return [
    {
      call_id: id,
      seq: score.seq.toString(),
      user_id: score.userId,
      period: score.period,
      currency: score.currency,
      scored_at: score.scoredAt.toISOString(),
      actual_minor: score.actualMinor.toString(),
      weeks: canonicalJson((event.payload as { weeks: JsonValue }).weeks),
      bias01: (event.payload as { bias01: string | null }).bias01,
      method: score.method,
    },
  ];
}

export function projectCallPolicy(events: readonly EventForProjection[]): Record<string, ProjectionRow[]> {
  let policy: CallPolicy | null = null;
  for (const event of [...events].sort(compareBusinessOrder)) {
    if (event.kind !== 'call_policy.changed') {
      throw new DomainError(
        'ledger-broken',
        `call policy has an unknown event kind '${event.kind}' (seq ${event.seq})`,
      );
    }
    policy = applyCallPolicyChange(policy, event.payload);
  }
  return policy ? { call_policy: [{ id: '1', settings: canonicalJson(policy) }] } : {};
}
