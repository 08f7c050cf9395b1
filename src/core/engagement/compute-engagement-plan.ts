import { DateTime } from 'luxon';
import { cadenceMonths, type Cadence, type MeetingStatus } from './engagement-records.js';

export type PlanAccount = {
  accountId: string;
  name: string;
  score: number;
  sponsorId: string | null;
  cadence: Cadence;
  /** Day (org time zone) of the latest programme meeting held before the period; null if none. */
  lastHeldDay: string | null;
};

export type PlanMeeting = {
  id: string;
  accountId: string;
  /** Day the meeting starts, in the organisation's time zone. */
  day: string;
  status: MeetingStatus;
  planned: boolean;
};

export type CoverageStatus = 'not-due' | 'held' | 'scheduled' | 'to-schedule' | 'overdue';

export type PlannedAccount = PlanAccount & {
  /** The days, inside the period, on which the cadence wants a business review. */
  dueDays: string[];
  scheduled: number;
  held: number;
  status: CoverageStatus;
};

export type EngagementPlan = {
  period: string;
  accounts: PlannedAccount[];
  coverage: {
    strategicAccounts: number;
    /** Accounts with a reviews due this period. */
    due: number;
    /** Accounts with a programme meeting scheduled or held this period. */
    planned: number;
    held: number;
    overdue: number;
    withoutSponsor: number;
    /** planned ÷ due; null when nothing is due. */
    coverage01: number | null;
  };
};

/**
 * The period's business reviews for the strategic accounts, and how far they are covered.
 *
 * Due days: a review is due a cadence after the last one held (`lastHeldDay` + cadence months), or at
 * the period's start when none was ever held or the due day has already passed, then every cadence
 * after that until the period ends. Only programme meetings (`planned`) count, cancelled ones never.
 * Status per account, first that applies: not-due (nothing due); held (as many held as due);
 * scheduled (held + scheduled cover every due day); overdue (a due day uncovered is before today);
 * to-schedule (due later this period, nothing booked yet).
 */
export function computeEngagementPlan(options: {
  period: string;
  range: { start: string; end: string };
  /** Today in the organisation's time zone. */
  today: string;
  accounts: readonly PlanAccount[];
  meetings: readonly PlanMeeting[];
}): EngagementPlan {
  const { range } = options;
  const accounts = options.accounts.map((account): PlannedAccount => {
    const dueDays = computeDueDays(account, range);
    const mine = options.meetings.filter(
      (m) => m.accountId === account.accountId && m.planned && m.day >= range.start && m.day < range.end,
    );
    const held = mine.filter((m) => m.status === 'held').length;
    const scheduled = mine.filter((m) => m.status === 'scheduled').length;
    const covered = held + scheduled;
    const uncoveredDue = dueDays.slice(covered);
    let status: CoverageStatus;
    if (dueDays.length === 0) status = 'not-due';
    else if (held >= dueDays.length) status = 'held';
    else if (covered >= dueDays.length) status = 'scheduled';
    else if (uncoveredDue.some((d) => d < options.today)) status = 'overdue';
    else status = 'to-schedule';
    return { ...account, dueDays, scheduled, held, status };
  });
  const due = accounts.filter((a) => a.dueDays.length > 0);
  const planned = accounts.filter((a) => a.held + a.scheduled > 0).length;
  return {
    period: options.period,
    accounts,
    coverage: {
      strategicAccounts: accounts.length,
      due: due.length,
      planned,
      held: accounts.filter((a) => a.held > 0).length,
      overdue: accounts.filter((a) => a.status === 'overdue').length,
      withoutSponsor: accounts.filter((a) => a.sponsorId === null).length,
      coverage01: due.length === 0 ? null : due.filter((a) => a.held + a.scheduled > 0).length / due.length,
    },
  };
}

function computeDueDays(account: PlanAccount, range: { start: string; end: string }): string[] {
  const months = cadenceMonths[account.cadence];
  let next = account.lastHeldDay === null ? range.start : addMonths(account.lastHeldDay, months);
  if (next < range.start) next = range.start;
  const days: string[] = [];
  while (next < range.end) {
    days.push(next);
    next = addMonths(next, months);
  }
  return days;
}

function addMonths(day: string, months: number): string {
  return DateTime.fromISO(day, { zone: 'utc' }).plus({ months }).toISODate() ?? day;
}
