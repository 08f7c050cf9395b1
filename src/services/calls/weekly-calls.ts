import type { CallSubmission } from '../../core/calls/call-submission.js';
import { addDays, periodContaining, periodDates, periodInstants } from '../../core/fiscal-calendar.js';
import type { CallContext } from './call-context.js';

/** Per person, the last call submitted for each week of the period (the call frozen for that week). */
export function weeklyCalls(calls: readonly CallSubmission[]): Map<string, Map<number, CallSubmission>> {
  const byUser = new Map<string, Map<number, CallSubmission>>();
  for (const call of calls) {
    const weeks = byUser.get(call.userId) ?? new Map<number, CallSubmission>();
    weeks.set(call.week, call);
    byUser.set(call.userId, weeks);
  }
  for (const [user, weeks] of byUser) byUser.set(user, new Map([...weeks].sort((a, b) => a[0] - b[0])));
  return byUser;
}

/** The last `count` fiscal quarters that ended at or before `now`, oldest first. */
export function closedQuarters(context: CallContext, now: Date, count: number): string[] {
  const calendar = context.org.calendar;
  let period = periodContaining(calendar, now.toISOString().slice(0, 10), 'quarter');
  const periods: string[] = [];
  for (let guard = 0; periods.length < count && guard < count + 2; guard += 1) {
    if (periodInstants(calendar, period).end.getTime() <= now.getTime()) periods.unshift(period);
    period = periodContaining(calendar, addDays(periodDates(calendar, period).start, -1), 'quarter');
  }
  return periods;
}
