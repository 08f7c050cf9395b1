import { createHash } from 'node:crypto';
import { canonicalJson } from '../../canonical-json.js';
import { meetingStatuses, type MeetingStatus } from '../../engagement/engagement-records.js';
import type { CsvRow } from '../csv-row.js';
import { clampMeetingMinutes, isBusinessReview, type ImportedMeetingDraft } from '../imported-meeting.js';
import type { RowProblem } from '../row-problem.js';
import { MappedRowReader, type MappingContext } from './mapped-row-reader.js';

/** A meeting row before its people are found: attendees as the file names them (ids or names). */
export type MappedMeetingRow = Omit<ImportedMeetingDraft, 'attendeeIds'> & {
  ownerId: string | null;
  attendeeNames: string[];
};

const statusWords: Record<string, MeetingStatus> = {
  held: 'held',
  completed: 'held',
  done: 'held',
  scheduled: 'scheduled',
  planned: 'scheduled',
  booked: 'scheduled',
  cancelled: 'cancelled',
  canceled: 'cancelled',
};

/** `;`-separated names (as CRMs export multi-valued fields), blanks left out. */
export function splitNames(text: string | null): string[] {
  return (text ?? '')
    .split(';')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/**
 * One row of a meetings file. The duration is `durationMinutes`, else the time to `endsAt`, else an
 * hour; `planned` is the mapped flag, else whether the title names a business review; a status is
 * `held`, `scheduled` or `cancelled` (also `completed`, `done`, `booked`, `canceled`), else it follows
 * from the time. Without an id, the row's content is its identity (an identical row is the same meeting).
 */
export function mapMappedMeeting(
  row: CsvRow,
  context: MappingContext,
): { value: MappedMeetingRow | null; problems: RowProblem[] } {
  const read = new MappedRowReader(row, context);
  const startsAt = read.instant('startsAt', true);
  const title = read.text('title', { required: true, keepText: true })?.trim() ?? null;
  const endsAt = read.instant('endsAt');
  const minutesText = read.text('durationMinutes');
  let durationMinutes = 60;
  if (minutesText !== null) {
    const minutes = Number(minutesText);
    if (!Number.isFinite(minutes) || minutes <= 0)
      read.problem('durationMinutes', minutesText, 'expected a number of minutes above 0');
    else durationMinutes = clampMeetingMinutes(minutes);
  } else if (endsAt && startsAt) {
    if (endsAt < startsAt) read.problem('endsAt', endsAt.toISOString(), 'the meeting ends before it starts');
    else durationMinutes = clampMeetingMinutes((endsAt.getTime() - startsAt.getTime()) / 60_000);
  }
  const statusText = read.text('status');
  const status = statusText === null ? null : (statusWords[statusText.toLowerCase()] ?? null);
  if (statusText !== null && status === null)
    read.problem('status', statusText, `expected one of ${meetingStatuses.join(', ')}`);
  const plannedFlag = read.flag('planned');
  const values = {
    accountId: read.text('accountId'),
    opportunityId: read.text('opportunityId'),
    ownerId: read.text('ownerId'),
    attendeeNames: splitNames(read.text('attendees')),
    externalAttendees: splitNames(read.text('externalAttendees')),
    outcome: read.text('outcome', { keepText: true })?.trim() || null,
    nextSteps: read.text('nextSteps', { keepText: true })?.trim() || null,
  };
  const id = read.text('id');
  if (read.problems.length > 0 || !startsAt || !title) return { value: null, problems: read.problems };
  const { mapping } = context;
  const content = { ...values, title, startsAt: startsAt.toISOString(), durationMinutes, status };
  const identity = id ?? createHash('sha256').update(canonicalJson(content)).digest('hex').slice(0, 32);
  return {
    value: {
      ...values,
      id: mapping.idPrefix + identity,
      originKey: `${mapping.source}:meeting:${mapping.idPrefix}${identity}`,
      title,
      startsAt,
      durationMinutes,
      status,
      planned: plannedFlag ?? isBusinessReview([title]),
    },
    problems: [],
  };
}
