import type { AccessScope } from '../../core/access-scope.js';
import {
  computeChangeMagnitude,
  computeDealChanges,
  type DealChange,
  type DealSnapshot,
} from '../../core/hygiene/compute-deal-changes.js';
import { computeDealRisk, type DealRisk } from '../../core/hygiene/compute-deal-risk.js';
import { groupFlagsByDeal } from '../../core/hygiene/compute-hygiene-score.js';
import type { DealFacts } from '../../core/hygiene/deal-facts.js';
import type { HygieneFlag } from '../../core/hygiene/hygiene-flag.js';
import type { Connection } from '../../store/session.js';
import { evaluateHygieneAsOf, type HygieneEvaluation } from './evaluate-hygiene-as-of.js';

const weekMs = 7 * 86_400_000;

export type WeekChangeRow = {
  deal: DealFacts;
  before: DealSnapshot | null;
  flags: HygieneFlag[];
  risk: DealRisk;
  changes: DealChange[];
  /** For "biggest changes": see computeChangeMagnitude. */
  magnitudeMinor: bigint;
};

/**
 * The deals open a week before T or at T (within `scope`, optionally only those closing in
 * [closeFrom, closeTo) at either moment), each with its flags and risk at T and what changed
 * since a week before: both moments evaluated from what was known then. Sorted by risk, then by
 * amount, largest first.
 */
export async function computeWeekChanges(
  conn: Pick<Connection, 'db' | 'eachRow'>,
  options: { asOf: Date; scope: AccessScope; closeFrom?: string; closeTo?: string },
): Promise<{ evaluation: HygieneEvaluation; rows: WeekChangeRow[] }> {
  const evaluation = await evaluateHygieneAsOf(conn, { asOf: options.asOf, scope: options.scope });
  const earlier = await evaluateHygieneAsOf(conn, {
    asOf: new Date(options.asOf.getTime() - weekMs),
    scope: options.scope,
  });
  const inRange = (d: DealFacts) =>
    options.closeFrom === undefined ||
    (d.closeDate !== null && d.closeDate >= options.closeFrom && d.closeDate < (options.closeTo ?? '9999'));
  const before = new Map(earlier.deals.filter((d) => !d.isClosed).map((d) => [d.id, d]));
  const flagsByDeal = groupFlagsByDeal(evaluation.flags);
  const stages = evaluation.config.stages;
  const rows: WeekChangeRow[] = [];
  for (const deal of evaluation.deals) {
    const was = before.get(deal.id) ?? null;
    const openNow = !deal.isClosed && inRange(deal);
    const openBefore = was !== null && inRange(was);
    if (!openNow && !openBefore) continue;
    if (deal.isClosed && was === null) continue;
    const flags = flagsByDeal.get(deal.id) ?? [];
    const beforeSnapshot = was ? snapshot(was) : null;
    const changes = computeDealChanges(
      beforeSnapshot,
      snapshot(deal),
      stages,
      evaluation.org.corporateDecimals,
    );
    rows.push({
      deal,
      before: beforeSnapshot,
      flags,
      risk: computeDealRisk(flags),
      changes,
      magnitudeMinor: computeChangeMagnitude(beforeSnapshot, snapshot(deal), changes),
    });
  }
  rows.sort(
    (a, b) =>
      b.risk.points - a.risk.points ||
      compareBig(b.deal.corporateAmountMinor ?? 0n, a.deal.corporateAmountMinor ?? 0n) ||
      a.deal.id.localeCompare(b.deal.id),
  );
  return { evaluation, rows };
}

function snapshot(deal: DealFacts): DealSnapshot {
  return {
    id: deal.id,
    stage: deal.stage,
    closeDate: deal.closeDate,
    corporateAmountMinor: deal.corporateAmountMinor,
    forecastCategory: deal.forecastCategory,
    isClosed: deal.isClosed,
    isWon: deal.isWon,
  };
}

function compareBig(a: bigint, b: bigint): number {
  return a > b ? 1 : a < b ? -1 : 0;
}
