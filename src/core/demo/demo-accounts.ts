import type { NameFactory } from './demo-names.js';
import type { DemoUser, Focus, Region } from './demo-people.js';
import { segmentProfiles, type Segment } from './demo-segments.js';
import { industries } from './demo-vocabulary.js';
import type { Random } from './random.js';

export type DemoAccount = {
  id: string;
  name: string;
  ownerId: string;
  industry: string;
  segment: Segment;
  country: string;
  /** The currency the account buys in. */
  currency: string;
  employees: number;
};

/** Countries each region sells to: [country, currency, weight, legal-form suffix]. */
const countries: Record<Region, readonly (readonly [string, string, number, string])[]> = {
  Americas: [
    ['United States', 'USD', 80, 'Inc.'],
    ['Canada', 'USD', 12, 'Inc.'],
    ['Mexico', 'USD', 4, 'S.A.'],
    ['Brazil', 'USD', 4, 'Ltda.'],
  ],
  EMEA: [
    ['United Kingdom', 'GBP', 35, 'Ltd'],
    ['Germany', 'EUR', 20, 'GmbH'],
    ['France', 'EUR', 15, 'SA'],
    ['Netherlands', 'EUR', 10, 'B.V.'],
    ['Spain', 'EUR', 7, 'S.L.'],
    ['Ireland', 'EUR', 5, 'Ltd'],
    ['United Arab Emirates', 'USD', 8, 'LLC'],
  ],
  APAC: [
    ['Australia', 'USD', 35, 'Pty Ltd'],
    ['Singapore', 'USD', 25, 'Pte Ltd'],
    ['Japan', 'USD', 20, 'K.K.'],
    ['India', 'USD', 20, 'Pvt Ltd'],
  ],
};

/** The segments a front-line team's accounts fall into. */
const segmentMix: Record<Focus, readonly (readonly [Segment, number])[]> = {
  Enterprise: [
    ['Enterprise', 85],
    ['Mid-Market', 15],
  ],
  'Mid-Market': [
    ['Mid-Market', 80],
    ['Enterprise', 8],
    ['SMB', 12],
  ],
  SMB: [
    ['SMB', 85],
    ['Mid-Market', 15],
  ],
  Commercial: [
    ['SMB', 55],
    ['Mid-Market', 45],
  ],
};

export type PlanAccountsOptions = {
  random: Random;
  names: NameFactory;
  rep: DemoUser;
  region: Region;
  focus: Focus;
  /** Numbers accounts across the whole organisation. */
  firstNumber: number;
};

/** The accounts a rep owns: a territory of ten to fourteen companies in the rep's market. */
export function planRepAccounts({
  random,
  names,
  rep,
  region,
  focus,
  firstNumber,
}: PlanAccountsOptions): DemoAccount[] {
  const count = random.int(10, 14);
  const accounts: DemoAccount[] = [];
  for (let i = 0; i < count; i += 1) {
    const [industry, kind] = random.pick(industries);
    const [country, currency, , suffix] = random.weighted(countries[region].map((c) => [c, c[2]] as const));
    const segment = random.weighted(segmentMix[focus]);
    const [minEmployees, maxEmployees] = segmentProfiles[segment].employees;
    accounts.push({
      id: `demo-account-${String(firstNumber + i).padStart(4, '0')}`,
      name: `${names.company(kind)} ${suffix}`,
      ownerId: rep.id,
      industry,
      segment,
      country,
      currency,
      employees: Math.round(Math.exp(random.between(Math.log(minEmployees), Math.log(maxEmployees)))),
    });
  }
  return accounts;
}
