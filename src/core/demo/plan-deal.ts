import type { OpportunityChanges } from '../opportunity-payload.js';
import type { OpportunityFields } from '../opportunity.js';
import type { Stage } from '../stage.js';
import type { DemoAccount } from './demo-accounts.js';
import { recordMeddicc } from './demo-meddicc.js';
import type { RepProfile } from './demo-people.js';
import { segmentProfiles } from './demo-segments.js';
import { hourMs, workTime } from './demo-time.js';
import { competitors, dealProducts, leadSources } from './demo-vocabulary.js';
import { planCloseTiming } from './plan-close-timing.js';
import type { Random } from './random.js';
import { closeChanges, nextStepFor, planStagePath, stageChanges } from './stage-changes.js';

/** One change to a deal at a moment of its simulated life. */
export type DealStep = { timeMs: number; changes: OpportunityChanges };

/**
 * A deal's whole simulated life, decided up front: how it was created and every change until it
 * closes. Steps after `now` are cut off when the plan becomes events, which leaves the deal open.
 */
export type DealPlan = {
  ownerId: string;
  accountId: string;
  createdMs: number;
  fields: OpportunityFields;
  /** In time order; the last step closes the deal. */
  steps: DealStep[];
  won: boolean;
  /** When the owner stopped working it: the close, or earlier for a deal that went quiet. */
  activeUntilMs: number;
};

export type PlanDealOptions = {
  random: Random;
  ownerId: string;
  profile: RepProfile;
  account: DemoAccount;
  createdMs: number;
  stages: readonly Stage[];
  /** USD for one unit of the account's currency on the day the deal was created. */
  rateToUsd: number;
};

export function planDeal(options: PlanDealOptions): DealPlan {
  const { random, profile, account, createdMs } = options;
  const segment = segmentProfiles[account.segment];
  const open = options.stages.filter((s) => !s.isClosed).sort((a, b) => a.order - b.order);
  const wonStage = options.stages.find((s) => s.isWon);
  const lostStage = options.stages.find((s) => s.isClosed && !s.isWon);
  if (!wonStage || !lostStage || open.length < 3)
    throw new RangeError('the demo needs open, won and lost stages');
  const last = open.length - 1;

  const type = random.chance(0.25) ? 'Existing Business' : 'New Business';
  // A few deals arrive late in the process (a renewal, a buyer who comes with a signed budget).
  const lateEntry = random.chance(0.05);
  const startIndex = lateEntry ? random.int(last - 1, last) : random.chance(0.12) ? 1 : 0;
  const winChance01 =
    segment.winBase01 * profile.skill + (type === 'Existing Business' ? 0.1 : 0) + (lateEntry ? 0.3 : 0);
  const won = random.chance(clamp(winChance01, 0.03, 0.85));
  const goesQuiet = !won && random.chance(0.12);
  const path = planStagePath(random, startIndex, last, won);
  const competitor = random.chance(0.5) ? random.pick(competitors) : null;
  const diligence01 = clamp(0.45 + 0.4 * profile.skill, 0, 1);

  const usd = Math.exp(random.between(Math.log(segment.amountUsd[0]), Math.log(segment.amountUsd[1])));
  const amount = roundTo(usd / options.rateToUsd, segment.roundTo);

  const { initialCloseDate, pushes, closeMs, activeUntilMs } = planCloseTiming({
    random,
    profile,
    segment,
    createdMs,
    lateEntry,
    won,
    goesQuiet,
  });

  const startStage = open[startIndex] as Stage;
  const fields: OpportunityFields = {
    name: `${account.name.split(' ')[0] ?? account.name} — ${random.pick(dealProducts)}`,
    accountId: account.id,
    ownerId: options.ownerId,
    amountMinor: BigInt(amount) * 100n,
    currency: account.currency,
    ...stageChanges(startStage),
    closeDate: initialCloseDate,
    createdAt: new Date(createdMs),
    nextStep: nextStepFor(random, startStage),
    lossReason: null,
    competitor: null,
    type,
    leadSource: random.weighted(leadSources),
    fields: {},
  };
  for (let index = 0; index <= startIndex; index += 1) {
    Object.assign(
      fields.fields,
      recordMeddicc({
        random,
        stageIndex: index,
        known: fields.fields,
        diligence01: lateEntry ? 1 : diligence01,
        required: index === startIndex ? (open[index]?.requiredFields ?? []) : [],
        competitor,
      }),
    );
  }

  // Stage moves spread over the deal's active life; times are sorted before stages are assigned.
  const moves = path.slice(1);
  const span = activeUntilMs - createdMs;
  const moveTimes = moves
    .map((_, i) => {
      const ms = workTime(
        random,
        createdMs + (span * (i + 1 + random.between(-0.3, 0.3))) / (moves.length + 1),
      );
      return Math.min(ms, activeUntilMs - hourMs);
    })
    .sort((a, b) => a - b);
  const known = { ...fields.fields };
  const steps: DealStep[] = moves.map((index, i) => {
    const stage = open[index] as Stage;
    const added = recordMeddicc({
      random,
      stageIndex: index,
      known,
      diligence01,
      required: stage.requiredFields,
      competitor,
    });
    Object.assign(known, added);
    const changes: OpportunityChanges = { ...stageChanges(stage), nextStep: nextStepFor(random, stage) };
    if (Object.keys(added).length > 0) changes.fields = added;
    return { timeMs: moveTimes[i] ?? createdMs, changes };
  });

  steps.push(...pushes);
  const override = planOverride(random, profile, open, {
    createdMs,
    startIndex,
    steps: steps.slice(0, moves.length),
    moves,
    closeMs,
  });
  if (override) steps.push(override);
  if (random.chance(0.25)) {
    const factor = random.chance(0.6) ? random.between(0.65, 0.92) : random.between(1.1, 1.5);
    const changed = roundTo(amount * factor, segment.roundTo);
    if (changed !== amount) {
      const timeMs = createdMs + random.between(0.1, 0.9) * span;
      steps.push({ timeMs, changes: { amountMinor: BigInt(changed) * 100n } });
    }
  }
  steps.sort((a, b) => a.timeMs - b.timeMs);
  steps.push({
    timeMs: closeMs,
    changes: closeChanges(random, won ? wonStage : lostStage, closeMs, competitor, goesQuiet),
  });
  keepStrictlyAfter(steps, createdMs);
  return { ownerId: options.ownerId, accountId: account.id, createdMs, fields, steps, won, activeUntilMs };
}

