import type { RepProfile } from './demo-people.js';
import type { SegmentProfile } from './demo-segments.js';
import { dayMs, dayOf, floorDay, workTime } from './demo-time.js';
import type { DealStep } from './plan-deal.js';
import type { Random } from './random.js';

export type CloseTimingOptions = {
  random: Random;
  profile: RepProfile;
  segment: SegmentProfile;
  createdMs: number;
  /** Created in a late stage: a short road to the close. */
  lateEntry: boolean;
  won: boolean;
  /** Lost, but only closed as such weeks after its close date passed. */
  goesQuiet: boolean;
};

export type CloseTiming = {
  initialCloseDate: string;
  /** Close-date pushes, each a few days before the date it moves; none at or after the close. */
  pushes: DealStep[];
  closeMs: number;
  /** When the owner stopped working the deal: the close, or earlier for a deal that went quiet. */
  activeUntilMs: number;
};

/**
 * When a deal is expected to close, how often that date slips (reps who slip more push more),
 * and when it really closes: wins near the final close date, losses anywhere on the way, and deals
 * that went quiet long after it, when someone finally cleans them up.
 */
export function planCloseTiming(options: CloseTimingOptions): CloseTiming {
  const { random, segment, createdMs } = options;
  const cycleDays = options.lateEntry
    ? random.int(7, 30)
    : random.int(segment.cycleDays[0], segment.cycleDays[1]);
  let closeDayMs = snapMaybe(random, floorDay(createdMs) + cycleDays * dayMs);
  const initialCloseDate = dayOf(closeDayMs);
  const pushes: DealStep[] = [];
  let lastPushMs = createdMs;
  const firstPush01 = Math.min(0.8, 0.3 * options.profile.slip);
  while (pushes.length < 3 && random.chance(pushes.length === 0 ? firstPush01 : 0.35)) {
    const atMs = workTime(random, Math.max(lastPushMs + 2 * dayMs, closeDayMs - random.int(0, 10) * dayMs));
    closeDayMs = snapMaybe(random, closeDayMs + random.int(segment.pushDays[0], segment.pushDays[1]) * dayMs);
    pushes.push({ timeMs: atMs, changes: { closeDate: dayOf(closeDayMs) } });
    lastPushMs = atMs;
  }

  let closeMs = options.won
    ? workTime(random, closeDayMs - random.int(0, 4) * dayMs)
    : options.goesQuiet
      ? workTime(random, closeDayMs + random.int(25, 60) * dayMs)
      : workTime(random, createdMs + random.between(0.35, 1) * (closeDayMs - createdMs));
  if (closeMs < createdMs + 2 * dayMs) closeMs = workTime(random, createdMs + 2 * dayMs);
  const activeUntilMs = options.goesQuiet
    ? Math.max(createdMs + dayMs, closeDayMs - random.int(5, 20) * dayMs)
    : closeMs;
  return { initialCloseDate, pushes: pushes.filter((p) => p.timeMs < closeMs), closeMs, activeUntilMs };
}

/** Reps like month ends: two close dates in five land on the last day of their month. */
function snapMaybe(random: Random, dayStartMs: number): number {
  if (!random.chance(0.4)) return dayStartMs;
  const day = new Date(dayStartMs);
  return Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 0);
}
