import type { Role } from '../org-entities.js';
import { emailLocalPart, type NameFactory } from './demo-names.js';
import { dayMs } from './demo-time.js';
import type { Random } from './random.js';

/** Reserved for documentation and tests (RFC 2606): mail to it can never reach anyone. */
export const demoEmailDomain = 'demo.candor.invalid';

export type Focus = 'Enterprise' | 'Mid-Market' | 'SMB' | 'Commercial';
export type Region = 'Americas' | 'EMEA' | 'APAC';

export type DemoTeam = {
  id: string;
  name: string;
  parentId: string | null;
  region: Region | null;
  /** The market a front-line team sells to; null for the company and the regions. */
  focus: Focus | null;
};

/**
 * How a rep performs, as multipliers around 1: strong reps win more, work more and push less,
 * so scorecards can tell them apart.
 */
export type RepProfile = {
  tier: 'strong' | 'steady' | 'struggling';
  skill: number;
  activity: number;
  slip: number;
  pace: number;
  /** When the rep began selling: most from the start, a few joined during the history. */
  startMs: number;
};

export type DemoUser = {
  id: string;
  name: string;
  email: string;
  title: string;
  role: Role;
  teamId: string;
  /** When the user was created in the CRM. */
  createdMs: number;
  rep: RepProfile | null;
};

export type DemoPeople = { teams: DemoTeam[]; users: DemoUser[] };

/** The org chart: company → regions → front-line teams of the given sizes (40 reps in all). */
const orgChart: readonly { region: Region; teams: readonly (readonly [Focus, number])[] }[] = [
  {
    region: 'Americas',
    teams: [
      ['Enterprise', 5],
      ['Mid-Market', 6],
      ['SMB', 7],
    ],
  },
  {
    region: 'EMEA',
    teams: [
      ['Enterprise', 5],
      ['Commercial', 6],
    ],
  },
  {
    region: 'APAC',
    teams: [
      ['Enterprise', 4],
      ['Commercial', 7],
    ],
  },
];

const tierProfiles = {
  strong: { skill: [1.3, 1.5], activity: [1.2, 1.5], slip: [0.55, 0.8], pace: [1.0, 1.3] },
  steady: { skill: [0.9, 1.1], activity: [0.9, 1.1], slip: [0.9, 1.1], pace: [0.85, 1.15] },
  struggling: { skill: [0.5, 0.75], activity: [0.55, 0.8], slip: [1.3, 1.7], pace: [0.7, 1.0] },
} as const;

export type PlanPeopleOptions = {
  random: Random;
  names: NameFactory;
  setupMs: number;
  dealsFromMs: number;
};

export function planDemoPeople({ random, names, setupMs, dealsFromMs }: PlanPeopleOptions): DemoPeople {
  const teams: DemoTeam[] = [
    { id: 'demo-team-org', name: 'Demo Org', parentId: null, region: null, focus: null },
  ];
  const users: DemoUser[] = [];
  const addUser = (role: Role, teamId: string, title: string, rep: RepProfile | null = null): void => {
    const name = names.person();
    const id = `demo-user-${String(users.length + 1).padStart(3, '0')}`;
    const createdMs = rep && rep.startMs > dealsFromMs ? rep.startMs - 14 * dayMs : setupMs;
    users.push({
      id,
      name,
      email: `${emailLocalPart(name)}@${demoEmailDomain}`,
      title,
      role,
      teamId,
      createdMs,
      rep,
    });
  };
  addUser('admin', 'demo-team-org', 'Sales Operations Admin');
  addUser('executive', 'demo-team-org', 'Chief Revenue Officer');
  addUser('viewer', 'demo-team-org', 'Finance Analyst');

  const frontLine: DemoTeam[] = [];
  for (const { region, teams: regionTeams } of orgChart) {
    const regionId = `demo-team-${region.toLowerCase()}`;
    teams.push({ id: regionId, name: region, parentId: 'demo-team-org', region, focus: null });
    addUser('manager', regionId, `Regional Vice President, ${region}`);
    for (const [focus] of regionTeams) {
      const team: DemoTeam = {
        id: `${regionId}-${focus.toLowerCase()}`,
        name: `${region} ${focus}`,
        parentId: regionId,
        region,
        focus,
      };
      teams.push(team);
      frontLine.push(team);
    }
  }
  for (const team of frontLine) addUser('manager', team.id, `Sales Manager, ${team.name}`);

  const repCount = orgChart.reduce((sum, r) => sum + r.teams.reduce((s, [, n]) => s + n, 0), 0);
  const tiers = shuffledTiers(random, repCount);
  let index = 0;
  for (const { region, teams: regionTeams } of orgChart) {
    for (const [focus, size] of regionTeams) {
      const teamId = `demo-team-${region.toLowerCase()}-${focus.toLowerCase()}`;
      for (let i = 0; i < size; i += 1) {
        const tier = tiers[index] ?? 'steady';
        // Every tenth rep joined during the history: a ramping newcomer.
        const joinsLater = index % 10 === 7;
        const startMs = joinsLater ? dealsFromMs + random.int(150, 240) * dayMs : dealsFromMs;
        const title = tier === 'strong' ? 'Senior Account Executive' : 'Account Executive';
        addUser('rep', teamId, title, repProfile(random, tier, startMs));
        index += 1;
      }
    }
  }
  return { teams, users };
}

/** One fifth strong, three tenths struggling, the rest steady, in a seeded order. */
function shuffledTiers(random: Random, count: number): RepProfile['tier'][] {
  const tiers: RepProfile['tier'][] = Array.from({ length: count }, (_, i) =>
    i < count / 5 ? 'strong' : i < count / 2 ? 'struggling' : 'steady',
  );
  for (let i = tiers.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    [tiers[i], tiers[j]] = [tiers[j] as RepProfile['tier'], tiers[i] as RepProfile['tier']];
  }
  return tiers;
}

function repProfile(random: Random, tier: RepProfile['tier'], startMs: number): RepProfile {
  const ranges = tierProfiles[tier];
  const draw = ([min, max]: readonly [number, number]): number => Number(random.between(min, max).toFixed(3));
  return {
    tier,
    skill: draw(ranges.skill),
    activity: draw(ranges.activity),
    slip: draw(ranges.slip),
    pace: draw(ranges.pace),
    startMs,
  };
}
