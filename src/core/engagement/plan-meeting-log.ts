import { DomainError, type ErrorDetail } from '../domain-error.js';
import { meetingSchema, type MeetingRecord, type MeetingStatus } from './engagement-records.js';

export type MeetingInput = {
  accountId?: string | null;
  opportunityId?: string | null;
  title: string;
  startsAt: Date;
  durationMinutes?: number | null;
  status?: MeetingStatus | null;
  planned: boolean;
  attendeeIds?: readonly string[];
  externalAttendees?: readonly string[];
  outcome?: string | null;
  nextSteps?: string | null;
};

/**
 * Checks a meeting and turns it into the record of `meeting.logged`. The account is the deal's when
 * a deal is given; a meeting in the future cannot be `held`; status defaults to `held` for a past
 * meeting and `scheduled` for a future one; attendee ids must be known Candor users.
 */
export function planMeetingLog(options: {
  input: MeetingInput;
  deal: { id: string; accountId: string | null } | null;
  knownUserIds: ReadonlySet<string>;
  now: Date;
}): MeetingRecord {
  const { input, deal } = options;
  const problems: ErrorDetail[] = [];
  const accountId = input.accountId?.trim() || deal?.accountId || null;
  if (!accountId) problems.push({ where: 'accountId', reason: 'a meeting is with an account' });
  if (deal?.accountId && input.accountId && input.accountId !== deal.accountId) {
    problems.push({
      where: 'accountId',
      value: input.accountId,
      reason: `the deal ${deal.id} belongs to ${deal.accountId}`,
    });
  }
  if (Number.isNaN(input.startsAt.getTime())) problems.push({ where: 'startsAt', reason: 'not a time' });
  const future = input.startsAt.getTime() > options.now.getTime();
  const status = input.status ?? (future ? 'scheduled' : 'held');
  if (future && status === 'held') {
    problems.push({
      where: 'status',
      value: status,
      reason: 'a meeting that has not started yet cannot have been held',
    });
  }
  for (const id of input.attendeeIds ?? []) {
    if (!options.knownUserIds.has(id))
      problems.push({ where: 'attendeeIds', value: id, reason: 'no such user' });
  }
  if (input.title.trim() === '') problems.push({ where: 'title', reason: 'a meeting needs a title' });
  if (problems.length > 0) {
    throw new DomainError(
      'invalid-input',
      `the meeting cannot be logged: ${problems.map((p) => p.reason).join('; ')}`,
      problems,
    );
  }
  return meetingSchema.parse({
    accountId,
    opportunityId: deal?.id ?? null,
    title: input.title.trim(),
    startsAt: input.startsAt.toISOString(),
    durationMinutes: input.durationMinutes ?? 60,
    status,
    planned: input.planned,
    attendeeIds: [...new Set(input.attendeeIds ?? [])],
    externalAttendees: (input.externalAttendees ?? []).map((a) => a.trim()).filter((a) => a !== ''),
    outcome: input.outcome?.trim() || null,
    nextSteps: input.nextSteps?.trim() || null,
  });
}
