import { addDays, periodContaining, periodDates, type FiscalCalendar } from '../fiscal-calendar.js';
import { dayMs, dayOf, dayStart } from './demo-time.js';

/** The span of simulated history: five fiscal quarters ending at `now`. */
export type DemoTimeline = {
  nowMs: number;
  /** Oldest first; the last is the quarter in progress. */
  quarters: { period: string; start: string; end: string }[];
  /** When the organisation, its people and accounts were set up. */
  setupMs: number;
  /** When the first deals were created: a while before the first quarter, so it opens with a pipeline. */
  dealsFromMs: number;
};

/** How long before the first quarter deal creation starts. */
const leadInDays = 60;

export function planDemoTimeline(calendar: FiscalCalendar, now: Date): DemoTimeline {
  const quarters: DemoTimeline['quarters'] = [];
  let period = periodContaining(calendar, dayOf(now.getTime()), 'quarter');
  for (let i = 0; i < 5; i += 1) {
    const { start, end } = periodDates(calendar, period);
    quarters.unshift({ period, start, end });
    period = periodContaining(calendar, addDays(start, -1), 'quarter');
  }
  const firstStart = dayStart(quarters[0]?.start ?? dayOf(now.getTime()));
  const dealsFromMs = firstStart - leadInDays * dayMs;
  return { nowMs: now.getTime(), quarters, setupMs: dealsFromMs - 14 * dayMs, dealsFromMs };
}
