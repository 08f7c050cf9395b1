import { dayInZone } from '../fiscal-calendar.js';
import {
  computeCompetitorKey,
  computeInsightKey,
  insightSeverities,
  insightTypes,
  type Insight,
  type InsightSeverity,
  type InsightType,
} from './insight.js';
import type { SummaryDeal, SummaryInputs } from './summary-inputs.js';

export type CompetitorLine = {
  competitor: string;
  wonDeals: number;
  wonMinor: bigint;
  lostDeals: number;
  lostMinor: bigint;
  /** Won ÷ (won + lost) deals closed in the range citing the competitor; null when none closed. */
  winRate01: number | null;
  openDeals: number;
  openMinor: bigint;
  /** Insights captured in the range that name the competitor. */
  mentions: number;
};
export type LossReasonLine = { reason: string; deals: number; lostMinor: bigint };
export type FeatureRequestLine = {
  topic: string;
  requests: number;
  accounts: number;
  /** Open deals citing the request, and their value: the pipeline that asks for it. */
  openDeals: number;
  openMinor: bigint;
};
export type ServiceProblemLine = {
  topic: string;
  reports: number;
  accounts: number;
  highestSeverity: InsightSeverity;
  /** Open pipeline at the accounts touched: what the problem puts at risk. */
  openMinor: bigint;
};

export type InsightSummary = {
  competitors: CompetitorLine[];
  lossReasons: LossReasonLine[];
  featureRequests: FeatureRequestLine[];
  serviceProblems: ServiceProblemLine[];
  counts: Record<InsightType, number>;
  /** Deals lost in the range with no loss reason on the deal and none captured as an insight. */
  lostWithoutReason: number;
};

/** The label shown for lost deals nobody gave a reason for. */
export const noReasonLabel = '(no reason recorded)';

/**
 * The voice-of-the-customer summary with revenue at stake, from the caller's deals and insights.
 *
 * - Competitors: a deal cites a competitor when its competitor field names it (split on `;`) or an
 *   insight linked to the deal does. Won and lost value are summed over deals closed in the range;
 *   win rate = won deals ÷ (won + lost deals) citing it, by count (null with none closed); open
 *   value is the current open pipeline citing it. Names are matched case- and space-insensitively.
 * - Loss reasons: each deal lost in the range once, under the latest `loss-reason` insight on it,
 *   else its loss-reason field, else "(no reason recorded)"; by lost value, largest first.
 * - Feature requests captured in the range, grouped by topic: the open deals citing them are the
 *   deal an insight is linked to, or, for an account-level request, the account's open deals;
 *   each deal counts once per topic.
 * - Service and billing problems captured in the range, by topic: accounts touched, the highest
 *   severity, and the open pipeline at those accounts.
 * Deals without an amount (or without a rate) count as deals and add zero.
 */
export function computeInsightSummary(inputs: SummaryInputs): InsightSummary {
  const inRange = (day: string | null) => day !== null && day >= inputs.range.start && day < inputs.range.end;
  const captured = inputs.insights.filter((i) => inRange(dayInZone(new Date(i.capturedAt), inputs.timeZone)));
  const openByAccount = groupOpenDeals(inputs.deals);
  const counts = Object.fromEntries(insightTypes.map((t) => [t, 0])) as Record<InsightType, number>;
  for (const insight of captured) counts[insight.type] += 1;
  const closed = inputs.deals.filter((d) => d.isClosed && inRange(d.closeDate));
  const lossReasons = computeLossReasons(closed, inputs.insights);
  return {
    competitors: computeCompetitors(inputs.deals, closed, inputs.insights, captured),
    lossReasons,
    featureRequests: computeFeatureRequests(captured, inputs.deals, openByAccount),
    serviceProblems: computeServiceProblems(captured, openByAccount),
    counts,
    lostWithoutReason: lossReasons.find((l) => l.reason === noReasonLabel)?.deals ?? 0,
  };
}

function computeCompetitors(
  deals: readonly SummaryDeal[],
  closed: readonly SummaryDeal[],
  insights: readonly Insight[],
  captured: readonly Insight[],
): CompetitorLine[] {
  const names = new Map<string, string>();
  const citedBy = new Map<string, Set<string>>();
  const cite = (dealId: string, name: string) => {
    const key = computeCompetitorKey(name);
    if (key === '') return;
    if (!names.has(key)) names.set(key, name.trim());
    let set = citedBy.get(dealId);
    if (!set) citedBy.set(dealId, (set = new Set()));
    set.add(key);
  };
  for (const deal of deals) for (const name of (deal.competitor ?? '').split(';')) cite(deal.id, name);
  for (const insight of insights) {
    if (insight.competitor && insight.opportunityId) cite(insight.opportunityId, insight.competitor);
    else if (insight.competitor)
      names.set(computeCompetitorKey(insight.competitor), insight.competitor.trim());
  }
  const lines = new Map<string, CompetitorLine>();
  const line = (key: string): CompetitorLine => {
    let found = lines.get(key);
    if (!found) {
      found = {
        competitor: names.get(key) ?? key,
        wonDeals: 0,
        wonMinor: 0n,
        lostDeals: 0,
        lostMinor: 0n,
        winRate01: null,
        openDeals: 0,
        openMinor: 0n,
        mentions: 0,
      };
      lines.set(key, found);
    }
    return found;
  };
  for (const deal of closed) {
    for (const key of citedBy.get(deal.id) ?? []) {
      const l = line(key);
      if (deal.isWon) {
        l.wonDeals += 1;
        l.wonMinor += deal.corporateAmountMinor ?? 0n;
      } else {
        l.lostDeals += 1;
        l.lostMinor += deal.corporateAmountMinor ?? 0n;
      }
    }
  }
  for (const deal of deals) {
    if (deal.isClosed) continue;
    for (const key of citedBy.get(deal.id) ?? []) {
      const l = line(key);
      l.openDeals += 1;
      l.openMinor += deal.corporateAmountMinor ?? 0n;
    }
  }
  for (const insight of captured) {
    if (insight.competitor) line(computeCompetitorKey(insight.competitor)).mentions += 1;
  }
  for (const l of lines.values()) {
    const decided = l.wonDeals + l.lostDeals;
    l.winRate01 = decided === 0 ? null : l.wonDeals / decided;
  }
  return [...lines.values()].sort(
    (a, b) =>
      compareMinorDesc(a.lostMinor + a.openMinor, b.lostMinor + b.openMinor) ||
      a.competitor.localeCompare(b.competitor),
  );
}

