import type { AccessScope } from '../../core/access-scope.js';
import {
  addDays,
  periodContaining,
  periodDates,
  periodInstants,
  startOfDay,
} from '../../core/fiscal-calendar.js';
import {
  computeLeadingInsight,
  minimumInsightPairs,
  type IndicatorInsight,
  type InsightObservation,
} from '../../core/scorecards/compute-leading-insight.js';
import { listRecentPeriods } from '../../core/scorecards/list-recent-periods.js';
import { measurePeriod } from '../../core/scorecards/measure-period.js';
import { planScorecardSubjects } from '../../core/scorecards/plan-scorecard-subjects.js';
import { readScorecardFacts, summarizeOwnersAsOf } from '../../store/scorecard-queries.js';
import { withConnection, type DatabaseHandle } from '../../store/session.js';
import { getOrgContext } from '../org-context.js';
import { readOrgTree } from './read-org-tree.js';
import { readQuotaLookup } from './read-quota-lookup.js';

export type GetLeadingInsightOptions = {
  /** The quarter (or a period inside it) to look back from. */
  period: string;
  scope: AccessScope;
  now: Date;
  teamId?: string | undefined;
  /** Early weeks measured (default 4). */
  weeks?: number;
  /** Completed quarters studied at most (default 8). */
  quarters?: number;
};

export type LeadingInsightReport = {
  period: string;
  weeks: number;
  quarters: string[];
  minimumPairs: number;
  observations: number;
  indicators: IndicatorInsight[];
  summary: string;
};

const insightIndicators = [
  { key: 'meetings', label: 'Meetings' },
  { key: 'calls', label: 'Calls' },
  { key: 'demos', label: 'Demos' },
  { key: 'emails', label: 'Emails' },
  { key: 'pipeline_created', label: 'Pipeline created (× quota)' },
  { key: 'deals_advanced', label: 'Deals advanced' },
  { key: 'coverage', label: 'Coverage' },
];

/**
 * Which leading indicators, measured in the first weeks of a quarter, went with attainment at its
 * end: over the completed quarters before `period` (at most 8), every person in the caller's scope
 * with a quota is one observation per quarter. Pipeline created is taken as a multiple of the
 * quota so people with different quotas compare; coverage is the open pipeline closing in the
 * quarter as it stood at the end of the early weeks, over the quota still to go then.
 */
export async function getLeadingInsight(
  handle: DatabaseHandle,
  options: GetLeadingInsightOptions,
): Promise<LeadingInsightReport> {
  const weeks = options.weeks ?? 4;
  return withConnection(handle, async (conn) => {
    const org = await getOrgContext(conn);
    const calendar = org.calendar;
    const quarter = periodContaining(calendar, periodDates(calendar, options.period).start, 'quarter');
    const quarters = listRecentPeriods(calendar, quarter, options.quarters ?? 8)
      .slice(0, -1)
      .filter((q) => periodInstants(calendar, q).end <= options.now);
    // One after the other: a connection runs one query at a time (pg queues a second one, and warns).
    const tree = await readOrgTree(conn);
    const quotas = await readQuotaLookup(conn, { org, periods: quarters });
    const holders = new Set(quarters.flatMap((q) => [...quotas.holders(q)]));
    const subjects = planScorecardSubjects({
      teams: tree.teams,
      members: tree.members,
      quotaHolders: holders,
      scope: options.scope,
      teamId: options.teamId,
    });
    const people = subjects.people.map((p) => p.userId);
    const firstQuarter = quarters[0];
    const observations: InsightObservation[] = [];
    if (firstQuarter !== undefined) {
      const facts = await readScorecardFacts(conn, {
        ownerIds: people,
        from: periodInstants(calendar, firstQuarter).start,
        closeFrom: periodDates(calendar, firstQuarter).start,
        corporateCurrency: org.settings.corporateCurrency,
      });
      for (const q of quarters) {
        const dates = periodDates(calendar, q);
        const bounds = periodInstants(calendar, q);
        const earlyEnd = startOfDay(addDays(dates.start, weeks * 7), calendar.timeZone);
        const asOf = await summarizeOwnersAsOf(conn, {
          ownerIds: people,
          asOf: earlyEnd,
          closeFrom: dates.start,
          closeTo: dates.end,
          corporateCurrency: org.settings.corporateCurrency,
        });
        for (const userId of people) {
          const quota = quotas.user(userId, q);
          if (quota === null || quota <= 0n) continue;
          const window = {
            ownerIds: new Set([userId]),
            closeFrom: dates.start,
            closeTo: dates.end,
            timeZone: calendar.timeZone,
          };
          const whole = measurePeriod(facts, { ...window, from: bounds.start, to: bounds.end });
          const early = measurePeriod(facts, { ...window, from: bounds.start, to: earlyEnd });
          const then = asOf.find((a) => a.ownerId === userId) ?? { openMinor: 0n, wonMinor: 0n };
          const toGo = quota - then.wonMinor;
          observations.push({
            subjectId: userId,
            period: q,
            attainment: Number(whole.bookingsMinor) / Number(quota),
            early: {
              meetings: early.activities.meeting.length,
              calls: early.activities.call.length,
              demos: early.activities.demo.length,
              emails: early.activities.email.length,
              pipeline_created: Number(early.pipelineCreatedMinor) / Number(quota),
              deals_advanced: early.advancedDealIds.length,
              coverage: toGo <= 0n ? null : Number(then.openMinor) / Number(toGo),
            },
          });
        }
      }
    }
    const insight = computeLeadingInsight({ observations, indicators: insightIndicators, weeks });
    return {
      period: quarter,
      weeks,
      // The quarters that gave at least one observation (the earliest may predate any quota).
      quarters: quarters.filter((q) => observations.some((o) => o.period === q)),
      minimumPairs: minimumInsightPairs,
      observations: observations.length,
      ...insight,
    };
  });
}
