import type { OpportunityChanges } from '../opportunity-payload.js';
import { dayMs, dayOf, dayStart, hourMs, workTime } from './demo-time.js';
import type { DealPlan } from './plan-deal.js';
import type { Random } from './random.js';

/** A deal plan with its id, as the generator numbers them. */
export type NumberedPlan = DealPlan & { id: string };

/**
 * Makes a few won deals late-recorded closes: the win is entered two to three weeks after the
 * close date it carries (a June close set in July), so the late-close mark has something to show.
 * Only deals closed at least 40 days before `now` qualify, so the late entry still lies in the past.
 */
export function makeLateRecordedCloses(
  random: Random,
  plans: readonly NumberedPlan[],
  nowMs: number,
  count: number,
): string[] {
  const candidates = plans.filter((plan) => {
    const close = plan.steps.at(-1);
    return plan.won && close && close.timeMs < nowMs - 40 * dayMs && close.timeMs > nowMs - 200 * dayMs;
  });
  const chosen: string[] = [];
  for (const plan of pickDistinct(random, candidates, count)) {
    const close = plan.steps.at(-1);
    const closeDate = close?.changes.closeDate;
    if (!close || !closeDate) continue;
    close.timeMs = workTime(random, dayStart(closeDate) + random.int(12, 24) * dayMs);
    chosen.push(plan.id);
  }
  return chosen;
}

/** A change entered in Candor with a business time weeks before the moment it was entered. */
export type BackdatedChange = { id: string; ownerId: string; timeMs: number; changes: OpportunityChanges };

/**
 * A handful of changes to deals still open at `now`, entered today but dated two to five weeks
 * back ("the customer told me last month"): what the backdating mark exists to show.
 */
export function planBackdatedChanges(
  random: Random,
  plans: readonly NumberedPlan[],
  nowMs: number,
  count: number,
): BackdatedChange[] {
  const candidates = plans.filter((plan) => {
    const visible = plan.steps.filter((s) => s.timeMs <= nowMs);
    const last = visible.at(-1)?.timeMs ?? plan.createdMs;
    return (
      visible.length < plan.steps.length && plan.createdMs < nowMs - 45 * dayMs && last < nowMs - 10 * dayMs
    );
  });
  return pickDistinct(random, candidates, count).map((plan, i) => {
    const visible = plan.steps.filter((s) => s.timeMs <= nowMs);
    const last = visible.at(-1)?.timeMs ?? plan.createdMs;
    const from = Math.max(last + hourMs, nowMs - 35 * dayMs);
    const timeMs = Math.round(random.between(from, nowMs - 5 * dayMs) / 60_000) * 60_000;
    const closeDate = latest(plan, visible, 'closeDate') ?? dayOf(nowMs);
    const amount = latest(plan, visible, 'amountMinor') ?? 0n;
    const changes: OpportunityChanges =
      i % 2 === 0
        ? {
            closeDate: dayOf(dayStart(closeDate) + 28 * dayMs),
            nextStep: 'Customer moved signature by a month',
          }
        : { amountMinor: (amount * 85n) / 100n, nextStep: 'Scope reduced after budget review' };
    return { id: plan.id, ownerId: plan.ownerId, timeMs, changes };
  });
}

/** The value of a field after the given steps. */
function latest<K extends 'closeDate' | 'amountMinor'>(
  plan: DealPlan,
  steps: DealPlan['steps'],
  key: K,
): DealPlan['fields'][K] {
  let value = plan.fields[key];
  for (const step of steps) {
    const changed = step.changes[key];
    if (changed !== undefined) value = changed as DealPlan['fields'][K];
  }
  return value;
}

/** `count` different items, in their original order. */
function pickDistinct<T>(random: Random, items: readonly T[], count: number): T[] {
  const indexes = new Set<number>();
  while (indexes.size < Math.min(count, items.length)) indexes.add(random.int(0, items.length - 1));
  return [...indexes].sort((a, b) => a - b).map((i) => items[i] as T);
}
