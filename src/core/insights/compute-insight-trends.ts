import { dayInZone } from '../fiscal-calendar.js';
import { insightTypes, type Insight, type InsightType } from './insight.js';
import type { SummaryDeal } from './summary-inputs.js';

export type TrendPeriod = { period: string; start: string; end: string };
export type TrendLine = {
  period: string;
  counts: Record<InsightType, number>;
  lostDeals: number;
  lostMinor: bigint;
  /** Lost value of deals that cite a competitor (field or linked insight). */
  lostToCompetitionMinor: bigint;
};

/**
 * Insights and losses period by period: insights by the day they were captured (in the org's time
 * zone), lost deals by close date. A period with nothing has zero counts, so a chart shows the gap.
 */
export function computeInsightTrends(options: {
  periods: readonly TrendPeriod[];
  timeZone: string;
  deals: readonly SummaryDeal[];
  insights: readonly Insight[];
}): TrendLine[] {
  const competitorDeals = new Set(
    options.insights.filter((i) => i.competitor && i.opportunityId).map((i) => i.opportunityId as string),
  );
  for (const deal of options.deals)
    if (deal.competitor && deal.competitor.trim() !== '') competitorDeals.add(deal.id);
  return options.periods.map(({ period, start, end }) => {
    const counts = Object.fromEntries(insightTypes.map((t) => [t, 0])) as Record<InsightType, number>;
    for (const insight of options.insights) {
      const day = dayInZone(new Date(insight.capturedAt), options.timeZone);
      if (day >= start && day < end) counts[insight.type] += 1;
    }
    let lostDeals = 0;
    let lostMinor = 0n;
    let lostToCompetitionMinor = 0n;
    for (const deal of options.deals) {
      if (!deal.isClosed || deal.isWon || deal.closeDate === null) continue;
      if (deal.closeDate < start || deal.closeDate >= end) continue;
      lostDeals += 1;
      lostMinor += deal.corporateAmountMinor ?? 0n;
      if (competitorDeals.has(deal.id)) lostToCompetitionMinor += deal.corporateAmountMinor ?? 0n;
    }
    return { period, counts, lostDeals, lostMinor, lostToCompetitionMinor };
  });
}
