import { dayInZone, daysBetween } from '../fiscal-calendar.js';
import { activityTypes, type ActivityType } from '../org-entities.js';
import type { ScorecardFacts, StageOrder } from './scorecard-facts.js';

/** Where and when a card measures: the people, the close dates of the period, the instants observed. */
export type MeasureWindow = {
  ownerIds: ReadonlySet<string>;
  /** Close dates counted: `[closeFrom, closeTo)`. */
  closeFrom: string;
  closeTo: string;
  /** Activities, new deals and stage moves counted: `[from, to)`; `to` is the period's end or now. */
  from: Date;
  to: Date;
  timeZone: string;
};

export type StageConversion = {
  stage: string;
  /** Deals that entered the stage in the window. */
  entered: number;
  /** Of those, the ones that later moved to a later stage or were won (up to the facts' end). */
  advanced: number;
  enteredDealIds: string[];
};

export type PeriodMeasures = {
  bookingsMinor: bigint;
  wonDealIds: string[];
  /** Won and lost deals with a close date in the period. */
  closedDealIds: string[];
  wonCount: number;
  lostCount: number;
  /** Sum and count of days from creation to close of the won deals. */
  cycleDaysTotal: number;
  activities: Record<ActivityType, string[]>;
  pipelineCreatedMinor: bigint;
  createdDealIds: string[];
  advancedDealIds: string[];
  conversions: StageConversion[];
  /** Open deals (not Omitted) closing in the period, now. */
  openPipelineMinor: bigint;
  openDealIds: string[];
};

/**
 * The raw measures of a window. Definitions (docs/scorecards.md):
 * - bookings: won deals whose close date falls in the period, at their current amount;
 * - win rate counts won and lost deals closing in the period;
 * - sales cycle: days from the deal's creation (its day in the organisation's zone) to its close date;
 * - pipeline created: deals created in the window, at their current amount;
 * - a deal advanced when its stage moved to a later stage (by stage order) in the window, lost
 *   stages excepted; stage conversion is, for the deals entering a stage in the window, the share
 *   that later reached a later stage or a win;
 * - open pipeline: open deals, not Omitted, whose close date falls in the period.
 */
export function measurePeriod(facts: ScorecardFacts, window: MeasureWindow): PeriodMeasures {
  const deals = facts.deals.filter((d) => d.ownerId !== null && window.ownerIds.has(d.ownerId));
  const inPeriod = (day: string | null) => day !== null && day >= window.closeFrom && day < window.closeTo;
  const inWindow = (at: Date) => at >= window.from && at < window.to;
  const measures: PeriodMeasures = {
    bookingsMinor: 0n,
    wonDealIds: [],
    closedDealIds: [],
    wonCount: 0,
    lostCount: 0,
    cycleDaysTotal: 0,
    activities: Object.fromEntries(activityTypes.map((t) => [t, []])) as unknown as Record<
      ActivityType,
      string[]
    >,
    pipelineCreatedMinor: 0n,
    createdDealIds: [],
    advancedDealIds: [],
    conversions: [],
    openPipelineMinor: 0n,
    openDealIds: [],
  };
  for (const deal of deals) {
    if (deal.isClosed && inPeriod(deal.closeDate)) {
      measures.closedDealIds.push(deal.id);
      if (deal.isWon) {
        measures.wonCount += 1;
        measures.wonDealIds.push(deal.id);
        measures.bookingsMinor += deal.corporateMinor ?? 0n;
        measures.cycleDaysTotal += Math.max(
          0,
          daysBetween(dayInZone(deal.createdAt, window.timeZone), deal.closeDate ?? ''),
        );
      } else measures.lostCount += 1;
    }
    if (inWindow(deal.createdAt)) {
      measures.createdDealIds.push(deal.id);
      measures.pipelineCreatedMinor += deal.corporateMinor ?? 0n;
    }
    if (!deal.isClosed && deal.forecastCategory !== 'Omitted' && inPeriod(deal.closeDate)) {
      measures.openDealIds.push(deal.id);
      measures.openPipelineMinor += deal.corporateMinor ?? 0n;
    }
  }
  for (const activity of facts.activities) {
    if (activity.ownerId === null || !window.ownerIds.has(activity.ownerId) || !inWindow(activity.occurredAt))
      continue;
    measures.activities[activity.type].push(activity.id);
  }
  const dealIds = new Set(deals.map((d) => d.id));
  const stages = new Map(facts.stages.map((s) => [s.name, s]));
  const changes = facts.stageChanges
    .filter((c) => dealIds.has(c.dealId))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const advanced = new Set<string>();
  for (const change of changes) {
    if (inWindow(change.at) && isAdvance(stages, change.fromStage, change.toStage))
      advanced.add(change.dealId);
  }
  measures.advancedDealIds = [...advanced].sort();
  measures.conversions = measureConversions(facts.stages, changes, inWindow, stages);
  return measures;
}

function isAdvance(stages: Map<string, StageOrder>, from: string | null, to: string): boolean {
  if (from === null) return false;
  const a = stages.get(from);
  const b = stages.get(to);
  if (!a || !b || (b.isClosed && !b.isWon)) return false;
  return b.order > a.order;
}

function measureConversions(
  stageList: readonly StageOrder[],
  changes: readonly { dealId: string; at: Date; toStage: string }[],
  inWindow: (at: Date) => boolean,
  stages: Map<string, StageOrder>,
): StageConversion[] {
  const byDeal = new Map<string, { at: Date; toStage: string }[]>();
  for (const change of changes) {
    const list = byDeal.get(change.dealId) ?? [];
    list.push(change);
    byDeal.set(change.dealId, list);
  }
  const open = [...stageList].filter((s) => !s.isClosed).sort((a, b) => a.order - b.order);
  const counts = new Map(open.map((s) => [s.name, { entered: [] as string[], advanced: 0 }]));
  for (const [dealId, list] of byDeal) {
    const seen = new Set<string>();
    list.forEach((change, index) => {
      const count = counts.get(change.toStage);
      const stage = stages.get(change.toStage);
      if (!count || !stage || seen.has(change.toStage) || !inWindow(change.at)) return;
      seen.add(change.toStage);
      count.entered.push(dealId);
      const later = list.slice(index + 1).some((c) => {
        const to = stages.get(c.toStage);
        return to !== undefined && to.order > stage.order && (!to.isClosed || to.isWon);
      });
      if (later) count.advanced += 1;
    });
  }
  return open.map((stage) => {
    const count = counts.get(stage.name) ?? { entered: [], advanced: 0 };
    return {
      stage: stage.name,
      entered: count.entered.length,
      advanced: count.advanced,
      enteredDealIds: count.entered.sort(),
    };
  });
}
