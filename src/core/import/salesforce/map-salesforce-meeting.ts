import type { CsvRow } from '../csv-row.js';
import { clampMeetingMinutes, isBusinessReview, type ImportedMeetingDraft } from '../imported-meeting.js';
import { RowReader } from '../row-reader.js';
import type { MappedActivity } from './map-salesforce-activity.js';
import { isSalesforceIdOf, salesforceId } from './salesforce-id.js';

/** Who an Event's EventRelation rows invite: Salesforce users, and contacts or leads (by id). */
export type EventInvitees = { userIds: string[]; otherIds: string[] };

/**
 * The meeting an imported Salesforce Event stands for, or null when it is not a meeting with a
 * customer: an email or task logged as an Event. The Event's owner is its first attendee, then the
 * users its EventRelation rows invite; contacts and leads (whose names an Event export does not
 * hold) are external attendees by id. The duration is `DurationInMinutes`, else the time to
 * `EndDateTime`, else a day for an all-day Event, else an hour. Planned: its subject, type or
 * subtype names a business review (src/core/import/imported-meeting.ts).
 */
export function mapSalesforceMeeting(
  row: CsvRow,
  activity: MappedActivity,
  options: { invitees: EventInvitees | undefined; timeZone: string },
): ImportedMeetingDraft | null {
  const { record } = activity;
  if (record.type === 'email' || record.type === 'task') return null;
  const invitees = options.invitees;
  const read = new RowReader(row, options.timeZone);
  const startsAt = new Date(record.occurredAt);
  const minutes = Number(read.text('DurationInMinutes') ?? '');
  const endsAt = read.instant('EndDateTime');
  const durationMinutes =
    Number.isFinite(minutes) && minutes > 0
      ? clampMeetingMinutes(minutes)
      : endsAt && endsAt > startsAt
        ? clampMeetingMinutes((endsAt.getTime() - startsAt.getTime()) / 60_000)
        : read.flag('IsAllDayEvent') === true
          ? 24 * 60
          : 60;
  const whoId = salesforceId(read.text('WhoId'));
  const attendeeIds = [record.ownerId, ...(invitees?.userIds ?? [])].filter(
    (id): id is string => id !== null && isSalesforceIdOf(id, 'user'),
  );
  const external = [...(whoId ? [whoId] : []), ...(invitees?.otherIds ?? [])];
  const title = record.subject.trim().replace(/\s+/g, ' ') || '(no subject)';
  return {
    id: activity.id,
    originKey: `sf:Event:${activity.id}:meeting`,
    accountId: record.accountId,
    opportunityId: record.opportunityId,
    title,
    startsAt,
    durationMinutes,
    status: null,
    planned: isBusinessReview([title, read.text('Type'), read.text('EventSubtype')]),
    attendeeIds: [...new Set(attendeeIds)],
    externalAttendees: [...new Set(external)],
    outcome: null,
    nextSteps: null,
  };
}

/** One EventRelation row: the Event it belongs to and whom it invites (the related record itself is skipped). */
export function mapSalesforceEventRelation(
  row: CsvRow,
): { eventId: string; relationId: string; isUser: boolean } | null {
  const read = new RowReader(row, 'UTC');
  if (read.flag('IsDeleted') === true || read.flag('IsWhat') === true) return null;
  const eventId = salesforceId(read.text('EventId'));
  const relationId = salesforceId(read.text('RelationId'));
  if (!eventId || !relationId) return null;
  return { eventId, relationId, isUser: isSalesforceIdOf(relationId, 'user') };
}
