import { DomainError } from '../domain-error.js';
import type { LedgerEvent } from '../ledger-event.js';
import { digestSubscriptionSchema, type DigestSubscriptionRecord } from './digest-subscription.js';

type EventLike = Pick<LedgerEvent, 'entityType' | 'entityId' | 'kind' | 'payload' | 'seq'>;

/** `digest-subscription.created` carries the full record, `.changed` a partial one. */
export function applyDigestSubscriptionEvent(
  state: DigestSubscriptionRecord | null,
  event: EventLike,
): DigestSubscriptionRecord {
  if (event.kind === 'digest-subscription.created') {
    if (state) fail(event, 'is created twice');
    return digestSubscriptionSchema.parse(event.payload);
  }
  if (event.kind !== 'digest-subscription.changed') fail(event, `has an unknown event kind '${event.kind}'`);
  if (!state) fail(event, 'is changed before it exists');
  return digestSubscriptionSchema.parse({ ...state, ...event.payload });
}

function fail(event: EventLike, what: string): never {
  throw new DomainError('ledger-broken', `${event.entityType} ${event.entityId} ${what} (seq ${event.seq})`);
}
