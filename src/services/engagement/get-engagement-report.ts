import type { AccessScope } from '../../core/access-scope.js';
import { classifyMeeting, type MeetingKind } from '../../core/engagement/classify-meeting.js';
import {
  computeEngagementReport,
  type DealOutcomes,
} from '../../core/engagement/compute-engagement-report.js';
import { dayInZone, periodContaining, periodInstants, parsePeriod } from '../../core/fiscal-calendar.js';
import { computeTrendPeriods } from '../../core/insights/compute-trend-periods.js';
import { formatMinor } from '../../core/money.js';
import {
  findEngagementSettings,
  listExecutives,
  listMeetings,
  listStrategicAccountRecords,
} from '../../store/engagement-queries.js';
import { withConnection, type DatabaseHandle } from '../../store/session.js';
import { getOrgContext } from '../org-context.js';

type Outcomes = Omit<DealOutcomes, 'wonMinor' | 'lostMinor'> & { wonValue: string; lostValue: string };

export type EngagementReportView = {
  periods: string[];
  currency: string;
  fireDrillDays: number;
  total: { planned: number; fireDrill: number; unplanned: number };
  fireDrillShare: number | null;
  bySponsor: {
    executiveId: string | null;
    name: string | null;
    planned: number;
    fireDrill: number;
    unplanned: number;
  }[];
  byPeriod: { period: string; planned: number; fireDrill: number; unplanned: number }[];
  afterwards: { planned: Outcomes; fireDrill: Outcomes };
  meetings: {
    id: string;
    accountId: string;
    accountName: string | null;
    title: string;
    startsAt: string;
    kind: MeetingKind;
    executiveId: string | null;
    opportunityId: string | null;
    dealName: string | null;
    closeDateAtMeeting: string | null;
  }[];
};

/**
 * Planned against fire-drill executive meetings over the four periods ending with `period` (of the
 * same kind), per executive and per period, and what became of the deals. Only held meetings on
 * accounts the caller may see count.
 */
export async function getEngagementReport(
  handle: DatabaseHandle,
  options: { period: string; scope: AccessScope },
): Promise<EngagementReportView> {
  return withConnection(handle, async (conn) => {
    const org = await getOrgContext(conn);
    const settings = await findEngagementSettings(conn);
    const periods = computeTrendPeriods(options.period, 4);
    const kind = parsePeriod(options.period).kind;
    const from = periodInstants(org.calendar, periods[0] ?? options.period).start;
    const to = periodInstants(org.calendar, options.period).end;
    const executives = await listExecutives(conn);
    const executiveIds = new Set(executives.map((e) => e.id));
    const names = new Map(executives.map((e) => [e.id, e.name]));
    const records = await listStrategicAccountRecords(conn);
    const zone = org.settings.timeZone;
    const held = (
      await listMeetings(conn, {
        scope: options.scope,
        corporateCurrency: org.settings.corporateCurrency,
        from,
        to,
      })
    ).filter((m) => m.status === 'held');
    const classified = held.map((m) => {
      const sponsorId = records.get(m.accountId)?.sponsorId ?? null;
      const executiveId =
        (sponsorId && m.attendeeIds.includes(sponsorId) ? sponsorId : null) ??
        m.attendeeIds.find((id) => executiveIds.has(id)) ??
        sponsorId;
      const meetingKind = classifyMeeting({
        meeting: m,
        executiveIds,
        closeDateAtMeeting: m.closeDateAtMeeting,
        fireDrillDays: settings.fireDrillDays,
        timeZone: zone,
      });
      return { meeting: m, executiveId, kind: meetingKind };
    });
    const report = computeEngagementReport(
      classified.map(({ meeting, executiveId, kind: k }) => ({
        id: meeting.id,
        period: periodContaining(org.calendar, dayInZone(new Date(meeting.startsAt), zone), kind),
        executiveId,
        kind: k,
        deal:
          meeting.deal && meeting.opportunityId
            ? { id: meeting.opportunityId, closeDateAtMeeting: meeting.closeDateAtMeeting, ...meeting.deal }
            : null,
      })),
    );
    const money = (minor: bigint) => formatMinor(minor, org.corporateDecimals);
    const outcomes = ({ wonMinor, lostMinor, ...rest }: DealOutcomes): Outcomes => ({
      ...rest,
      wonValue: money(wonMinor),
      lostValue: money(lostMinor),
    });
    const byPeriod = new Map(report.byPeriod.map((p) => [p.period, p]));
    return {
      periods,
      currency: org.settings.corporateCurrency,
      fireDrillDays: settings.fireDrillDays,
      total: report.total,
      fireDrillShare: report.fireDrillShare01,
      bySponsor: report.bySponsor
        .map((s) => ({ ...s, name: s.executiveId ? (names.get(s.executiveId) ?? s.executiveId) : null }))
        .sort((a, b) => (a.name ?? '~').localeCompare(b.name ?? '~')),
      byPeriod: periods.map(
        (period) => byPeriod.get(period) ?? { period, planned: 0, fireDrill: 0, unplanned: 0 },
      ),
      afterwards: {
        planned: outcomes(report.afterwards.planned),
        fireDrill: outcomes(report.afterwards.fireDrill),
      },
      meetings: classified.map(({ meeting, executiveId, kind: k }) => ({
        id: meeting.id,
        accountId: meeting.accountId,
        accountName: meeting.accountName,
        title: meeting.title,
        startsAt: meeting.startsAt,
        kind: k,
        executiveId,
        opportunityId: meeting.opportunityId,
        dealName: meeting.deal?.name ?? null,
        closeDateAtMeeting: meeting.closeDateAtMeeting,
      })),
    };
  });
}
