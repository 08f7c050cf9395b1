import { describe, expect, it } from 'vitest';
import { classifyMeeting } from './classify-meeting.js';

const executives = new Set(['exec']);
const meetingOn = (
  startsAt: string,
  overrides: { planned?: boolean; attendeeIds?: string[]; opportunityId?: string | null } = {},
) => ({
  planned: false,
  attendeeIds: ['exec', 'rep'],
  startsAt,
  opportunityId: 'd1',
  ...overrides,
});
const classify = (startsAt: string, closeDate: string | null, timeZone = 'UTC', overrides = {}) =>
  classifyMeeting({
    meeting: meetingOn(startsAt, overrides),
    executiveIds: executives,
    closeDateAtMeeting: closeDate,
    fireDrillDays: 14,
    timeZone,
  });

describe('classifyMeeting', () => {
  it('counts 13 and 14 days before the close date as a fire drill, 15 not', () => {
    expect(classify('2023-06-17T15:00:00Z', '2023-06-30')).toBe('fire-drill'); // 13 days
    expect(classify('2023-06-16T15:00:00Z', '2023-06-30')).toBe('fire-drill'); // 14 days
    expect(classify('2023-06-15T15:00:00Z', '2023-06-30')).toBe('unplanned'); // 15 days
    expect(classify('2023-06-30T15:00:00Z', '2023-06-30')).toBe('fire-drill'); // on the day
    expect(classify('2023-07-01T15:00:00Z', '2023-06-30')).toBe('unplanned'); // after it
  });

  it("takes the meeting's day in the organisation's time zone", () => {
    // 2023-06-16T02:00Z is 15 June in New York (15 days before) but 16 June in Tokyo (14 days).
    expect(classify('2023-06-16T02:00:00Z', '2023-06-30', 'America/New_York')).toBe('unplanned');
    expect(classify('2023-06-16T02:00:00Z', '2023-06-30', 'Asia/Tokyo')).toBe('fire-drill');
    // 2023-06-15T23:30Z is already 16 June in Berlin: 14 days, a fire drill; in UTC 15 days.
    expect(classify('2023-06-15T23:30:00Z', '2023-06-30', 'Europe/Berlin')).toBe('fire-drill');
    expect(classify('2023-06-15T23:30:00Z', '2023-06-30', 'UTC')).toBe('unplanned');
  });

  it('is never a fire drill when planned, without an executive or without a deal', () => {
    expect(classify('2023-06-20T15:00:00Z', '2023-06-30', 'UTC', { planned: true })).toBe('planned');
    expect(classify('2023-06-20T15:00:00Z', '2023-06-30', 'UTC', { attendeeIds: ['rep'] })).toBe('unplanned');
    expect(classify('2023-06-20T15:00:00Z', null, 'UTC', { opportunityId: null })).toBe('unplanned');
  });
});
