import type { MeetingRecord, MeetingStatus } from '../core/engagement/engagement-records.js';
import type { Connection } from '../db/connection.js';
import { chunk } from './entity-key.js';

type Db = Pick<Connection, 'db'>;

/** The current records of these meetings, for an import to compare its rows with. */
export async function findMeetings(conn: Db, ids: readonly string[]): Promise<Map<string, MeetingRecord>> {
  const found = new Map<string, MeetingRecord>();
  for (const part of chunk([...new Set(ids)], 5_000)) {
    const rows = await conn.db.selectFrom('meetings').selectAll().where('id', 'in', part).execute();
    for (const r of rows) {
      found.set(r.id, {
        accountId: r.account_id,
        opportunityId: r.opportunity_id,
        title: r.title,
        startsAt: r.starts_at.toISOString(),
        durationMinutes: r.duration_minutes,
        status: r.status as MeetingStatus,
        planned: r.planned,
        attendeeIds: r.attendee_ids as string[],
        externalAttendees: r.external_attendees as string[],
        outcome: r.outcome,
        nextSteps: r.next_steps,
      });
    }
  }
  return found;
}
