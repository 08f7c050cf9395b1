import type { ImportedMeetingDraft } from '../../../core/import/imported-meeting.js';
import { mapSalesforceActivity } from '../../../core/import/salesforce/map-salesforce-activity.js';
import { mapSalesforceMeeting } from '../../../core/import/salesforce/map-salesforce-meeting.js';
import type { ActivityRecord } from '../../../core/org-entities.js';
import type { Connection } from '../../../store/session.js';
import { readBatchRows } from '../for-each-row.js';
import { upsertActivities, upsertUsers, type ImportedRecord } from '../upsert-records.js';
import type { UserDirectory } from './import-salesforce-people.js';
import { readEventInvitees, SalesforceMeetings } from './import-salesforce-meetings.js';
import type { SalesforceRun } from './salesforce-run.js';

const activitiesPerAppend = 5_000;

/**
 * Streams Task and Event rows into activities, a bounded group at a time. An Event with a customer
 * is also a meeting of the executive programme (src/core/import/salesforce/map-salesforce-meeting.ts).
 */
export async function importSalesforceActivities(
  conn: Connection,
  run: SalesforceRun,
  users: UserDirectory,
): Promise<void> {
  const firstLine = new Map<string, number>();
  const invitees = await readEventInvitees(run);
  const meetings = new SalesforceMeetings(run);
  for (const object of ['Task', 'Event'] as const) {
    const fileIndex = run.fileOf.get(object);
    if (fileIndex === undefined) continue;
    let pending: ImportedRecord<ActivityRecord>[] = [];
    let pendingMeetings: ImportedMeetingDraft[] = [];
    const flush = async (): Promise<void> => {
      const placeholders = await users.placeholdersFor(conn, [
        ...pending.map((a) => a.record.ownerId),
        ...pendingMeetings.flatMap((m) => m.attendeeIds),
      ]);
      await upsertUsers(conn, run.batch, placeholders, () => false);
      await upsertActivities(conn, run.batch, pending);
      await meetings.record(conn, pendingMeetings);
      pending = [];
      pendingMeetings = [];
    };
    for await (const row of readBatchRows(run.batch, fileIndex, {
      requiredColumns: ['Id'],
      onProgress: run.onProgress,
      progressOffset: run.progress,
    })) {
      const mapped = mapSalesforceActivity(row, { object, timeZone: run.org.settings.timeZone });
      if (!mapped.value) {
        if (mapped.problems.length > 0) run.batch.reject(fileIndex, row, mapped.problems);
        continue;
      }
      const first = firstLine.get(mapped.value.id);
      if (first !== undefined) {
        run.batch.reject(fileIndex, row, [
          {
            column: 'Id',
            value: mapped.value.id,
            reason: `duplicate Id: the same activity is on line ${first}`,
          },
        ]);
        continue;
      }
      firstLine.set(mapped.value.id, row.line);
      const occurredAt = new Date(mapped.value.record.occurredAt);
      pending.push({
        id: mapped.value.id,
        record: mapped.value.record,
        createdAt: occurredAt,
        changedAt: mapped.value.modifiedAt ?? run.batch.recordedTime,
        originKey: `sf:${object}:${mapped.value.id}`,
      });
      const meeting =
        object === 'Event'
          ? mapSalesforceMeeting(row, mapped.value, {
              invitees: invitees.get(mapped.value.id),
              timeZone: run.org.settings.timeZone,
            })
          : null;
      if (meeting) pendingMeetings.push(meeting);
      if (pending.length >= activitiesPerAppend) await flush();
    }
    await flush();
  }
  meetings.note();
}
