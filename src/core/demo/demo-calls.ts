import type { JsonValue } from '../canonical-json.js';
import { defaultCallPolicy } from '../calls/call-policy.js';
import { callEntityId } from '../calls/call-submission.js';
import { checkCallDeviation } from '../calls/check-call-deviation.js';
import { computeCallWindows } from '../calls/compute-call-windows.js';
import { planCallGrid, type GridMembership } from '../calls/plan-call-grid.js';
import { periodDates, type FiscalCalendar } from '../fiscal-calendar.js';
import type { NewEvent } from '../ledger-event.js';
import type { DemoPeople } from './demo-people.js';
import { rateOn, type DemoRate } from './demo-settings.js';
import { hourMs } from './demo-time.js';
import type { Random } from './random.js';

/** A call to write: `call.submitted` on the person's call entity for the period. */
export type PlannedCall = {
  entityId: string;
  timeMs: number;
  userId: string;
  payload: { [key: string]: JsonValue };
};

export type PlanDemoCallsOptions = {
  random: Random;
  calendar: FiscalCalendar;
  people: DemoPeople;
  /** The demo's quarters, oldest first; the last is in progress. */
  periods: readonly string[];
  /** The deal events already planned (any order); only opportunity events are read. */
  dealEvents: readonly NewEvent[];
  rates: readonly DemoRate[];
  nowMs: number;
};

type DealState = {
  ownerId: string | null;
  amountMinor: number;
  currency: string;
  category: string;
  closeDate: string | null;
};
type Figures = { commit: number; bestCase: number };
type Rollup = Figures & { pipeline: number };

const reasons = [
  'Two commit deals are waiting on legal review; I expect both this quarter.',
  'Procurement at the largest account moved their sign-off into next quarter.',
  'Verbal agreement on the renewal; paperwork not in the CRM yet.',
  'Discount approval pending on the biggest deal; holding it out of the number.',
  'Champion left one account; I do not trust that deal any more.',
  'Expansion signed last week is not booked yet.',
];

/**
 * The demo organisation's weekly forecast calls, consistent with its deals. Each week, before the
 * Thursday 17:00 due time, every rep calls their number from the roll-up of their own deals as it
 * stands at that moment (Closed + Commit, plus part of the upside early in the quarter), leaning by
 * a personal bias (some sandbag, some over-call) with weekly noise; now and then a rep misses a
 * week. Managers and the executive then call the sum of their reports' calls with a judgement of
 * their own. A call further than 10 % from its roll-up carries a reason, as the rule requires.
 * Calls of the week in progress appear only when their time has passed.
 */
