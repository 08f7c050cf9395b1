import type { ImportedMeetingDraft } from '../../../core/import/imported-meeting.js';
import {
  mapSalesforceEventRelation,
  type EventInvitees,
} from '../../../core/import/salesforce/map-salesforce-meeting.js';
import type { Connection } from '../../../store/session.js';
import { readBatchRows } from '../for-each-row.js';
import { upsertImportedMeetings } from '../import-meetings.js';
import type { SalesforceRun } from './salesforce-run.js';

/**
 * Who each Event invites, from EventRelation.csv when the export has it (Salesforce's attendees:
 * one row per invited user, contact or lead). Held in memory, like the export's users: one entry
 * per Event with invitees.
 */
export async function readEventInvitees(run: SalesforceRun): Promise<Map<string, EventInvitees>> {
  const invitees = new Map<string, EventInvitees>();
  const fileIndex = run.fileOf.get('EventRelation');
  if (fileIndex === undefined) return invitees;
  for await (const row of readBatchRows(run.batch, fileIndex, {
    requiredColumns: ['EventId', 'RelationId'],
    onProgress: run.onProgress,
    progressOffset: run.progress,
  })) {
    const relation = mapSalesforceEventRelation(row);
    if (!relation) continue;
    let entry = invitees.get(relation.eventId);
    if (!entry) invitees.set(relation.eventId, (entry = { userIds: [], otherIds: [] }));
    (relation.isUser ? entry.userIds : entry.otherIds).push(relation.relationId);
  }
  return invitees;
}

/**
 * The meetings of a Salesforce import. An Event stays an activity whatever happens here; one
 * whose account Candor cannot tell (no AccountId, and a WhatId that is neither an account nor a
 * deal with an account) or does not hold is left out of the programme, and a note says how many.
 */
export class SalesforceMeetings {
  private readonly left = new Map<string, { count: number; example: string }>();

  constructor(private readonly run: SalesforceRun) {}

  async record(conn: Connection, drafts: readonly ImportedMeetingDraft[]): Promise<void> {
    if (drafts.length === 0) return;
    const problems = await upsertImportedMeetings(conn, this.run.batch, drafts);
    // A deal the export does not hold (an Event on a deal of another export): the account is enough.
    const unlinked = [...problems]
      .filter(
        ([index, p]) =>
          p.field === 'opportunityId' && drafts[index]?.accountId && !p.reason.includes('has no account'),
      )
      .map(([index]) => index);
    const retried = await upsertImportedMeetings(
      conn,
      this.run.batch,
      unlinked.map((index) => ({ ...drafts[index]!, opportunityId: null })),
    );
    unlinked.forEach((index, i) => {
      const again = retried.get(i);
      if (again) problems.set(index, again);
      else problems.delete(index);
    });
    for (const [index, problem] of problems) {
      const reason = problem.reason.replace(/ [^ ]*\d[^ ]*/g, ' …');
      const entry = this.left.get(reason) ?? { count: 0, example: drafts[index]?.id ?? '' };
      entry.count += 1;
      this.left.set(reason, entry);
    }
  }

  note(): void {
    for (const [reason, { count, example }] of this.left) {
      this.run.batch.notes.push(
        `${count} Event(s) kept as activities but not as meetings (e.g. ${example}): ${reason}`,
      );
    }
  }
}
