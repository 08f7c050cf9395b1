import type { FiscalCalendar } from '../fiscal-calendar.js';
import type { NewEvent } from '../ledger-event.js';
import { planRepAccounts, type DemoAccount } from './demo-accounts.js';
import { makeLateRecordedCloses, planBackdatedChanges, type NumberedPlan } from './demo-adjustments.js';
import { DemoEventWriter } from './demo-event-writer.js';
import { createNameFactory } from './demo-names.js';
import { planDemoPeople, type DemoTeam, type DemoUser, type RepProfile } from './demo-people.js';
import { demoSettings, planDemoRates } from './demo-settings.js';
import { dayOf, dayStart } from './demo-time.js';
import { planDemoTimeline } from './demo-timeline.js';
import { planDemoCalls } from './demo-calls.js';
import { planDemoEngagement } from './demo-engagement.js';
import { collectDemoDeals, planDemoInsights } from './demo-insights.js';
import { planDealActivities, planProspecting, type PlannedActivity } from './plan-activities.js';
import { planDemoQuotas } from './demo-quotas.js';
import { planRepDeals } from './plan-rep-deals.js';
import { createRandom } from './random.js';

/** The seed `candor demo` and the first start use unless told otherwise. */
export const defaultDemoSeed = 1;

export type DemoSignInRole = 'admin' | 'executive' | 'manager' | 'rep';
export type DemoSignIn = { role: DemoSignInRole; userId: string; email: string; name: string };

export type DemoOrganisation = {
  /** The import batch the demo's history belongs to: `demo-<seed>`. */
  batchId: string;
  /** In ledger order, ready to append. */
  events: NewEvent[];
  /** One person per role to sign in as and look around. */
  signIns: DemoSignIn[];
};

export type GenerateDemoOptions = { seed: number; now: Date };

/**
 * The demo organisation as ledger events: a fictional company with three levels of teams, about
 * forty reps of varying strength, and five fiscal quarters of deal history ending at `now`. Pure
 * and seeded: the same seed and the same `now` give the same events, byte for byte.
 */
