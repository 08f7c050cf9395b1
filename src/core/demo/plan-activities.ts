import type { ActivityType } from '../org-entities.js';
import type { DemoAccount } from './demo-accounts.js';
import type { RepProfile } from './demo-people.js';
import { dayMs, workTime } from './demo-time.js';
import { activityKinds, prospectingSubjects } from './demo-vocabulary.js';
import type { Random } from './random.js';

/** An activity before it gets its id: a call, meeting, demo or e-mail at a moment. */
export type PlannedActivity = {
  timeMs: number;
  type: ActivityType;
  subject: string;
  opportunityId: string | null;
  accountId: string;
  ownerId: string;
};

export type DealActivityOptions = {
  random: Random;
  profile: RepProfile;
  opportunityId: string;
  accountId: string;
  ownerId: string;
  fromMs: number;
  untilMs: number;
  /** The segment's typical number of activities on a deal. */
  typical: number;
  won: boolean;
};

/**
 * The touches on one deal over its active life. Hard-working reps log more, and deals that are
 * won drew half again as many touches as those that were not: the leading indicator the
 * scorecards look for.
 */
export function planDealActivities(options: DealActivityOptions): PlannedActivity[] {
  const { random } = options;
  const count = random.poisson(options.typical * options.profile.activity * (options.won ? 1.5 : 1));
  const activities: PlannedActivity[] = [];
  for (let i = 0; i < count; i += 1) {
    const [type, , subjects] = random.weighted(activityKinds.map((kind) => [kind, kind[1]] as const));
    const timeMs = workTime(random, random.between(options.fromMs, options.untilMs));
    activities.push({
      timeMs: Math.min(timeMs, options.untilMs),
      type,
      subject: random.pick(subjects),
      opportunityId: options.opportunityId,
      accountId: options.accountId,
      ownerId: options.ownerId,
    });
  }
  return activities;
}

export type ProspectingOptions = {
  random: Random;
  profile: RepProfile;
  ownerId: string;
  accounts: readonly DemoAccount[];
  fromMs: number;
  untilMs: number;
};

/** Account-level prospecting calls and e-mails, nearly one a week for a steady rep. */
export function planProspecting(options: ProspectingOptions): PlannedActivity[] {
  const { random } = options;
  const activities: PlannedActivity[] = [];
  for (let weekMs = options.fromMs; weekMs < options.untilMs; weekMs += 7 * dayMs) {
    const count = random.poisson(0.8 * options.profile.activity);
    for (let i = 0; i < count; i += 1) {
      const subject = random.pick(prospectingSubjects);
      activities.push({
        timeMs: workTime(random, weekMs + random.int(0, 4) * dayMs),
        type: subject === 'Outreach e-mail' ? 'email' : 'call',
        subject,
        opportunityId: null,
        accountId: random.pick(options.accounts).id,
        ownerId: options.ownerId,
      });
    }
  }
  return activities;
}
