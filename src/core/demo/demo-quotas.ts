import type { DemoPeople, Focus } from './demo-people.js';
import { dayMs, dayStart } from './demo-time.js';

/**
 * A rep's quarterly quota in the demo, in USD, by the market their team sells to: set so that a
 * steady rep lands near 100 % and the strong and struggling ones visibly above and below
 * (calibrated on the demo's own history, seed 1).
 */
export const demoQuarterQuotaUsd: Record<Focus, number> = {
  Enterprise: 400_000,
  'Mid-Market': 300_000,
  SMB: 130_000,
  Commercial: 150_000,
};

/** Regions are asked for this much more than their reps carry, so the difference shows. */
const regionOverAssignment = 1.1;
/** Days before a quarter starts that its quotas are set. */
const setDaysAhead = 10;

export type DemoQuotaEvent = {
  entityType: 'quota' | 'target';
  entityId: string;
  kind: 'quota.set' | 'target.set';
  timeMs: number;
  payload: { [key: string]: string };
};

/**
 * The demo admin's targets for reps: the demo logs fewer activities than a real team books, so
 * its targets are set to what its steady reps do, and the cards tell strong from struggling.
 */
const demoRepTargets: Record<string, string> = {
  meetings_per_week: '1',
  calls_per_week: '2',
  demos_per_week: '0.5',
  emails_per_week: '2',
  deals_advanced_per_week: '1.2',
};

/**
 * Quotas of the demo organisation for each quarter of its history: every rep a quota by their
 * team's market (half of it in the quarter they joined, when they joined after it began), front-line
 * teams measured by the sum of their reps', each region a quota of its own 10 % above its reps'
 * sum, and the company the sum of its regions'. Set ten days before each quarter (the first ones at
 * set-up) by the admin, who also sets the reps' activity targets at set-up.
 */
export function planDemoQuotas(options: {
  people: DemoPeople;
  quarters: readonly { period: string; start: string; end: string }[];
  setupMs: number;
}): DemoQuotaEvent[] {
  const teams = new Map(options.people.teams.map((t) => [t.id, t]));
  const events: DemoQuotaEvent[] = Object.entries(demoRepTargets).map(([indicator, value]) => ({
    entityType: 'target',
    entityId: `rep:${indicator}`,
    kind: 'target.set',
    timeMs: options.setupMs,
    payload: { role: 'rep', indicator, value },
  }));
  for (const quarter of options.quarters) {
    const startMs = dayStart(quarter.start);
    const endMs = dayStart(quarter.end);
    const timeMs = Math.max(options.setupMs, startMs - setDaysAhead * dayMs);
    const byRegion = new Map<string, number>();
    for (const user of options.people.users) {
      if (user.rep === null || user.rep.startMs >= endMs) continue;
      const team = teams.get(user.teamId);
      const base = demoQuarterQuotaUsd[team?.focus ?? 'Commercial'];
      const amount = user.rep.startMs > startMs ? base / 2 : base;
      events.push(quota('user', user.id, quarter.period, amount, timeMs));
      const region = team?.parentId ?? null;
      if (region !== null) byRegion.set(region, (byRegion.get(region) ?? 0) + amount);
    }
    let company = 0;
    let companyId: string | null = null;
    for (const [regionId, sum] of byRegion) {
      const amount = Math.round((sum * regionOverAssignment) / 10_000) * 10_000;
      events.push(quota('team', regionId, quarter.period, amount, timeMs));
      company += amount;
      companyId = teams.get(regionId)?.parentId ?? companyId;
    }
    if (companyId !== null) events.push(quota('team', companyId, quarter.period, company, timeMs));
  }
  return events;
}

function quota(
  subjectType: 'user' | 'team',
  subjectId: string,
  period: string,
  usd: number,
  timeMs: number,
): DemoQuotaEvent {
  return {
    entityType: 'quota',
    kind: 'quota.set',
    entityId: `${subjectType}:${subjectId}:${period}`,
    timeMs,
    payload: { subjectType, subjectId, period, amountMinor: String(Math.round(usd * 100)), currency: 'USD' },
  };
}
