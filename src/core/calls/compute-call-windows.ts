import { DateTime } from 'luxon';
import { addDays, periodDates, periodInstants, type FiscalCalendar } from '../fiscal-calendar.js';
import type { CallPolicy } from './call-policy.js';

/**
 * One submission window of a period: the calls submitted after the previous window's due time and
 * up to this one's count for `week`; once `dueAt` has passed, that week's call is frozen.
 */
export type CallWindow = {
  /** Week of the period, 1-based, counted from the period's first day (`weekOfPeriod`). */
  week: number;
  /** The previous window's due time; null for the first window (it is open from any time before). */
  opensAfter: Date | null;
  dueAt: Date;
};

/**
 * The submission windows of a period. Week k of the period is the seven days from
 * `start + 7(k − 1)` (src/core/fiscal-calendar.ts `weekOfPeriod`); its call is due on the first day
 * of those seven that falls on `dueWeekday`, at `dueTime` in the organisation's time zone. With a
 * fortnightly cadence only even weeks have a due time. A week whose due time would fall on or after
 * the period's end has no window, so the last call of a period is due inside it.
 */
export function computeCallWindows(
  calendar: FiscalCalendar,
  period: string,
  policy: CallPolicy,
): CallWindow[] {
  const { start } = periodDates(calendar, period);
  const { end } = periodInstants(calendar, period);
  const windows: CallWindow[] = [];
  for (let week = 1; ; week += 1) {
    const weekStart = addDays(start, 7 * (week - 1));
    const firstDay = DateTime.fromISO(weekStart, { zone: 'utc' });
    const offset = (policy.dueWeekday - firstDay.weekday + 7) % 7;
    const dueDay = addDays(weekStart, offset);
    const dueAt = DateTime.fromISO(`${dueDay}T${policy.dueTime}`, { zone: calendar.timeZone }).toJSDate();
    if (dueAt >= end) break;
    if (policy.cadence === 'fortnightly' && week % 2 === 1) continue;
    windows.push({ week, opensAfter: windows.at(-1)?.dueAt ?? null, dueAt });
  }
  return windows;
}

/**
 * The window a call submitted at `at` counts for: the first whose due time is at or after `at`. A
 * call submitted after a week's due time counts for the next week (the week's own call is frozen);
 * after the last due time of the period there is none, and the call is refused.
 */
export function findCallWindow(windows: readonly CallWindow[], at: Date): CallWindow | null {
  return windows.find((w) => w.dueAt.getTime() >= at.getTime()) ?? null;
}
