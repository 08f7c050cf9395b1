import {
  computeEvidenceBucket,
  evidenceKinds,
  type DealEvidence,
  type EvidenceKind,
} from './evidence-buckets.js';
import { computeExpit, computeLogit, solveLogOddsShift } from './log-odds.js';
import { shrinkRate } from './shrink-rate.js';
import type { TrainingSnapshot } from './training-snapshot.js';

/** Closed deals the training window needs before the model trusts its own history. */
export const minClosedDealsForHistory = 30;
/** Prior strength, in pseudo-observations, of every shrinkage step of the win model. */
export const winModelPriorStrength = 20;
/** Prior strength, in pseudo-observations at their own prediction, of each evidence adjustment. */
export const evidencePriorStrength = 10;

export type WinModel = {
  method: 'history' | 'stage-default';
  note: string | null;
  snapshots: number;
  closedDeals: number;
  stageDefaults: ReadonlyMap<string, number>;
  stageWin: ReadonlyMap<string, number>;
  cellWin: ReadonlyMap<string, number>;
  weekInPeriod: ReadonlyMap<number, number>;
  cellInPeriod: ReadonlyMap<string, number>;
  overallInPeriod: number;
  /** Log-odds shift of the win probability, per evidence kind and bucket. */
  evidenceShift: Record<EvidenceKind, readonly number[]>;
};

export type WinPrediction = { winProbability: number; inPeriodProbability: number; probability: number };

export type DealFeatures = DealEvidence & { stage: string; week: number; probability01: number | null };

/**
 * Learns, from this organisation's own snapshots, the chance that a deal open at a given stage in
 * a given week of the period is won in the period, as the product of two shrunk rates:
 *
 * 1. win at all, P(win | stage s, week w): the cell rate shrunk toward the stage's rate over all
 *    weeks, which is shrunk toward the stage's configured default probability:
 *      a_s = (W_s + m·q_s)/(N_s + m),   p_win(s, w) = (W_sw + m·a_s)/(N_sw + m),   m = 20;
 * 2. the win lands inside the period, P(in period | win, s, w): the share of wins that closed in
 *    the period (the complement is how often such deals slipped), shrunk toward the week's share
 *    over all stages, which is shrunk toward the overall share:
 *      b_w = (I_w + m·b)/(W_w + m),   p_in(s, w) = (I_sw + m·b_w)/(W_sw + m).
 * Then evidence adjusts the win probability on the log-odds scale, one kind after the other
 * (pushes, time in stage, age): for each bucket, the shift θ that makes the adjusted
 * predictions match the observed wins, with 10 pseudo-observations pulling θ toward 0
 * (see solveLogOddsShift). Source: beta-binomial empirical Bayes (shrinkRate); the sequential
 * log-odds adjustment is iterative proportional fitting on one margin at a time.
 *
 * Thin data: with fewer than 30 distinct closed deals in the snapshots, the model does not trust
 * its history and falls back to each stage's default probability with no slip (p_in = 1); the
 * note says so. A stage or week never seen in history takes its prior.
 */
