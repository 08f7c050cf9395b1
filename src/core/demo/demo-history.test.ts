import { beforeAll, describe, expect, it } from 'vitest';
import { computeOpportunityHistory } from '../opportunity-history.js';
import type { OpportunityState } from '../opportunity.js';
import { generateDemoOrganisation } from './generate-demo-organisation.js';
import { replay, sequence, type Replay } from './replay-demo.test-support.js';

const now = new Date('2026-05-14T12:34:56.789Z');
const previousQuarters = [
  ['2025-04-01', '2025-07-01'],
  ['2025-07-01', '2025-10-01'],
  ['2025-10-01', '2026-01-01'],
  ['2026-01-01', '2026-04-01'],
] as const;

function deals(history: Replay): OpportunityState[] {
  return [...history.deals.values()].map((d) => d.current);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

describe('the demo history', () => {
  let history: Replay;
  beforeAll(() => {
    history = replay(generateDemoOrganisation({ seed: 1, now }).events, now);
  });

  it('creates deals in each of the five quarters and wins and loses deals in each of the four closed ones', () => {
    const all = deals(history);
    for (const [start, end] of [...previousQuarters, ['2026-04-01', '2026-07-01'] as const]) {
      const created = all.filter((d) => {
        const day = d.createdAt.toISOString().slice(0, 10);
        return day >= start && day < end;
      });
      expect(created.length, `deals created from ${start}`).toBeGreaterThan(250);
    }
    for (const [start, end] of previousQuarters) {
      const closing = all.filter((d) => d.closeDate !== null && d.closeDate >= start && d.closeDate < end);
      expect(closing.filter((d) => d.isWon).length, `won from ${start}`).toBeGreaterThan(60);
      expect(closing.filter((d) => d.isClosed && !d.isWon).length, `lost from ${start}`).toBeGreaterThan(150);
      expect(closing.filter((d) => !d.isClosed).length, `still open from ${start}`).toBeLessThan(10);
    }
  });

  it('leaves a few deals that went quiet open past their close date, for hygiene to find', () => {
    const stale = deals(history).filter(
      (d) => !d.isClosed && d.closeDate !== null && d.closeDate < '2026-05-14',
    );
    expect(stale.length).toBeGreaterThan(5);
    expect(stale.length).toBeLessThan(80);
  });

  it('tells reps apart: win rates and activity per deal vary widely from rep to rep', () => {
    const closedByRep = groupBy(
      deals(history).filter((d) => d.isClosed),
      (d) => d.ownerId ?? '',
    );
    const winRates = [...closedByRep.values()]
      .filter((list) => list.length >= 20)
      .map((list) => list.filter((d) => d.isWon).length / list.length);
    expect(winRates.length).toBeGreaterThanOrEqual(35);
    expect(Math.max(...winRates) - Math.min(...winRates)).toBeGreaterThan(0.25);

    const activities = [...history.records.activity.values()].filter((a) => a.opportunityId !== null);
    const dealsByRep = groupBy(deals(history), (d) => d.ownerId ?? '');
    const activitiesByRep = groupBy(activities, (a) => a.ownerId ?? '');
    const perDeal = [...dealsByRep].map(
      ([rep, list]) => (activitiesByRep.get(rep)?.length ?? 0) / list.length,
    );
    expect(Math.max(...perDeal) / Math.min(...perDeal)).toBeGreaterThan(1.8);
  });

  it('logs calls, meetings, demos and e-mails, and half again as many on deals that are won', () => {
    const activities = [...history.records.activity.values()];
    expect([...new Set(activities.map((a) => a.type))].sort()).toEqual(['call', 'demo', 'email', 'meeting']);
    const counts = groupBy(
      activities.filter((a) => a.opportunityId !== null),
      (a) => a.opportunityId ?? '',
    );
    const closed = deals(history).filter((d) => d.isClosed);
    const mean = (list: OpportunityState[]) =>
      list.reduce((sum, d) => sum + (counts.get(d.id)?.length ?? 0), 0) / list.length;
    expect(mean(closed.filter((d) => d.isWon)) / mean(closed.filter((d) => !d.isWon))).toBeGreaterThan(1.3);
    expect(activities.filter((a) => a.opportunityId === null).length).toBeGreaterThan(1_000);
  });

  it('refers only to accounts, owners and deals that exist', () => {
    const { account, user, activity } = history.records;
    const problems: string[] = [];
    for (const deal of deals(history)) {
      if (!account.has(deal.accountId ?? '')) problems.push(`${deal.id} account ${deal.accountId}`);
      if (!user.has(deal.ownerId ?? '')) problems.push(`${deal.id} owner ${deal.ownerId}`);
      if (account.get(deal.accountId ?? '')?.ownerId !== deal.ownerId) problems.push(`${deal.id} territory`);
    }
    for (const [id, a] of activity) {
      if (a.opportunityId !== null && !history.deals.has(a.opportunityId)) problems.push(`${id} deal`);
      if (!account.has(a.accountId ?? '') || !user.has(a.ownerId ?? '')) problems.push(`${id} account/owner`);
    }
    expect(problems).toEqual([]);
  });

  it('prices deals in each segment within its range, across at least eight industries', () => {
    const segments = new Map([...history.records.account].map(([id, a]) => [id, a.segment]));
    const ranges: Record<string, [number, number]> = {
      SMB: [5_000, 31_000],
      'Mid-Market': [29_000, 121_000],
      Enterprise: [115_000, 655_000],
    };
    const firstAmounts = [...history.deals.values()]
      .map((d) => d.versions[0]?.state)
      .filter((s): s is OpportunityState => s !== undefined && s.currency === 'USD');
    for (const [segment, [min, max]] of Object.entries(ranges)) {
      const amounts = firstAmounts
        .filter((s) => segments.get(s.accountId ?? '') === segment)
        .map((s) => Number(s.amountMinor) / 100);
      expect(amounts.length, segment).toBeGreaterThan(200);
      expect(Math.min(...amounts), segment).toBeGreaterThanOrEqual(min);
      expect(Math.max(...amounts), segment).toBeLessThanOrEqual(max);
    }
    const industries = new Set([...history.records.account.values()].map((a) => a.industry));
    expect(industries.size).toBeGreaterThanOrEqual(8);
  });

  it('has four reps who joined during the history and started selling months after the others', () => {
    const firstDeal = new Map<string, number>();
    for (const deal of deals(history)) {
      const owner = deal.ownerId ?? '';
      firstDeal.set(owner, Math.min(firstDeal.get(owner) ?? Infinity, deal.createdAt.getTime()));
    }
    const earliest = Math.min(...firstDeal.values());
    const late = [...firstDeal.values()].filter((t) => t - earliest > 120 * 86_400_000);
    expect(late).toHaveLength(4);
  });
});

describe('the demo pipeline of the quarter in progress', () => {
  it.each([
    ['three days in', '2026-04-03T15:00:00Z'],
    ['halfway', '2026-05-14T12:00:00Z'],
    ['ten days before its end', '2026-06-20T10:00:00Z'],
  ])('has open Commit, Best Case and Pipeline deals %s', (_when, instant) => {
    const at = new Date(instant);
    const events = sequence(generateDemoOrganisation({ seed: 1, now: at }).events, at);
    const byDeal = groupBy(
      events.filter((e) => e.entityType === 'opportunity'),
      (e) => e.entityId,
    );
    const inQuarter = [...byDeal.values()]
      .map((list) => computeOpportunityHistory(list).current)
      .filter(
        (d) =>
          !d.isClosed && d.closeDate !== null && d.closeDate >= '2026-04-01' && d.closeDate < '2026-07-01',
      );
    const count = (category: string) => inQuarter.filter((d) => d.forecastCategory === category).length;
    expect(count('Commit')).toBeGreaterThan(3);
    expect(count('Best Case')).toBeGreaterThan(3);
    expect(count('Pipeline')).toBeGreaterThan(20);
  });
});
