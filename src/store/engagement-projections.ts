import { canonicalJson } from '../core/canonical-json.js';
import {
  applyEngagementSettingsEvent,
  applyMeetingEvent,
  applyStrategicAccountEvent,
} from '../core/engagement/apply-engagement-event.js';
import type {
  EngagementSettings,
  MeetingRecord,
  StrategicAccountRecord,
} from '../core/engagement/engagement-records.js';
import { applyDigestSubscriptionEvent } from '../core/insights/apply-digest-subscription-event.js';
import type { DigestSubscriptionRecord } from '../core/insights/digest-subscription.js';
import { applyInsightEvent, type InsightState } from '../core/insights/apply-insight-event.js';
import type { LedgerEvent } from '../core/ledger-event.js';
import { compareBusinessOrder } from '../core/opportunity-history.js';
import type { ProjectionColumn, ProjectionRow, ProjectionTable } from './projection-tables.js';

/** The entity types of voice of the customer and executive engagement (migration 0011). */
export type EngagementEntityType =
  'insight' | 'meeting' | 'strategic-account' | 'engagement' | 'digest-subscription';

type EventForProjection = Pick<
  LedgerEvent,
  'entityType' | 'entityId' | 'kind' | 'payload' | 'businessTime' | 'recordedTime' | 'source' | 'seq'
>;

const text = (name: string): ProjectionColumn => ({ name, read: name });
const json = (name: string): ProjectionColumn => ({ name, read: name, json: true });
const asText = (name: string): ProjectionColumn => ({ name, read: `${name}::text` });
const ts = (name: string): ProjectionColumn => ({
  name,
  read: `to_char(${name} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
});

export const engagementProjectionTables: Record<EngagementEntityType, readonly ProjectionTable[]> = {
  insight: [
    {
      name: 'insights',
      entityColumn: 'id',
      columns: [
        text('id'),
        text('account_id'),
        text('opportunity_id'),
        text('type'),
        text('competitor'),
        text('topic'),
        text('text'),
        text('severity'),
        text('author_id'),
        ts('captured_at'),
        asText('withdrawn'),
      ],
    },
  ],
  meeting: [
    {
      name: 'meetings',
      entityColumn: 'id',
      columns: [
        text('id'),
        text('account_id'),
        text('opportunity_id'),
        text('title'),
        ts('starts_at'),
        asText('duration_minutes'),
        text('status'),
        asText('planned'),
        json('attendee_ids'),
        json('external_attendees'),
        text('outcome'),
        text('next_steps'),
      ],
    },
  ],
  'strategic-account': [
    {
      name: 'strategic_accounts',
      entityColumn: 'account_id',
      columns: [text('account_id'), asText('strategic_tag'), text('sponsor_id'), text('cadence')],
    },
  ],
  engagement: [
    { name: 'engagement_settings', entityColumn: null, columns: [asText('id'), json('settings')] },
  ],
  'digest-subscription': [
    {
      name: 'digest_subscriptions',
      entityColumn: 'id',
      columns: [
        text('id'),
        text('name'),
        text('audience'),
        json('types'),
        json('segments'),
        text('email'),
        text('webhook_url'),
        asText('active'),
      ],
    },
  ],
};

/** The rows one entity's events project to, as text in the form each column's `read` gives back. */
export function projectEngagementEntity(
  entityType: EngagementEntityType,
  id: string,
  events: readonly EventForProjection[],
): Record<string, ProjectionRow[]> {
  const ordered = [...events].sort(compareBusinessOrder);
  switch (entityType) {
    case 'insight': {
      const state = ordered.reduce<InsightState | null>(applyInsightEvent, null);
      return state ? { insights: [insightRow(id, state)] } : {};
    }
    case 'meeting': {
      const state = ordered.reduce<MeetingRecord | null>(applyMeetingEvent, null);
      return state ? { meetings: [meetingRow(id, state)] } : {};
    }
    case 'strategic-account': {
      const state = ordered.reduce<StrategicAccountRecord | null>(applyStrategicAccountEvent, null);
      if (!state) return {};
      return {
        strategic_accounts: [
          {
            account_id: id,
            strategic_tag: String(state.strategicTag),
            sponsor_id: state.sponsorId,
            cadence: state.cadence,
          },
        ],
      };
    }
    case 'engagement': {
      const state = ordered.reduce<EngagementSettings | null>(applyEngagementSettingsEvent, null);
      return state ? { engagement_settings: [{ id: '1', settings: canonicalJson(state) }] } : {};
    }
    case 'digest-subscription': {
      const state = ordered.reduce<DigestSubscriptionRecord | null>(applyDigestSubscriptionEvent, null);
      if (!state) return {};
      return {
        digest_subscriptions: [
          {
            id,
            name: state.name,
            audience: state.audience,
            types: canonicalJson(state.types),
            segments: canonicalJson(state.segments),
            email: state.email,
            webhook_url: state.webhookUrl,
            active: String(state.active),
          },
        ],
      };
    }
  }
}

function insightRow(id: string, state: InsightState): ProjectionRow {
  return {
    id,
    account_id: state.accountId,
    opportunity_id: state.opportunityId,
    type: state.type,
    competitor: state.competitor,
    topic: state.topic,
    text: state.text,
    severity: state.severity,
    author_id: state.authorId,
    captured_at: new Date(state.capturedAt).toISOString(),
    withdrawn: String(state.withdrawn),
  };
}

function meetingRow(id: string, state: MeetingRecord): ProjectionRow {
  return {
    id,
    account_id: state.accountId,
    opportunity_id: state.opportunityId,
    title: state.title,
    starts_at: new Date(state.startsAt).toISOString(),
    duration_minutes: String(state.durationMinutes),
    status: state.status,
    planned: String(state.planned),
    attendee_ids: canonicalJson(state.attendeeIds),
    external_attendees: canonicalJson(state.externalAttendees),
    outcome: state.outcome,
    next_steps: state.nextSteps,
  };
}