export function fitWinModel(
  snapshots: readonly TrainingSnapshot[],
  stageDefaults: ReadonlyMap<string, number>,
): WinModel {
  const m = winModelPriorStrength;
  const closedDeals = new Set(snapshots.filter((s) => s.closed).map((s) => s.dealId)).size;
  const empty = { pushes: [0, 0, 0, 0], timeInStage: [0, 0, 0, 0], age: [0, 0, 0, 0] };
  const base = {
    snapshots: snapshots.length,
    closedDeals,
    stageDefaults,
    stageWin: new Map<string, number>(),
    cellWin: new Map<string, number>(),
    weekInPeriod: new Map<number, number>(),
    cellInPeriod: new Map<string, number>(),
    overallInPeriod: 1,
    evidenceShift: empty,
  };
  if (closedDeals < minClosedDealsForHistory) {
    return {
      ...base,
      method: 'stage-default',
      note:
        `only ${closedDeals} closed deals in the training window (at least ${minClosedDealsForHistory} ` +
        'needed): stage default probabilities, no slip',
    };
  }

  const stageCounts = new Map<string, { n: number; won: number }>();
  const cellCounts = new Map<string, { n: number; won: number; inPeriod: number }>();
  const weekCounts = new Map<number, { won: number; inPeriod: number }>();
  let allWon = 0;
  let allInPeriod = 0;
  for (const s of snapshots) {
    const won = s.wonEver ? 1 : 0;
    const inPeriod = s.wonInPeriod ? 1 : 0;
    const stage = stageCounts.get(s.stage) ?? { n: 0, won: 0 };
    stage.n += 1;
    stage.won += won;
    stageCounts.set(s.stage, stage);
    const key = cellKey(s.stage, s.week);
    const cell = cellCounts.get(key) ?? { n: 0, won: 0, inPeriod: 0 };
    cell.n += 1;
    cell.won += won;
    cell.inPeriod += inPeriod;
    cellCounts.set(key, cell);
    const week = weekCounts.get(s.week) ?? { won: 0, inPeriod: 0 };
    week.won += won;
    week.inPeriod += inPeriod;
    weekCounts.set(s.week, week);
    allWon += won;
    allInPeriod += inPeriod;
  }
  const overallInPeriod = allWon === 0 ? 1 : allInPeriod / allWon;
  const stageWin = new Map<string, number>();
  for (const [stage, c] of stageCounts) {
    stageWin.set(stage, shrinkRate(c.won, c.n, stageDefaults.get(stage) ?? 0.1, m));
  }
  const weekInPeriod = new Map<number, number>();
  for (const [week, c] of weekCounts)
    weekInPeriod.set(week, shrinkRate(c.inPeriod, c.won, overallInPeriod, m));
  const cellWin = new Map<string, number>();
  const cellInPeriod = new Map<string, number>();
  for (const [key, c] of cellCounts) {
    const [stage, week] = splitKey(key);
    cellWin.set(key, shrinkRate(c.won, c.n, stageWin.get(stage) ?? 0.1, m));
    cellInPeriod.set(key, shrinkRate(c.inPeriod, c.won, weekInPeriod.get(week) ?? overallInPeriod, m));
  }
  const model: WinModel = {
    ...base,
    method: 'history',
    note: null,
    stageWin,
    cellWin,
    weekInPeriod,
    cellInPeriod,
    overallInPeriod,
  };

  // Evidence, one kind after the other, each fitted on top of the adjustments before it.
  const logits = snapshots.map((s) => computeLogit(baseWin(model, s)));
  const evidenceShift: Record<EvidenceKind, number[]> = { pushes: [], timeInStage: [], age: [] };
  for (const kind of evidenceKinds) {
    const groups: { logits: number[]; won: number; rows: number[] }[] = [0, 1, 2, 3].map(() => ({
      logits: [],
      won: 0,
      rows: [],
    }));
    snapshots.forEach((s, i) => {
      const group = groups[computeEvidenceBucket(kind, s)];
      if (!group) return;
      group.logits.push(logits[i] as number);
      group.won += s.wonEver ? 1 : 0;
      group.rows.push(i);
    });
    evidenceShift[kind] = groups.map((g) => {
      const shift = solveLogOddsShift(g.logits, g.won, evidencePriorStrength);
      for (const row of g.rows) logits[row] = (logits[row] as number) + shift;
      return shift;
    });
  }
  return { ...model, evidenceShift };
}

/**
 * The model's prediction for one open deal. With the stage-default method, the deal's own recorded
 * probability (or its stage's default) is its chance of a win in the period.
 */
export function predictWin(model: WinModel, deal: DealFeatures): WinPrediction {
  if (model.method === 'stage-default') {
    const p = clamp01(model.stageDefaults.get(deal.stage) ?? deal.probability01 ?? 0.1);
    return { winProbability: p, inPeriodProbability: 1, probability: p };
  }
  let logit = computeLogit(baseWin(model, deal));
  for (const kind of evidenceKinds)
    logit += model.evidenceShift[kind][computeEvidenceBucket(kind, deal)] ?? 0;
  const winProbability = computeExpit(logit);
  const key = cellKey(deal.stage, deal.week);
  const inPeriodProbability =
    model.cellInPeriod.get(key) ?? model.weekInPeriod.get(deal.week) ?? model.overallInPeriod;
  return { winProbability, inPeriodProbability, probability: winProbability * inPeriodProbability };
}

function baseWin(
  model: WinModel,
  deal: { stage: string; week: number; probability01: number | null },
): number {
  return (
    model.cellWin.get(cellKey(deal.stage, deal.week)) ??
    model.stageWin.get(deal.stage) ??
    model.stageDefaults.get(deal.stage) ??
    deal.probability01 ??
    0.1
  );
}

function cellKey(stage: string, week: number): string {
  return `${week}|${stage}`;
}

function splitKey(key: string): [string, number] {
  const bar = key.indexOf('|');
  return [key.slice(bar + 1), Number(key.slice(0, bar))];
}

function clamp01(value: number): number {
  return Math.min(Math.max(value, 0), 1);
}
