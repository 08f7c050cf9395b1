import { z } from 'zod';
import { DomainError } from '../domain-error.js';
import type { LedgerEvent } from '../ledger-event.js';
import type { MinorUnits } from '../money.js';

const minorText = z.string().regex(/^-?\d+$/);

/**
 * The payload of a `call.submitted` event. It records the facts as they stood at submission: the
 * week the call counts for and the roll-up it was compared with, so scoring and history never
 * depend on today's settings or deals. `submittedBy` differs from `userId` when a manager entered
 * the call of someone in their team.
 */
export const callSubmittedSchema = z.object({
  userId: z.string().min(1),
  period: z.string().min(1),
  week: z.number().int().min(1),
  commitMinor: minorText,
  bestCaseMinor: minorText,
  currency: z.string().length(3),
  note: z.string().nullable(),
  reason: z.string().nullable(),
  rollupCommitMinor: minorText,
  rollupBestCaseMinor: minorText,
  submittedBy: z.string().min(1),
});

export type CallSubmission = {
  seq: bigint;
  userId: string;
  period: string;
  week: number;
  submittedAt: Date;
  submittedBy: string;
  commitMinor: MinorUnits;
  bestCaseMinor: MinorUnits;
  currency: string;
  note: string | null;
  reason: string | null;
  rollupCommitMinor: MinorUnits;
  rollupBestCaseMinor: MinorUnits;
};

/** The ledger entity of one person's calls for one period: every submission is one of its events. */
export function callEntityId(userId: string, period: string): string {
  return `${period}:${userId}`;
}

type CallEvent = Pick<LedgerEvent, 'entityId' | 'kind' | 'payload' | 'businessTime' | 'seq'>;

/**
 * Every submission of one call entity, oldest first. Nothing is edited: a later submission
 * supersedes an earlier one for the same week, and history keeps both.
 */
export function foldCallEvents(events: readonly CallEvent[]): CallSubmission[] {
  // A call's entity also holds its score once its period is finished (call-score.ts).
  const ordered = events
    .filter((e) => e.kind !== 'call.scored')
    .sort((a, b) => a.businessTime.getTime() - b.businessTime.getTime() || Number(a.seq - b.seq));
  return ordered.map((event) => {
    if (event.kind !== 'call.submitted') {
      throw new DomainError(
        'ledger-broken',
        `call ${event.entityId} has an unknown event kind '${event.kind}' (seq ${event.seq})`,
      );
    }
    const p = callSubmittedSchema.parse(event.payload);
    return {
      seq: event.seq,
      userId: p.userId,
      period: p.period,
      week: p.week,
      submittedAt: event.businessTime,
      submittedBy: p.submittedBy,
      commitMinor: BigInt(p.commitMinor),
      bestCaseMinor: BigInt(p.bestCaseMinor),
      currency: p.currency,
      note: p.note,
      reason: p.reason,
      rollupCommitMinor: BigInt(p.rollupCommitMinor),
      rollupBestCaseMinor: BigInt(p.rollupBestCaseMinor),
    };
  });
}

/** The call in force at an instant: the latest submitted at or before it. */
export function findCallInForce<T extends { submittedAt: Date; seq: bigint }>(
  calls: readonly T[],
  at: Date,
): T | null {
  let found: T | null = null;
  for (const call of calls) {
    if (call.submittedAt.getTime() > at.getTime()) continue;
    if (
      !found ||
      call.submittedAt.getTime() > found.submittedAt.getTime() ||
      (call.submittedAt.getTime() === found.submittedAt.getTime() && call.seq > found.seq)
    ) {
      found = call;
    }
  }
  return found;
}