type OverrideContext = {
  createdMs: number;
  startIndex: number;
  steps: DealStep[];
  moves: number[];
  closeMs: number;
};

/**
 * Now and then a rep calls a Best Case deal Commit before the stage says so (struggling reps more
 * often): the category is overridden until the next stage move resets it.
 */
function planOverride(
  random: Random,
  profile: RepProfile,
  open: readonly Stage[],
  context: OverrideContext,
): DealStep | null {
  const indexes = [context.startIndex, ...context.moves];
  const enterTimes = [context.createdMs, ...context.steps.map((s) => s.timeMs)];
  const at = indexes.findIndex((index) => open[index]?.forecastCategory === 'Best Case');
  if (at < 0 || !random.chance(profile.tier === 'struggling' ? 0.18 : 0.07)) return null;
  const from = enterTimes[at] ?? context.createdMs;
  const to = enterTimes[at + 1] ?? context.closeMs;
  if (to - from < 2 * hourMs) return null;
  return {
    timeMs: from + random.between(0.3, 0.7) * (to - from),
    changes: { forecastCategory: 'Commit', forecastCategoryOverridden: true },
  };
}

/** Moves steps that collide (or precede the creation) a minute later, keeping their order. */
function keepStrictlyAfter(steps: DealStep[], createdMs: number): void {
  let previous = createdMs;
  for (const step of steps) {
    step.timeMs = Math.round(step.timeMs / 60_000) * 60_000;
    if (step.timeMs <= previous) step.timeMs = previous + 60_000;
    previous = step.timeMs;
  }
}

function roundTo(value: number, unit: number): number {
  return Math.max(unit, Math.round(value / unit) * unit);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
