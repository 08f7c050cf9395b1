import { describe, expect, it } from 'vitest';
import { computeEngagementPlan, type PlanAccount } from './compute-engagement-plan.js';

const account = (accountId: string, overrides: Partial<PlanAccount> = {}): PlanAccount => ({
  accountId,
  name: accountId,
  score: 50,
  sponsorId: 'exec',
  cadence: 'quarterly',
  lastHeldDay: null,
  ...overrides,
});

describe('computeEngagementPlan', () => {
  const plan = computeEngagementPlan({
    period: '2023-Q3',
    range: { start: '2023-07-01', end: '2023-10-01' },
    today: '2023-08-15',
    accounts: [
      account('held', { lastHeldDay: '2023-05-10' }), // due 08-10, held 08-09
      account('booked', { lastHeldDay: '2023-06-20' }), // due 09-20, scheduled 09-18
      account('late', { lastHeldDay: '2023-04-20' }), // due 07-20, nothing: overdue
      account('later', { lastHeldDay: '2023-06-25' }), // due 09-25, nothing yet
      account('yearly', { cadence: 'yearly', lastHeldDay: '2023-02-01' }), // due 2024-02-01
      account('monthly', { cadence: 'monthly', sponsorId: null }), // 07-01, 08-01, 09-01
    ],
    meetings: [
      { id: 'm1', accountId: 'held', day: '2023-08-09', status: 'held', planned: true },
      { id: 'm2', accountId: 'booked', day: '2023-09-18', status: 'scheduled', planned: true },
      { id: 'm3', accountId: 'late', day: '2023-07-25', status: 'held', planned: false }, // a fire drill does not count
      { id: 'm4', accountId: 'monthly', day: '2023-07-03', status: 'held', planned: true },
      { id: 'm5', accountId: 'later', day: '2023-09-01', status: 'cancelled', planned: true },
    ],
  });
  const byId = new Map(plan.accounts.map((a) => [a.accountId, a]));

  it('derives due days from the cadence and the last review', () => {
    expect(byId.get('held')?.dueDays).toEqual(['2023-08-10']);
    expect(byId.get('yearly')?.dueDays).toEqual([]);
    expect(byId.get('monthly')?.dueDays).toEqual(['2023-07-01', '2023-08-01', '2023-09-01']);
  });

  it('gives each account its coverage status', () => {
    expect(plan.accounts.map((a) => [a.accountId, a.status])).toEqual([
      ['held', 'held'],
      ['booked', 'scheduled'],
      ['late', 'overdue'],
      ['later', 'to-schedule'],
      ['yearly', 'not-due'],
      ['monthly', 'overdue'], // one of three held; 08-01 has passed
    ]);
    expect(plan.coverage).toEqual({
      strategicAccounts: 6,
      due: 5,
      planned: 3,
      held: 2,
      overdue: 2,
      withoutSponsor: 1,
      coverage01: 3 / 5,
    });
  });
});