export function planDemoCalls(options: PlanDemoCallsOptions): PlannedCall[] {
  const { random, people } = options;
  const memberships: GridMembership[] = people.users.map((u) => ({
    userId: u.id,
    teamId: u.teamId,
    role: u.role,
  }));
  const created = new Map(
    people.users.map((u) => [u.id, u.rep ? Math.max(u.createdMs, u.rep.startMs) : u.createdMs]),
  );
  const reps = people.users.filter((u) => u.role === 'rep');
  const bias = new Map(reps.map((u) => [u.id, random.between(-0.06, 0.24)]));
  const depth = (teamId: string): number => {
    let d = 0;
    for (let t = people.teams.find((x) => x.id === teamId); t?.parentId; d += 1) {
      const parentId: string = t.parentId;
      t = people.teams.find((x) => x.id === parentId);
    }
    return d;
  };
  const leaders = people.users
    .filter((u) => u.role === 'manager' || u.role === 'executive')
    .map((u) => ({
      user: u,
      rows: planCallGrid(people.teams, memberships, u.teamId),
      judgement: random.between(-0.08, 0.06),
    }))
    .sort((a, b) => depth(b.user.teamId) - depth(a.user.teamId));

  const events = options.dealEvents
    .filter((e) => e.entityType === 'opportunity')
    .sort((a, b) => a.businessTime.getTime() - b.businessTime.getTime());
  const deals = new Map<string, DealState>();
  const byOwner = new Map<string, Set<string>>();
  let cursor = 0;
  const advanceTo = (timeMs: number): void => {
    for (
      ;
      cursor < events.length && (events[cursor]?.businessTime.getTime() ?? Infinity) <= timeMs;
      cursor += 1
    ) {
      const event = events[cursor] as NewEvent;
      applyDealEvent(deals, byOwner, event);
    }
  };
  const rates = new Map<string, number>();
  const rate = (currency: string, day: string): number => {
    const key = `${currency}:${day}`;
    let value = rates.get(key);
    if (value === undefined) rates.set(key, (value = rateOn(options.rates, currency, day)));
    return value;
  };
  const rollupOf = (owners: ReadonlySet<string>, from: string, to: string): Rollup => {
    const figures = { commit: 0, bestCase: 0, pipeline: 0 };
    for (const owner of owners) {
      for (const id of byOwner.get(owner) ?? []) {
        const deal = deals.get(id);
        if (!deal?.closeDate || deal.closeDate < from || deal.closeDate >= to) continue;
        const amount = Math.round(deal.amountMinor * rate(deal.currency, deal.closeDate));
        if (!Number.isFinite(amount)) continue;
        if (deal.category === 'Pipeline') figures.pipeline += amount;
        if (deal.category === 'Closed' || deal.category === 'Commit') figures.commit += amount;
        if (deal.category === 'Closed' || deal.category === 'Commit' || deal.category === 'Best Case') {
          figures.bestCase += amount;
        }
      }
    }
    return figures;
  };

  const planned: PlannedCall[] = [];
  for (const period of options.periods) {
    const windows = computeCallWindows(options.calendar, period, defaultCallPolicy);
    const { start: from, end: to } = periodDates(options.calendar, period);
    for (const [index, window] of windows.entries()) {
      const dueMs = window.dueAt.getTime();
      const progress = index / Math.max(1, windows.length - 1);
      const weekCalls = new Map<string, Figures>();
      const repTimes = reps
        .map((rep) => ({ rep, timeMs: dueMs - (Math.round(random.between(4, 30) * 4) * hourMs) / 4 }))
        .sort((a, b) => a.timeMs - b.timeMs);
      for (const { rep, timeMs } of repTimes) {
        const skip = random.chance(0.06);
        const noise = random.between(-0.06, 0.06);
        if (skip || timeMs > options.nowMs || timeMs < (created.get(rep.id) ?? 0)) continue;
        advanceTo(timeMs);
        const rollup = rollupOf(new Set([rep.id]), from, to);
        const lean = 1 + (bias.get(rep.id) ?? 0) + noise;
        // Early in the quarter a rep calls part of the upside and of the pipeline not yet in Commit.
        const upside = ((rollup.bestCase - rollup.commit) * 0.35 + rollup.pipeline * 0.12) * (1 - progress);
        const commit = Math.max(0, Math.round(((rollup.commit + upside) * lean) / 100) * 100);
        const bestCase = Math.max(commit, Math.round((rollup.bestCase * (1 + noise / 2)) / 100) * 100);
        weekCalls.set(rep.id, { commit, bestCase });
        planned.push(
          callFor(random, {
            userId: rep.id,
            period,
            week: window.week,
            timeMs,
            call: { commit, bestCase },
            rollup,
          }),
        );
      }
      for (const leader of leaders) {
        const timeMs =
          dueMs - (Math.round(random.between(0.5, 3) * 4) * hourMs) / 4 - depth(leader.user.teamId) * hourMs;
        const noise = random.between(-0.03, 0.03);
        if (timeMs > options.nowMs || timeMs < (created.get(leader.user.id) ?? 0)) continue;
        advanceTo(timeMs);
        const [own, ...reports] = leader.rows;
        if (!own) continue;
        const rollup = rollupOf(own.ownerIds, from, to);
        let sum: Figures = { commit: 0, bestCase: 0 };
        for (const report of reports) {
          const reported = report.userId ? weekCalls.get(report.userId) : undefined;
          const figures: Figures = reported ?? rollupOf(report.ownerIds, from, to);
          sum = { commit: sum.commit + figures.commit, bestCase: sum.bestCase + figures.bestCase };
        }
        const commit = Math.max(0, Math.round((sum.commit * (1 + leader.judgement + noise)) / 100) * 100);
        const bestCase = Math.max(commit, Math.round(sum.bestCase / 100) * 100);
        weekCalls.set(leader.user.id, { commit, bestCase });
        planned.push(
          callFor(random, {
            userId: leader.user.id,
            period,
            week: window.week,
            timeMs,
            call: { commit, bestCase },
            rollup,
          }),
        );
      }
    }
  }
  return planned;
}

function callFor(
  random: Random,
  c: { userId: string; period: string; week: number; timeMs: number; call: Figures; rollup: Figures },
): PlannedCall {
  const toMinor = (f: Figures) => ({ commitMinor: BigInt(f.commit), bestCaseMinor: BigInt(f.bestCase) });
  const beyond = checkCallDeviation(
    toMinor(c.call),
    toMinor(c.rollup),
    defaultCallPolicy.reasonShare01,
  ).beyond;
  return {
    entityId: callEntityId(c.userId, c.period),
    timeMs: c.timeMs,
    userId: c.userId,
    payload: {
      userId: c.userId,
      period: c.period,
      week: c.week,
      commitMinor: String(c.call.commit),
      bestCaseMinor: String(c.call.bestCase),
      currency: 'USD',
      note: random.chance(0.1) ? 'Reviewed every commit deal with the team this week.' : null,
      reason: beyond.length > 0 ? random.pick(reasons) : null,
      rollupCommitMinor: String(c.rollup.commit),
      rollupBestCaseMinor: String(c.rollup.bestCase),
      submittedBy: c.userId,
    },
  };
}

function applyDealEvent(
  deals: Map<string, DealState>,
  byOwner: Map<string, Set<string>>,
  event: NewEvent,
): void {
  const p = event.payload;
  const current: DealState = deals.get(event.entityId) ?? {
    ownerId: null,
    amountMinor: 0,
    currency: 'USD',
    category: 'Pipeline',
    closeDate: null,
  };
  if ('ownerId' in p) {
    if (current.ownerId) byOwner.get(current.ownerId)?.delete(event.entityId);
    current.ownerId = typeof p.ownerId === 'string' ? p.ownerId : null;
    if (current.ownerId)
      byOwner.set(current.ownerId, (byOwner.get(current.ownerId) ?? new Set()).add(event.entityId));
  }
  if ('amountMinor' in p) current.amountMinor = p.amountMinor === null ? 0 : Number(p.amountMinor);
  if (typeof p.currency === 'string') current.currency = p.currency;
  if (typeof p.forecastCategory === 'string') current.category = p.forecastCategory;
  if ('closeDate' in p) current.closeDate = typeof p.closeDate === 'string' ? p.closeDate : null;
  deals.set(event.entityId, current);
}
