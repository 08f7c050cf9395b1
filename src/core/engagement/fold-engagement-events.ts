import { applyDigestSubscriptionEvent } from '../insights/apply-digest-subscription-event.js';
import { applyInsightEvent } from '../insights/apply-insight-event.js';
import type { LedgerEvent } from '../ledger-event.js';
import { compareBusinessOrder } from '../opportunity-history.js';
import {
  applyEngagementSettingsEvent,
  applyMeetingEvent,
  applyStrategicAccountEvent,
} from './apply-engagement-event.js';

type EventLike = Pick<LedgerEvent, 'entityType' | 'entityId' | 'kind' | 'payload' | 'seq' | 'businessTime'>;

const reducers: Record<string, (state: never, event: EventLike) => unknown> = {
  insight: applyInsightEvent,
  meeting: applyMeetingEvent,
  'strategic-account': applyStrategicAccountEvent,
  engagement: applyEngagementSettingsEvent,
  'digest-subscription': applyDigestSubscriptionEvent,
};

/**
 * Folds one voice-of-the-customer or engagement entity's events in business order, throwing as the
 * projection would on a malformed one; returns false for entity types that are not of this area.
 */
export function foldEngagementEvents(events: readonly EventLike[]): boolean {
  const first = events[0];
  const reducer = first ? reducers[first.entityType] : undefined;
  if (!reducer) return false;
  let state: unknown = null;
  for (const event of [...events].sort(compareBusinessOrder)) state = reducer(state as never, event);
  return state !== null;
}