function computeLossReasons(closed: readonly SummaryDeal[], insights: readonly Insight[]): LossReasonLine[] {
  const latest = new Map<string, Insight>();
  for (const insight of insights) {
    if (insight.type !== 'loss-reason' || !insight.opportunityId) continue;
    const before = latest.get(insight.opportunityId);
    if (!before || before.capturedAt <= insight.capturedAt) latest.set(insight.opportunityId, insight);
  }
  const lines = new Map<string, LossReasonLine>();
  for (const deal of closed) {
    if (deal.isWon) continue;
    const insight = latest.get(deal.id);
    const raw = insight ? (insight.topic ?? insight.text) : deal.lossReason;
    const reason = raw && raw.trim() !== '' ? raw.trim() : noReasonLabel;
    const key = reason.toLowerCase();
    const l = lines.get(key) ?? { reason, deals: 0, lostMinor: 0n };
    l.deals += 1;
    l.lostMinor += deal.corporateAmountMinor ?? 0n;
    lines.set(key, l);
  }
  return [...lines.values()].sort(
    (a, b) => compareMinorDesc(a.lostMinor, b.lostMinor) || a.reason.localeCompare(b.reason),
  );
}

function computeFeatureRequests(
  captured: readonly Insight[],
  deals: readonly SummaryDeal[],
  openByAccount: Map<string, SummaryDeal[]>,
): FeatureRequestLine[] {
  const openById = new Map(deals.filter((d) => !d.isClosed).map((d) => [d.id, d]));
  const groups = new Map<
    string,
    { topic: string; requests: number; accounts: Set<string>; deals: Map<string, SummaryDeal> }
  >();
  for (const insight of captured) {
    if (insight.type !== 'feature-request') continue;
    const key = computeInsightKey(insight);
    let group = groups.get(key);
    if (!group) {
      group = {
        topic: (insight.topic ?? insight.text).trim(),
        requests: 0,
        accounts: new Set(),
        deals: new Map(),
      };
      groups.set(key, group);
    }
    group.requests += 1;
    group.accounts.add(insight.accountId);
    const cited = insight.opportunityId
      ? [openById.get(insight.opportunityId)].filter((d): d is SummaryDeal => d !== undefined)
      : (openByAccount.get(insight.accountId) ?? []);
    for (const deal of cited) group.deals.set(deal.id, deal);
  }
  return [...groups.values()]
    .map((g) => ({
      topic: g.topic,
      requests: g.requests,
      accounts: g.accounts.size,
      openDeals: g.deals.size,
      openMinor: sumAmounts(g.deals.values()),
    }))
    .sort(
      (a, b) =>
        compareMinorDesc(a.openMinor, b.openMinor) ||
        b.requests - a.requests ||
        a.topic.localeCompare(b.topic),
    );
}

function computeServiceProblems(
  captured: readonly Insight[],
  openByAccount: Map<string, SummaryDeal[]>,
): ServiceProblemLine[] {
  const groups = new Map<
    string,
    { topic: string; reports: number; accounts: Set<string>; severity: number }
  >();
  for (const insight of captured) {
    if (insight.type !== 'service-problem') continue;
    const key = computeInsightKey(insight);
    let group = groups.get(key);
    if (!group) {
      group = { topic: (insight.topic ?? insight.text).trim(), reports: 0, accounts: new Set(), severity: 0 };
      groups.set(key, group);
    }
    group.reports += 1;
    group.accounts.add(insight.accountId);
    group.severity = Math.max(group.severity, insightSeverities.indexOf(insight.severity));
  }
  return [...groups.values()]
    .map((g) => ({
      topic: g.topic,
      reports: g.reports,
      accounts: g.accounts.size,
      highestSeverity: insightSeverities[g.severity] ?? 'low',
      openMinor: sumAmounts([...g.accounts].flatMap((a) => openByAccount.get(a) ?? [])),
    }))
    .sort(
      (a, b) =>
        b.accounts - a.accounts ||
        compareMinorDesc(a.openMinor, b.openMinor) ||
        a.topic.localeCompare(b.topic),
    );
}

function groupOpenDeals(deals: readonly SummaryDeal[]): Map<string, SummaryDeal[]> {
  const byAccount = new Map<string, SummaryDeal[]>();
  for (const deal of deals) {
    if (deal.isClosed || deal.accountId === null) continue;
    byAccount.set(deal.accountId, [...(byAccount.get(deal.accountId) ?? []), deal]);
  }
  return byAccount;
}

function sumAmounts(deals: Iterable<SummaryDeal>): bigint {
  let total = 0n;
  for (const deal of deals) total += deal.corporateAmountMinor ?? 0n;
  return total;
}

function compareMinorDesc(a: bigint, b: bigint): number {
  return a === b ? 0 : a > b ? -1 : 1;
}
