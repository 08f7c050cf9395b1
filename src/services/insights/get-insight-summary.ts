import type { AccessScope } from '../../core/access-scope.js';
import { DomainError } from '../../core/domain-error.js';
import { periodDates, periodInstants } from '../../core/fiscal-calendar.js';
import { computeInsightSummary, type InsightSummary } from '../../core/insights/compute-insight-summary.js';
import { computeInsightTrends } from '../../core/insights/compute-insight-trends.js';
import { computeTrendPeriods } from '../../core/insights/compute-trend-periods.js';
import type { InsightType } from '../../core/insights/insight.js';
import { formatMinor } from '../../core/money.js';
import { findTeamMemberIds } from '../../store/find-team-member-ids.js';
import {
  listAccountSegments,
  listInsights,
  listSummaryDeals,
  type InsightFilter,
} from '../../store/insight-queries.js';
import { withConnection, type Connection, type DatabaseHandle } from '../../store/session.js';
import { getOrgContext } from '../org-context.js';

export type InsightSummaryOptions = {
  period: string;
  scope: AccessScope;
  segment?: string | null;
  teamId?: string | null;
  /** How many periods the trend covers, ending with `period`. */
  trendPeriods?: number;
};

export type InsightSummaryReport = {
  period: string;
  currency: string;
  range: { start: string; end: string };
  filters: { segment: string | null; teamId: string | null };
  /** The account segments there are, for a filter picker. */
  segments: string[];
  counts: Record<InsightType, number>;
  lostWithoutReason: number;
  competitors: {
    competitor: string;
    wonDeals: number;
    won: string;
    lostDeals: number;
    lost: string;
    winRate: number | null;
    openDeals: number;
    open: string;
    mentions: number;
  }[];
  lossReasons: { reason: string; deals: number; lost: string }[];
  featureRequests: { topic: string; requests: number; accounts: number; openDeals: number; open: string }[];
  serviceProblems: {
    topic: string;
    reports: number;
    accounts: number;
    highestSeverity: string;
    open: string;
  }[];
  trends: {
    period: string;
    counts: Record<InsightType, number>;
    lostDeals: number;
    lost: string;
    lostToCompetition: string;
  }[];
};

/**
 * The voice-of-the-customer summary for a period, with revenue at stake in the corporate currency,
 * over exactly the deals and insights the caller may see, optionally cut to a segment or a team
 * (its subtree). The trend runs over the periods ending with the one asked for.
 */
export async function getInsightSummary(
  handle: DatabaseHandle,
  options: InsightSummaryOptions,
): Promise<InsightSummaryReport> {
  return withConnection(handle, async (conn) => {
    const org = await getOrgContext(conn);
    const filter = await resolveFilter(conn, options);
    const periods = computeTrendPeriods(options.period, options.trendPeriods ?? 4).map((period) => ({
      period,
      ...periodDates(org.calendar, period),
    }));
    const first = periods[0];
    const range = periodDates(org.calendar, options.period);
    if (!first) throw new DomainError('invalid-input', 'no period to summarise');
    const deals = await listSummaryDeals(conn, {
      ...filter,
      closeFrom: first.start,
      closeTo: range.end,
      corporateCurrency: org.settings.corporateCurrency,
    });
    const insights = await listInsights(conn, {
      ...filter,
      capturedFrom: periodInstants(org.calendar, first.period).start,
      capturedTo: periodInstants(org.calendar, options.period).end,
    });
    const timeZone = org.settings.timeZone;
    const summary = computeInsightSummary({ range, timeZone, deals, insights });
    const trends = computeInsightTrends({ periods, timeZone, deals, insights });
    const money = (minor: bigint) => formatMinor(minor, org.corporateDecimals);
    return {
      period: options.period,
      currency: org.settings.corporateCurrency,
      range,
      filters: { segment: filter.segment, teamId: options.teamId ?? null },
      segments: await listAccountSegments(conn),
      ...formatSummary(summary, money),
      trends: trends.map((t) => ({
        period: t.period,
        counts: t.counts,
        lostDeals: t.lostDeals,
        lost: money(t.lostMinor),
        lostToCompetition: money(t.lostToCompetitionMinor),
      })),
    };
  });
}

/** The scope and the segment/team filters, with a team resolved to its members (404 if unknown). */
export async function resolveFilter(
  conn: Pick<Connection, 'db'>,
  options: { scope: AccessScope; segment?: string | null; teamId?: string | null },
): Promise<InsightFilter> {
  let ownerIds: string[] | null = null;
  if (options.teamId) {
    ownerIds = await findTeamMemberIds(conn, options.teamId);
    if (ownerIds === null) throw new DomainError('not-found', `there is no team ${options.teamId}`);
  }
  return { scope: options.scope, segment: options.segment?.trim() || null, ownerIds };
}

function formatSummary(
  summary: InsightSummary,
  money: (minor: bigint) => string,
): Omit<InsightSummaryReport, 'period' | 'currency' | 'range' | 'filters' | 'segments' | 'trends'> {
  return {
    counts: summary.counts,
    lostWithoutReason: summary.lostWithoutReason,
    competitors: summary.competitors.map((c) => ({
      competitor: c.competitor,
      wonDeals: c.wonDeals,
      won: money(c.wonMinor),
      lostDeals: c.lostDeals,
      lost: money(c.lostMinor),
      winRate: c.winRate01,
      openDeals: c.openDeals,
      open: money(c.openMinor),
      mentions: c.mentions,
    })),
    lossReasons: summary.lossReasons.map((l) => ({
      reason: l.reason,
      deals: l.deals,
      lost: money(l.lostMinor),
    })),
    featureRequests: summary.featureRequests.map((f) => ({
      topic: f.topic,
      requests: f.requests,
      accounts: f.accounts,
      openDeals: f.openDeals,
      open: money(f.openMinor),
    })),
    serviceProblems: summary.serviceProblems.map((s) => ({
      topic: s.topic,
      reports: s.reports,
      accounts: s.accounts,
      highestSeverity: s.highestSeverity,
      open: money(s.openMinor),
    })),
  };
}
