import type { DemoDealFacts, DemoRecordEvent } from './demo-insights.js';
import type { DemoUser } from './demo-people.js';
import { dayMs, dayStart, hourMs } from './demo-time.js';
import type { Random } from './random.js';

/** How many accounts the demo's programme covers, and how many of them admins tagged strategic. */
const programmeAccounts = 8;
const taggedAccounts = 5;

/**
 * The demo's executive programme: the accounts with the most business get the CRO as sponsor and a
 * cadence (the first five tagged strategic by an admin); business reviews held most quarters, the
 * current quarter's partly still to come; and fire drills, the CRO pulled into a big deal a few days
 * before it closes, unplanned, plus a few early unplanned meetings that are not fire drills.
 */
export function planDemoEngagement(options: {
  random: Random;
  deals: readonly DemoDealFacts[];
  users: readonly DemoUser[];
  quarters: readonly { period: string; start: string; end: string }[];
  setupMs: number;
  nowMs: number;
}): DemoRecordEvent[] {
  const { random, nowMs } = options;
  const executive = options.users.find((u) => u.role === 'executive');
  const admin = options.users.find((u) => u.role === 'admin');
  if (!executive || !admin) return [];
  const events: DemoRecordEvent[] = [];
  const business = new Map<string, number>();
  for (const deal of options.deals) {
    if (!deal.accountId || (deal.closedMs !== null && !deal.isWon)) continue;
    business.set(deal.accountId, (business.get(deal.accountId) ?? 0) + deal.amountMinor);
  }
  const top = [...business]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, programmeAccounts)
    .map(([id]) => id);
  const programmeStartMs = dayStart(options.quarters[0]?.start ?? '1970-01-01') - 7 * dayMs;
  top.forEach((accountId, i) => {
    events.push({
      entityType: 'strategic-account',
      entityId: accountId,
      kind: 'strategic-account.set',
      timeMs: Math.max(options.setupMs, programmeStartMs),
      actor: admin.id,
      payload: {
        strategicTag: i < taggedAccounts,
        sponsorId: executive.id,
        cadence: i === 0 ? 'monthly' : i === programmeAccounts - 1 ? 'half-yearly' : 'quarterly',
      },
    });
  });

  let number = 0;
  const meeting = (fields: {
    accountId: string;
    deal: DemoDealFacts | null;
    title: string;
    startsMs: number;
    planned: boolean;
    attendeeIds: string[];
    outcome: string | null;
  }) => {
    const held = fields.startsMs <= nowMs;
    number += 1;
    events.push({
      entityType: 'meeting',
      entityId: `demo-meeting-${String(number).padStart(4, '0')}`,
      kind: 'meeting.logged',
      // Held meetings are logged the same afternoon; future ones were booked two weeks ahead or today.
      timeMs: held ? fields.startsMs + 2 * hourMs : Math.min(nowMs, fields.startsMs - 14 * dayMs),
      actor: fields.attendeeIds[0] ?? executive.id,
      payload: {
        accountId: fields.accountId,
        opportunityId: fields.deal?.id ?? null,
        title: fields.title,
        startsAt: new Date(fields.startsMs).toISOString(),
        durationMinutes: fields.planned ? 90 : 45,
        status: held ? 'held' : 'scheduled',
        planned: fields.planned,
        attendeeIds: fields.attendeeIds,
        externalAttendees: [],
        outcome: held ? fields.outcome : null,
        nextSteps: null,
      },
    });
  };
  const owners = new Map(options.deals.map((d) => [d.accountId, d.ownerId]));
  const atThree = (day: string, offsetDays: number) => dayStart(day) + offsetDays * dayMs + 15 * hourMs;
  for (const quarter of options.quarters) {
    for (const accountId of top) {
      const current = dayStart(quarter.end) > nowMs;
      if (!random.chance(current ? 0.8 : 0.75)) continue;
      const owner = owners.get(accountId) ?? null;
      meeting({
        accountId,
        deal: null,
        title: 'Quarterly business review',
        startsMs: atThree(quarter.start, random.int(20, 75)),
        planned: true,
        attendeeIds: owner ? [executive.id, owner] : [executive.id],
        outcome: random.pick(['Renewal plan agreed', 'Expansion scoped', 'Executive priorities aligned']),
      });
    }
  }
  const big = options.deals
    .filter((d) => d.accountId && d.closeDate && d.amountMinor > 0)
    .sort((a, b) => b.amountMinor - a.amountMinor)
    .slice(0, Math.ceil(options.deals.length / 12));
  for (const deal of big) {
    if (!deal.closeDate || !deal.accountId || !deal.ownerId) continue;
    if (deal.closedMs !== null && random.chance(0.35)) {
      meeting({
        accountId: deal.accountId,
        deal,
        title: 'Executive call to close',
        startsMs: atThree(deal.closeDate, -random.int(2, 13)),
        planned: false,
        attendeeIds: [executive.id, deal.ownerId],
        outcome: deal.isWon ? 'Terms agreed' : 'Customer undecided',
      });
    } else if (random.chance(0.08)) {
      meeting({
        accountId: deal.accountId,
        deal,
        title: 'Executive introduction',
        startsMs: Math.min(nowMs - dayMs, deal.createdMs + random.int(10, 30) * dayMs),
        planned: false,
        attendeeIds: [executive.id, deal.ownerId],
        outcome: 'Introduced',
      });
    }
  }
  return events;
}