export function generateDemoOrganisation({ seed, now }: GenerateDemoOptions): DemoOrganisation {
  const random = createRandom(seed);
  const batchId = `demo-${seed}`;
  const calendar: FiscalCalendar = { ...demoSettings };
  const timeline = planDemoTimeline(calendar, now);
  const { nowMs, setupMs, dealsFromMs } = timeline;
  const names = createNameFactory(random.fork('names'));
  const people = planDemoPeople({ random: random.fork('people'), names, setupMs, dealsFromMs });
  const rateDays = [dayOf(setupMs), ...timeline.quarters.map((q) => q.start)].filter(
    (day, i, days) => days.indexOf(day) === i && dayStart(day) <= nowMs,
  );
  const rates = planDemoRates(random.fork('rates'), rateDays);
  const teams = new Map(people.teams.map((team) => [team.id, team]));
  const reps = people.users.filter((u): u is DemoUser & { rep: RepProfile } => u.rep !== null);

  const accountsByRep = new Map<string, DemoAccount[]>();
  for (const rep of reps) {
    const team = teams.get(rep.teamId) as DemoTeam & { region: NonNullable<DemoTeam['region']> };
    accountsByRep.set(
      rep.id,
      planRepAccounts({
        random: random.fork(`accounts:${rep.id}`),
        names,
        rep,
        region: team.region,
        focus: team.focus ?? 'Commercial',
        firstNumber: [...accountsByRep.values()].reduce((n, list) => n + list.length, 1),
      }),
    );
  }

  const unnumbered = reps.flatMap((rep) =>
    planRepDeals({
      random: random.fork(`deals:${rep.id}`),
      rep,
      focus: teams.get(rep.teamId)?.focus ?? 'Commercial',
      accounts: accountsByRep.get(rep.id) ?? [],
      rates,
      fromMs: Math.max(dealsFromMs, rep.rep.startMs),
      joinedLate: rep.rep.startMs > dealsFromMs,
      nowMs,
    }),
  );
  const plans = [...unnumbered]
    .sort((a, b) => a.createdMs - b.createdMs)
    .map((plan, i) => ({ ...plan, id: `demo-opp-${String(i + 1).padStart(5, '0')}` }));
  const numbered: NumberedPlan[] = plans;
  makeLateRecordedCloses(random.fork('late-closes'), numbered, nowMs, 3);
  const backdated = planBackdatedChanges(random.fork('backdated'), numbered, nowMs, 6);

  const activities: PlannedActivity[] = [];
  const activityRandom = random.fork('activities');
  for (const plan of plans) {
    activities.push(
      ...planDealActivities({
        random: activityRandom,
        profile: plan.profile,
        opportunityId: plan.id,
        accountId: plan.accountId,
        ownerId: plan.ownerId,
        fromMs: plan.createdMs,
        untilMs: plan.activeUntilMs,
        typical: plan.typicalActivities,
        won: plan.won,
      }),
    );
  }
  for (const rep of reps) {
    activities.push(
      ...planProspecting({
        random: random.fork(`prospecting:${rep.id}`),
        profile: rep.rep,
        ownerId: rep.id,
        accounts: accountsByRep.get(rep.id) ?? [],
        fromMs: Math.max(dealsFromMs, rep.rep.startMs),
        untilMs: nowMs,
      }),
    );
  }

  const admin = people.users[0]?.id ?? 'system';
  const writer = new DemoEventWriter(batchId, nowMs);
  writer.configuration(setupMs, admin, rates);
  writer.people(people, setupMs, admin);
  writer.accounts([...accountsByRep.values()].flat(), setupMs, admin);
  for (const plan of plans) writer.deal(plan);
  const calls = planDemoCalls({
    random: random.fork('calls'),
    calendar,
    people,
    periods: timeline.quarters.map((q) => q.period),
    dealEvents: writer.events,
    rates,
    nowMs,
  });
  for (const call of calls)
    writer.add('call', call.entityId, 'call.submitted', call.timeMs, call.userId, call.payload);
  const demoDeals = collectDemoDeals(writer.events);
  for (const e of [
    ...planDemoInsights({ random: random.fork('insights'), deals: demoDeals, nowMs }),
    ...planDemoEngagement({
      random: random.fork('engagement'),
      deals: demoDeals,
      users: people.users,
      ...timeline,
    }),
  ])
    writer.add(e.entityType, e.entityId, e.kind, e.timeMs, e.actor, e.payload);
  for (const q of planDemoQuotas({ people, quarters: timeline.quarters, setupMs }))
    writer.add(q.entityType, q.entityId, q.kind, q.timeMs, admin, q.payload);
  activities
    .sort((a, b) => a.timeMs - b.timeMs)
    .forEach((activity, i) => writer.activity(`demo-activity-${String(i + 1).padStart(6, '0')}`, activity));
  return { batchId, events: writer.finish(backdated), signIns: chooseSignIns(people.users, people.teams) };
}

/**
 * The admin, the executive, the manager of the first team selling to small businesses (the most
 * deals a week, so the most to look at), and the rep of that team who sells the most (highest pace
 * among those there from the start): whoever signs in as the rep should find a pipeline to work on,
 * and a team's first rep may be a newcomer with little open. Chosen from the people alone, so the
 * documented sign-ins do not depend on the day the demo is created.
 */
function chooseSignIns(users: readonly DemoUser[], teams: readonly DemoTeam[]): DemoSignIn[] {
  const admin = users.find((u) => u.role === 'admin');
  const executive = users.find((u) => u.role === 'executive');
  const leads = users.filter(
    (u) => u.role === 'manager' && users.some((r) => r.role === 'rep' && r.teamId === u.teamId),
  );
  const smallBusiness = new Set(teams.filter((t) => t.focus === 'SMB').map((t) => t.id));
  const manager = leads.find((u) => smallBusiness.has(u.teamId)) ?? leads[0];
  const team = users.filter(
    (u): u is DemoUser & { rep: RepProfile } => u.role === 'rep' && u.teamId === manager?.teamId && !!u.rep,
  );
  const firstStart = Math.min(...team.map((u) => u.rep.startMs));
  const rep = team
    .filter((u) => u.rep.startMs === firstStart)
    .reduce<(typeof team)[number] | undefined>(
      (best, u) => (best && best.rep.pace >= u.rep.pace ? best : u),
      undefined,
    );
  const chosen: [DemoSignInRole, DemoUser | undefined][] = [
    ['admin', admin],
    ['executive', executive],
    ['manager', manager],
    ['rep', rep],
  ];
  return chosen.flatMap(([role, user]) =>
    user ? [{ role, userId: user.id, email: user.email, name: user.name }] : [],
  );
}
