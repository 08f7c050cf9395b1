import type { AccessScope } from '../../core/access-scope.js';
import { computeAccountScores, type AccountScore } from '../../core/engagement/compute-account-scores.js';
import { computeEngagementPlan, type EngagementPlan } from '../../core/engagement/compute-engagement-plan.js';
import type { EngagementSettings } from '../../core/engagement/engagement-records.js';
import { dayInZone, periodDates, periodInstants } from '../../core/fiscal-calendar.js';
import { computeTrendPeriods } from '../../core/insights/compute-trend-periods.js';
import { formatMinor } from '../../core/money.js';
import {
  findEngagementSettings,
  listAccountRevenue,
  listExecutives,
  listLastHeldMeetings,
  listMeetings,
  listStrategicAccountRecords,
} from '../../store/engagement-queries.js';
import { withConnection, type Connection, type DatabaseHandle } from '../../store/session.js';
import { getOrgContext, type OrgContext } from '../org-context.js';

export type EngagementPlanReport = {
  period: string;
  currency: string;
  settings: EngagementSettings;
  /** The four periods whose wins score the accounts, oldest first. */
  scoringPeriods: string[];
  coverage: EngagementPlan['coverage'];
  accounts: {
    accountId: string;
    name: string;
    score: number;
    won: string;
    openPipeline: string;
    growth: number;
    strategicTag: boolean;
    sponsorId: string | null;
    sponsorName: string | null;
    cadence: string;
    dueDays: string[];
    scheduled: number;
    held: number;
    status: string;
  }[];
  /** Every scored account (critical or not), for the admins' choice of tags. */
  scores: { accountId: string; name: string; score: number; critical: boolean; strategicTag: boolean }[];
  executives: { id: string; name: string }[];
};

/**
 * The period's executive programme: accounts scored on the four periods before it, the critical
 * subset with sponsor and cadence, the business reviews due and how far they are covered.
 * Figures are over the caller's deals; today is the clock's day in the organisation's zone.
 */
export async function getEngagementPlan(
  handle: DatabaseHandle,
  options: { period: string; scope: AccessScope; now: Date },
): Promise<EngagementPlanReport> {
  return withConnection(handle, async (conn) => {
    const org = await getOrgContext(conn);
    const settings = await findEngagementSettings(conn);
    const { scores, scoringPeriods } = await scoreAccounts(conn, org, settings, options);
    const records = await listStrategicAccountRecords(conn);
    const executives = await listExecutives(conn);
    const names = new Map(executives.map((e) => [e.id, e.name]));
    const range = periodDates(org.calendar, options.period);
    const instants = periodInstants(org.calendar, options.period);
    const lastHeld = await listLastHeldMeetings(conn, instants.start);
    const meetings = await listMeetings(conn, {
      scope: options.scope,
      corporateCurrency: org.settings.corporateCurrency,
      from: instants.start,
      to: instants.end,
    });
    const zone = org.settings.timeZone;
    const critical = scores.filter((s) => s.critical);
    const plan = computeEngagementPlan({
      period: options.period,
      range,
      today: dayInZone(options.now, zone),
      accounts: critical.map((s) => {
        const record = records.get(s.accountId);
        const held = lastHeld.get(s.accountId);
        return {
          accountId: s.accountId,
          name: s.name,
          score: s.score,
          sponsorId: record?.sponsorId ?? null,
          cadence: record?.cadence ?? settings.defaultCadence,
          lastHeldDay: held ? dayInZone(held, zone) : null,
        };
      }),
      meetings: meetings.map((m) => ({ ...m, day: dayInZone(new Date(m.startsAt), zone) })),
    });
    const money = (minor: bigint) => formatMinor(minor, org.corporateDecimals);
    const byId = new Map(scores.map((s) => [s.accountId, s]));
    return {
      period: options.period,
      currency: org.settings.corporateCurrency,
      settings,
      scoringPeriods,
      coverage: plan.coverage,
      accounts: plan.accounts.map((a) => {
        const score = byId.get(a.accountId) as AccountScore;
        return {
          accountId: a.accountId,
          name: a.name,
          score: a.score,
          won: money(score.wonMinor),
          openPipeline: money(score.openPipelineMinor),
          growth: Math.round(score.growth * 10_000) / 10_000,
          strategicTag: score.strategicTag,
          sponsorId: a.sponsorId,
          sponsorName: a.sponsorId ? (names.get(a.sponsorId) ?? null) : null,
          cadence: a.cadence,
          dueDays: a.dueDays,
          scheduled: a.scheduled,
          held: a.held,
          status: a.status,
        };
      }),
      scores: scores.map((s) => ({
        accountId: s.accountId,
        name: s.name,
        score: s.score,
        critical: s.critical,
        strategicTag: s.strategicTag,
      })),
      executives,
    };
  });
}

async function scoreAccounts(
  conn: Pick<Connection, 'db'>,
  org: OrgContext,
  settings: EngagementSettings,
  options: { period: string; scope: AccessScope },
): Promise<{ scores: AccountScore[]; scoringPeriods: string[] }> {
  const scoringPeriods = computeTrendPeriods(options.period, 5).slice(0, 4);
  const ranges = scoringPeriods.map((p) => periodDates(org.calendar, p));
  const revenue = await listAccountRevenue(conn, {
    scope: options.scope,
    corporateCurrency: org.settings.corporateCurrency,
    ranges,
  });
  const records = await listStrategicAccountRecords(conn);
  const scores = computeAccountScores(
    revenue.map((r) => ({
      accountId: r.accountId,
      name: r.name,
      wonByPeriodMinor: [
        r.wonByRangeMinor[0] ?? 0n,
        r.wonByRangeMinor[1] ?? 0n,
        r.wonByRangeMinor[2] ?? 0n,
        r.wonByRangeMinor[3] ?? 0n,
      ],
      openPipelineMinor: r.openMinor,
      strategicTag: records.get(r.accountId)?.strategicTag ?? false,
    })),
    settings,
  );
  return { scores, scoringPeriods };
}
