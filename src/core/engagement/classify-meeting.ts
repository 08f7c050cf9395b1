import { daysBetween, dayInZone } from '../fiscal-calendar.js';
import type { MeetingRecord } from './engagement-records.js';

export type MeetingKind = 'planned' | 'fire-drill' | 'unplanned';

export type ClassifyMeetingOptions = {
  meeting: Pick<MeetingRecord, 'planned' | 'attendeeIds' | 'startsAt' | 'opportunityId'>;
  /** Candor users who hold the executive role. */
  executiveIds: ReadonlySet<string>;
  /** The related deal's close date as it stood when the meeting started; null without a deal. */
  closeDateAtMeeting: string | null;
  fireDrillDays: number;
  /** The organisation's time zone: the meeting's day is its day there. */
  timeZone: string;
};

/**
 * Planned, fire drill, or merely unplanned. A fire drill is a meeting that was not planned, that an
 * executive attended, and that concerns a deal whose close date (as it stood at the meeting) lies
 * 0 to N days after the meeting's day, both counted in the organisation's time zone: with N = 14, a
 * meeting 14 days before the close date is a fire drill and one 15 days before is not. A meeting
 * after the close date is not one (the deal is already late; that is a different conversation).
 */
export function classifyMeeting(options: ClassifyMeetingOptions): MeetingKind {
  const { meeting } = options;
  if (meeting.planned) return 'planned';
  const executive = meeting.attendeeIds.some((id) => options.executiveIds.has(id));
  if (!executive || meeting.opportunityId === null || options.closeDateAtMeeting === null) return 'unplanned';
  const day = dayInZone(new Date(meeting.startsAt), options.timeZone);
  const daysToClose = daysBetween(day, options.closeDateAtMeeting);
  return daysToClose >= 0 && daysToClose <= options.fireDrillDays ? 'fire-drill' : 'unplanned';
}
