import { DomainError } from '../domain-error.js';
import type { LedgerEvent } from '../ledger-event.js';
import {
  defaultEngagementSettings,
  engagementSettingsSchema,
  meetingSchema,
  strategicAccountSchema,
  type EngagementSettings,
  type MeetingRecord,
  type StrategicAccountRecord,
} from './engagement-records.js';

type EventLike = Pick<LedgerEvent, 'entityType' | 'entityId' | 'kind' | 'payload' | 'seq'>;

/** Meetings: `meeting.logged` carries the full record, `meeting.changed` a partial one. */
export function applyMeetingEvent(state: MeetingRecord | null, event: EventLike): MeetingRecord {
  if (event.kind === 'meeting.logged') {
    if (state) fail(event, 'is logged twice');
    return meetingSchema.parse(event.payload);
  }
  if (event.kind !== 'meeting.changed') fail(event, `has an unknown event kind '${event.kind}'`);
  if (!state) fail(event, 'is changed before it is logged');
  return meetingSchema.parse({ ...state, ...event.payload });
}

/** An account's programme record: each `strategic-account.set` merges into the one before. */
export function applyStrategicAccountEvent(
  state: StrategicAccountRecord | null,
  event: EventLike,
): StrategicAccountRecord {
  if (event.kind !== 'strategic-account.set') fail(event, `has an unknown event kind '${event.kind}'`);
  const base: StrategicAccountRecord = state ?? {
    strategicTag: false,
    sponsorId: null,
    cadence: 'quarterly',
  };
  return strategicAccountSchema.parse({ ...base, ...event.payload });
}

/** The programme settings: each `engagement.configured` merges into the defaults or the last one. */
export function applyEngagementSettingsEvent(
  state: EngagementSettings | null,
  event: EventLike,
): EngagementSettings {
  if (event.kind !== 'engagement.configured') fail(event, `has an unknown event kind '${event.kind}'`);
  return engagementSettingsSchema.parse({ ...(state ?? defaultEngagementSettings), ...event.payload });
}

function fail(event: EventLike, what: string): never {
  throw new DomainError('ledger-broken', `${event.entityType} ${event.entityId} ${what} (seq ${event.seq})`);
}
