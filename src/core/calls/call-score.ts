import { z } from 'zod';
import { DomainError } from '../domain-error.js';
import type { LedgerEvent } from '../ledger-event.js';
import type { MinorUnits } from '../money.js';
import { computeCallAccuracy, computeSignedError } from './compute-call-accuracy.js';
import { minorText, shareText, toShareText } from './score-text.js';

/** Names how a score was computed, so a later change of method is visible in the ledger. */
export const callScoreMethod = 'commit-vs-closed-won/1';

/**
 * The payload of a `call.scored` event: one person's calls of one finished period scored against
 * what closed won in their forecast scope, as known when the score was stored. Appended once per
 * person and period, on the person's call entity, after the period ended.
 */
export const callScoredSchema = z.object({
  userId: z.string().min(1),
  period: z.string().min(1),
  currency: z.string().length(3),
  actualMinor: minorText,
  weeks: z.array(
    z.object({
      week: z.number().int().min(1),
      commitMinor: minorText,
      /** call − actual, in minor units: positive over-called, negative sandbagged. */
      errorMinor: minorText,
      /** 1 − |actual − call| / actual; null when nothing closed. */
      accuracy01: shareText.nullable(),
    }),
  ),
  /** Mean of (call − actual) / actual over the weeks; null when nothing closed. */
  bias01: shareText.nullable(),
  method: z.string().min(1),
});
export type CallScorePayload = z.infer<typeof callScoredSchema>;

export type CallScore = {
  seq: bigint;
  userId: string;
  period: string;
  currency: string;
  scoredAt: Date;
  actualMinor: MinorUnits;
  weeks: { week: number; commitMinor: MinorUnits; errorMinor: MinorUnits; accuracy01: number | null }[];
  bias01: number | null;
  method: string;
};

/**
 * Scores one person's frozen weekly calls of a finished period (compute-call-accuracy.ts):
 * accuracy_k = 1 − |actual − call_k| / actual, error_k = call_k − actual,
 * bias = mean_k (call_k − actual) / actual.
 */
export function computeCallScore(input: {
  userId: string;
  period: string;
  currency: string;
  actualMinor: MinorUnits;
  calls: readonly { week: number; commitMinor: MinorUnits }[];
}): CallScorePayload {
  const errors = input.calls
    .map((c) => computeSignedError(input.actualMinor, c.commitMinor))
    .filter((e): e is number => e !== null);
  return {
    userId: input.userId,
    period: input.period,
    currency: input.currency,
    actualMinor: input.actualMinor.toString(),
    weeks: [...input.calls]
      .sort((a, b) => a.week - b.week)
      .map((c) => ({
        week: c.week,
        commitMinor: c.commitMinor.toString(),
        errorMinor: (c.commitMinor - input.actualMinor).toString(),
        accuracy01: toShareText(computeCallAccuracy(input.actualMinor, c.commitMinor)),
      })),
    bias01: toShareText(errors.length === 0 ? null : errors.reduce((s, e) => s + e, 0) / errors.length),
    method: callScoreMethod,
  };
}

type CallEvent = Pick<LedgerEvent, 'entityId' | 'kind' | 'payload' | 'businessTime' | 'seq'>;

/** The stored score of one call entity, or null before its period was scored; two is a broken ledger. */
export function foldCallScore(events: readonly CallEvent[]): CallScore | null {
  const scored = events.filter((e) => e.kind === 'call.scored');
  const [event, second] = scored;
  if (!event) return null;
  if (second) {
    throw new DomainError(
      'ledger-broken',
      `call ${event.entityId} was scored twice (seq ${event.seq} and ${second.seq})`,
    );
  }
  const parsed = callScoredSchema.safeParse(event.payload);
  if (!parsed.success) {
    throw new DomainError('ledger-broken', `call ${event.entityId} has a malformed score (seq ${event.seq})`);
  }
  const p = parsed.data;
  return {
    seq: event.seq,
    userId: p.userId,
    period: p.period,
    currency: p.currency,
    scoredAt: event.businessTime,
    actualMinor: BigInt(p.actualMinor),
    weeks: p.weeks.map((w) => ({
      week: w.week,
      commitMinor: BigInt(w.commitMinor),
      errorMinor: BigInt(w.errorMinor),
      accuracy01: w.accuracy01 === null ? null : Number(w.accuracy01),
    })),
    bias01: p.bias01 === null ? null : Number(p.bias01),
    method: p.method,
  };
}
