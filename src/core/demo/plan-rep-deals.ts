import type { DemoAccount } from './demo-accounts.js';
import type { DemoUser, Focus, RepProfile } from './demo-people.js';
import { segmentProfiles } from './demo-segments.js';
import { demoStages, rateOn, type DemoRate } from './demo-settings.js';
import { dayMs, dayOf, workTime } from './demo-time.js';
import { planDeal, type DealPlan } from './plan-deal.js';
import type { Random } from './random.js';

/** New deals a rep opens in a week, by the market the rep's team sells to. */
const weeklyDeals: Record<Focus, number> = { Enterprise: 0.55, 'Mid-Market': 1.1, SMB: 1.9, Commercial: 1.4 };

export type RepDealsOptions = {
  random: Random;
  rep: DemoUser & { rep: RepProfile };
  focus: Focus;
  accounts: readonly DemoAccount[];
  rates: readonly DemoRate[];
  fromMs: number;
  /** A newcomer ramps up: half pace in the first three months. */
  joinedLate: boolean;
  nowMs: number;
};

/** A deal plan with what its activities depend on: the owner's profile and the segment's norm. */
export type RepDealPlan = DealPlan & { profile: RepProfile; typicalActivities: number };

/** The deals one rep opens, week by week, on accounts of the rep's territory, until `now`. */
export function planRepDeals(options: RepDealsOptions): RepDealPlan[] {
  const { random, rep, nowMs } = options;
  const plans: RepDealPlan[] = [];
  for (let weekMs = options.fromMs; weekMs < nowMs; weekMs += 7 * dayMs) {
    const ramp = options.joinedLate && weekMs - options.fromMs < 90 * dayMs ? 0.5 : 1;
    const count = random.poisson(weeklyDeals[options.focus] * rep.rep.pace * ramp);
    for (let i = 0; i < count; i += 1) {
      const createdMs = workTime(random, weekMs + random.int(0, 4) * dayMs);
      if (createdMs >= nowMs) continue;
      const account = random.pick(options.accounts);
      const plan = planDeal({
        random,
        ownerId: rep.id,
        profile: rep.rep,
        account,
        createdMs,
        stages: demoStages,
        rateToUsd: rateOn(options.rates, account.currency, dayOf(createdMs)),
      });
      plans.push({
        ...plan,
        profile: rep.rep,
        typicalActivities: segmentProfiles[account.segment].activitiesPerDeal,
      });
    }
  }
  return plans;
}
