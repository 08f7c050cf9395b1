import type { Random } from './random.js';

/**
 * Time arithmetic for the demo, in UTC milliseconds (the demo organisation's zone is UTC, so a day
 * is always 24 hours). Plain numbers keep the generator fast: it places tens of thousands of events.
 */
export const hourMs = 3_600_000;
export const dayMs = 24 * hourMs;

/** The `YYYY-MM-DD` day an instant falls on (UTC). */
export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Midnight (UTC) at the start of a day. */
export function dayStart(day: string): number {
  return Date.parse(`${day}T00:00:00.000Z`);
}

/** Midnight (UTC) at the start of the day an instant falls on. */
export function floorDay(ms: number): number {
  return ms - (((ms % dayMs) + dayMs) % dayMs);
}

/**
 * A moment in working hours (08:00–18:00 UTC, whole minutes) on the day of `ms`, moved to the
 * following Monday when that day is a weekend: people change deals on working days.
 */
export function workTime(random: Random, ms: number): number {
  let day = floorDay(ms);
  const weekday = new Date(day).getUTCDay();
  if (weekday === 6) day += 2 * dayMs;
  if (weekday === 0) day += dayMs;
  return day + 8 * hourMs + random.int(0, 10 * 60 - 1) * 60_000;
}
