import { DomainError } from '../domain-error.js';
import type { LedgerEvent } from '../ledger-event.js';
import { quotaSetSchema, type Quota } from './quota.js';

type QuotaEvent = Pick<LedgerEvent, 'entityId' | 'kind' | 'payload' | 'seq' | 'businessTime'>;

/** A quota as its events leave it, with the moment it was last set; null once cleared (or never set). */
export type QuotaState = Quota & { setAt: Date };

/**
 * Folds a quota's events, already in business order: each `quota.set` replaces the amount,
 * `quota.cleared` removes the quota. A set whose subject or period differs from the entity's id is
 * a broken ledger, not a new quota.
 */
export function applyQuotaEvents(events: readonly QuotaEvent[]): QuotaState | null {
  let state: QuotaState | null = null;
  for (const event of events) {
    if (event.kind === 'quota.cleared') {
      state = null;
      continue;
    }
    if (event.kind !== 'quota.set') {
      throw new DomainError(
        'ledger-broken',
        `quota ${event.entityId} has an unknown event kind '${event.kind}'`,
      );
    }
    const set = quotaSetSchema.parse(event.payload);
    if (`${set.subjectType}:${set.subjectId}:${set.period}` !== event.entityId) {
      throw new DomainError(
        'ledger-broken',
        `quota ${event.entityId} is set for another subject (seq ${event.seq})`,
      );
    }
    state = {
      subjectType: set.subjectType,
      subjectId: set.subjectId,
      period: set.period,
      amountMinor: BigInt(set.amountMinor),
      currency: set.currency,
      setAt: event.businessTime,
    };
  }
  return state;
}
