import { meetingSchema, type MeetingRecord } from '../../core/engagement/engagement-records.js';
import { planRecordEvent } from '../../core/import/plan-record-event.js';
import {
  computeImportedMeetingStatus,
  type ImportedMeetingDraft,
} from '../../core/import/imported-meeting.js';
import type { NewEvent } from '../../core/ledger-event.js';
import { findMeetings } from '../../store/engagement-import-records.js';
import { findAccounts } from '../../store/import-records.js';
import { findOpportunities } from '../../store/opportunity-queries.js';
import type { Connection } from '../../store/session.js';
import type { ImportBatch } from './import-batch.js';

/** Why a draft did not become a meeting: which of its values, and why. */
export type MeetingProblem = { field: 'accountId' | 'opportunityId'; value: string; reason: string };

/**
 * Records imported meetings as the meetings a person logs: `meeting.logged` for a new one,
 * `meeting.changed` with the members that differ for a known one, nothing for the same (so a
 * re-import adds nothing). The deal must be in Candor and gives the account; the account must be
 * in Candor. Whether a meeting was planned is kept as first imported (decision 0013: it does not
 * change with hindsight); a status the file does not state follows the time, and a cancelled
 * meeting stays cancelled. Returns the problem of each draft that did not land, by its index.
 */
export async function upsertImportedMeetings(
  conn: Connection,
  batch: ImportBatch,
  drafts: readonly ImportedMeetingDraft[],
): Promise<Map<number, MeetingProblem>> {
  const problems = new Map<number, MeetingProblem>();
  const deals = await findOpportunities(conn, [
    ...new Set(drafts.map((d) => d.opportunityId).filter((id): id is string => id !== null)),
  ]);
  const accountOf = (d: ImportedMeetingDraft) =>
    d.accountId ?? (d.opportunityId ? (deals.get(d.opportunityId)?.accountId ?? null) : null);
  const accounts = await findAccounts(conn, [
    ...new Set(drafts.map(accountOf).filter((id): id is string => id !== null)),
  ]);
  const existing = await findMeetings(
    conn,
    drafts.map((d) => d.id),
  );
  const events: NewEvent[] = [];
  drafts.forEach((draft, index) => {
    const problem = checkLinks(draft, deals, accounts);
    if (problem) {
      problems.set(index, problem);
      return;
    }
    const before = existing.get(draft.id) ?? null;
    const record: MeetingRecord = meetingSchema.parse({
      accountId: accountOf(draft),
      opportunityId: draft.opportunityId,
      title: draft.title,
      startsAt: draft.startsAt.toISOString(),
      durationMinutes: draft.durationMinutes,
      status:
        draft.status ?? keptStatus(before, computeImportedMeetingStatus(draft.startsAt, batch.recordedTime)),
      planned: before?.planned ?? draft.planned,
      attendeeIds: draft.attendeeIds,
      externalAttendees: draft.externalAttendees,
      outcome: draft.outcome ?? before?.outcome ?? null,
      nextSteps: draft.nextSteps ?? before?.nextSteps ?? null,
    });
    const plan = planRecordEvent(before, record);
    if (!plan) return;
    const created = plan.change === 'created';
    events.push(
      batch.event({
        businessTime: created ? draft.startsAt : batch.recordedTime,
        entityType: 'meeting',
        entityId: draft.id,
        kind: created ? 'meeting.logged' : 'meeting.changed',
        payload: plan.payload,
        originKey: created ? draft.originKey : `${draft.originKey}:changed@${batch.id}`,
      }),
    );
  });
  await batch.append(conn, events);
  return problems;
}

/** A status the file does not state: a cancelled meeting stays so; a scheduled one is held once it has started. */
function keptStatus(before: MeetingRecord | null, byTime: MeetingRecord['status']): MeetingRecord['status'] {
  if (!before || before.status === 'scheduled') return byTime;
  return before.status;
}

function checkLinks(
  draft: ImportedMeetingDraft,
  deals: ReadonlyMap<string, { accountId: string | null }>,
  accounts: ReadonlyMap<string, unknown>,
): MeetingProblem | null {
  if (draft.opportunityId !== null) {
    const deal = deals.get(draft.opportunityId);
    if (!deal) {
      return {
        field: 'opportunityId',
        value: draft.opportunityId,
        reason: `no deal ${draft.opportunityId} in Candor: import the opportunities first`,
      };
    }
    if (draft.accountId !== null && deal.accountId !== null && deal.accountId !== draft.accountId) {
      return {
        field: 'accountId',
        value: draft.accountId,
        reason: `the deal ${draft.opportunityId} belongs to the account ${deal.accountId}`,
      };
    }
    if (draft.accountId === null && deal.accountId === null) {
      return {
        field: 'opportunityId',
        value: draft.opportunityId,
        reason: `the deal ${draft.opportunityId} has no account, and a meeting is with an account`,
      };
    }
  }
  const accountId =
    draft.accountId ?? (draft.opportunityId ? deals.get(draft.opportunityId)?.accountId : null);
  if (!accountId) return { field: 'accountId', value: '', reason: 'a meeting is with an account: name one' };
  if (!accounts.has(accountId)) {
    return {
      field: 'accountId',
      value: accountId,
      reason: `no account ${accountId} in Candor: import the accounts first`,
    };
  }
  return null;
}
