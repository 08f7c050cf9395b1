import type { OpportunityChanges } from '../opportunity-payload.js';
import type { Stage } from '../stage.js';
import { dayOf } from './demo-time.js';
import { competitors, lossReasons, nextSteps } from './demo-vocabulary.js';
import type { Random } from './random.js';

/** What entering a stage sets on a deal: its probability, category and closed flags, as defined. */
export function stageChanges(stage: Stage) {
  return {
    stage: stage.name,
    probability01: stage.probability01,
    forecastCategory: stage.forecastCategory,
    forecastCategoryOverridden: false,
    isClosed: stage.isClosed,
    isWon: stage.isWon,
  };
}

export function nextStepFor(random: Random, stage: Stage): string {
  return random.pick(nextSteps[stage.name] ?? ['Follow up with the customer']);
}

/**
 * The change that closes a deal: the closed stage, the close date set to the day it closed, no
 * next step; a loss carries its reason and, for competitive reasons, the competitor it went to.
 */
export function closeChanges(
  random: Random,
  stage: Stage,
  closeMs: number,
  competitor: string | null,
  wentQuiet: boolean,
): OpportunityChanges {
  const changes: OpportunityChanges = { ...stageChanges(stage), closeDate: dayOf(closeMs), nextStep: null };
  if (stage.isWon) return { ...changes, competitor };
  const [reason, , namesCompetitor] = wentQuiet
    ? (['No Decision', 0, false] as const)
    : random.weighted(lossReasons.map((r) => [r, r[1]] as const));
  return {
    ...changes,
    lossReason: reason,
    competitor: namesCompetitor ? (competitor ?? random.pick(competitors)) : competitor,
  };
}

/**
 * The open stages (by index) a deal passes through, from where it was created to the furthest it
 * got: all the way to the last for a win; for a loss, most often not far. Reps skip a stage now
 * and then, never the furthest one.
 */
export function planStagePath(random: Random, start: number, last: number, won: boolean): number[] {
  const top = won ? last : lossTopIndex(random, start, last);
  const path = [start];
  for (let index = start + 1; index <= top; index += 1) {
    if (index === top || random.chance(0.75)) path.push(index);
  }
  return path;
}

function lossTopIndex(random: Random, start: number, last: number): number {
  const options: [number, number][] = [];
  for (let index = start; index <= last; index += 1) options.push([index, 0.78 ** (index - start)]);
  return random.weighted(options);
}
