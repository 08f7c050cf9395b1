import { addDays, daysBetween, startOfDay } from '../fiscal-calendar.js';

const dayMs = 86_400_000;

/** An instant `days` whole days after another. */
export function addDaysToInstant(instant: Date, days: number): Date {
  return new Date(instant.getTime() + days * dayMs);
}

/** Whole days elapsed between two instants (rounded down). */
export function wholeDaysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / dayMs);
}

/** The later of two instants. */
export function laterOf(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}

/** An instant as its UTC day, for evidence texts. */
export function dayOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * The instant the day after `day` (`YYYY-MM-DD`) starts in `timeZone`: when a close date has
 * passed. Resolving a zone's offset is the dearest step of judging a deal, and a pipeline has a
 * few hundred distinct close dates among its deals, so the answers are remembered (a bounded
 * cache of a pure function: the same arguments always give the same instant).
 */
export function startOfDayAfter(day: string, timeZone: string): Date {
  // By zone, then by day: a key joined from both cost a string per deal judged.
  let starts = dayStarts.get(timeZone);
  if (starts === undefined || starts.size >= dayStartsLimit) {
    starts = new Map();
    dayStarts.set(timeZone, starts);
  }
  let start = starts.get(day);
  if (start === undefined) {
    start = startOfDay(addDays(day, 1), timeZone).getTime();
    starts.set(day, start);
  }
  return new Date(start);
}

const dayStarts = new Map<string, Map<string, number>>();
const dayStartsLimit = 50_000;

/**
 * Days from one `YYYY-MM-DD` day to another (`to - from`), as fiscal-calendar's daysBetween counts
 * them, by UTC midnight arithmetic. Anything but a real calendar day (`2026-02-30` included) goes to
 * daysBetween, which refuses it with its own error.
 */
export function daysBetweenDays(from: string, to: string): number {
  const fromMs = utcMidnight(from);
  const toMs = utcMidnight(to);
  if (fromMs === null || toMs === null) return daysBetween(from, to);
  return Math.round((toMs - fromMs) / dayMs);
}

function utcMidnight(day: string): number | null {
  // Read digit by digit: this runs for every open deal, and a round trip through a string per call
  // cost more than the rule it serves.
  if (day.length !== 10 || day.charCodeAt(4) !== 45 || day.charCodeAt(7) !== 45) return null;
  const year = digits(day, 0, 4);
  const month = digits(day, 5, 7);
  const date = digits(day, 8, 10);
  if (year === null || month === null || date === null) return null;
  const ms = Date.UTC(year, month - 1, date);
  const check = new Date(ms);
  return check.getUTCMonth() === month - 1 && check.getUTCDate() === date && year >= 1000 ? ms : null;
}

function digits(text: string, from: number, to: number): number | null {
  let value = 0;
  for (let i = from; i < to; i += 1) {
    const code = text.charCodeAt(i) - 48;
    if (code < 0 || code > 9) return null;
    value = value * 10 + code;
  }
  return value;
}
