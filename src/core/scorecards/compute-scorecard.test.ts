import { describe, expect, it } from 'vitest';
import type { FiscalCalendar } from '../fiscal-calendar.js';
import { defaultTargets } from '../quotas/indicator-targets.js';
import { computeScorecard, type Indicator } from './compute-scorecard.js';
import type { ScorecardDeal, ScorecardFacts } from './scorecard-facts.js';

const calendar: FiscalCalendar = {
  fiscalYearStartMonth: 1,
  fiscalYearNamedBy: 'end',
  weekStartDay: 1,
  timeZone: 'UTC',
};
const at = (text: string) => new Date(`${text}T00:00:00Z`);

function deal(id: string, ownerId: string, created: string, patch: Partial<ScorecardDeal>): ScorecardDeal {
  return {
    id,
    ownerId,
    createdAt: at(created),
    closeDate: null,
    isClosed: false,
    isWon: false,
    forecastCategory: 'Pipeline',
    corporateMinor: null,
    ...patch,
  };
}

/**
 * Ana (u1), quota 100,000.00 for 2026-Q1 (90 days), seen on 2026-02-15: half the quarter gone.
 * d1 won 30,000 (created 2025-12-01, closed 01-20: 50 days); d2 won 10,000 (01-10 → 02-05: 26 days);
 * d3 lost; d4 open Commit 60,000 closing 03-20; d5 Omitted 9,000; d6 is Ben's (u2) and never counts.
 */
const facts: ScorecardFacts = {
  stages: [
    { name: 'Prospecting', order: 1, isClosed: false, isWon: false },
    { name: 'Proposal', order: 2, isClosed: false, isWon: false },
    { name: 'Negotiation', order: 3, isClosed: false, isWon: false },
    { name: 'Closed Won', order: 4, isClosed: true, isWon: true },
    { name: 'Closed Lost', order: 5, isClosed: true, isWon: false },
  ],
  deals: [
    deal('d1', 'u1', '2025-12-01', {
      closeDate: '2026-01-20',
      isClosed: true,
      isWon: true,
      forecastCategory: 'Closed',
      corporateMinor: 3_000_000n,
    }),
    deal('d2', 'u1', '2026-01-10', {
      closeDate: '2026-02-05',
      isClosed: true,
      isWon: true,
      forecastCategory: 'Closed',
      corporateMinor: 1_000_000n,
    }),
    deal('d3', 'u1', '2026-01-05', {
      closeDate: '2026-02-01',
      isClosed: true,
      forecastCategory: 'Omitted',
      corporateMinor: 500_000n,
    }),
    deal('d4', 'u1', '2026-02-01', {
      closeDate: '2026-03-20',
      forecastCategory: 'Commit',
      corporateMinor: 6_000_000n,
    }),
    deal('d5', 'u1', '2026-01-15', {
      closeDate: '2026-03-10',
      forecastCategory: 'Omitted',
      corporateMinor: 900_000n,
    }),
    deal('d6', 'u2', '2026-01-02', {
      closeDate: '2026-01-15',
      isClosed: true,
      isWon: true,
      forecastCategory: 'Closed',
      corporateMinor: 5_000_000n,
    }),
  ],
  stageChanges: [
    { dealId: 'd1', at: at('2025-12-01'), fromStage: null, toStage: 'Prospecting' },
    { dealId: 'd1', at: at('2025-12-20'), fromStage: 'Prospecting', toStage: 'Negotiation' },
    { dealId: 'd1', at: at('2026-01-20'), fromStage: 'Negotiation', toStage: 'Closed Won' },
    { dealId: 'd2', at: at('2026-01-10'), fromStage: null, toStage: 'Prospecting' },
    { dealId: 'd2', at: at('2026-01-20'), fromStage: 'Prospecting', toStage: 'Proposal' },
    { dealId: 'd2', at: at('2026-02-05'), fromStage: 'Proposal', toStage: 'Closed Won' },
    { dealId: 'd3', at: at('2026-01-05'), fromStage: null, toStage: 'Prospecting' },
    { dealId: 'd3', at: at('2026-02-01'), fromStage: 'Prospecting', toStage: 'Closed Lost' },
    { dealId: 'd4', at: at('2026-02-01'), fromStage: null, toStage: 'Prospecting' },
    { dealId: 'd4', at: at('2026-02-10'), fromStage: 'Prospecting', toStage: 'Proposal' },
    { dealId: 'd5', at: at('2026-01-15'), fromStage: null, toStage: 'Prospecting' },
    { dealId: 'd6', at: at('2026-01-02'), fromStage: null, toStage: 'Prospecting' },
    { dealId: 'd6', at: at('2026-01-03'), fromStage: 'Prospecting', toStage: 'Proposal' },
  ],
  activities: [
    { id: 'a1', ownerId: 'u1', type: 'meeting', occurredAt: at('2026-01-05') },
    { id: 'a2', ownerId: 'u1', type: 'meeting', occurredAt: at('2026-02-10') },
    { id: 'a3', ownerId: 'u1', type: 'meeting', occurredAt: at('2026-02-16') },
    { id: 'a4', ownerId: 'u1', type: 'call', occurredAt: at('2026-01-06') },
    { id: 'a5', ownerId: 'u2', type: 'meeting', occurredAt: at('2026-01-07') },
  ],
};

const card = computeScorecard({
  facts,
  calendar,
  now: at('2026-02-15'),
  ownerIds: new Set(['u1']),
  periods: [
    { period: '2025-Q4', quotaMinor: null },
    { period: '2026-Q1', quotaMinor: 10_000_000n },
  ],
  targets: defaultTargets,
  headcount: 1,
});
const indicator = (key: Indicator['key']) => card.indicators.find((i) => i.key === key) as Indicator;

describe('computeScorecard on a hand-built quarter', () => {
  it('measures bookings, attainment and pace against the share of the quarter gone', () => {
    expect(card.elapsedShare).toBe(0.5);
    expect(card.attainment).toBe(0.4);
    expect(card.pace).toBe(0.8);
    expect(indicator('bookings')).toMatchObject({
      value: 4_000_000n,
      target: 10_000_000n,
      expected: 5_000_000n,
      status: 'at-risk',
      trend: [0n, 4_000_000n],
      dealIds: ['d1', 'd2'],
    });
    expect(indicator('attainment')).toMatchObject({
      value: 0.4,
      expected: 0.5,
      status: 'at-risk',
      trend: [null, 0.4],
    });
  });

  it('measures win rate, average deal size and cycle length from the deals closing in the quarter', () => {
    expect(indicator('win_rate').value).toBeCloseTo(2 / 3, 12);
    expect(indicator('win_rate')).toMatchObject({ status: 'on-track', dealIds: ['d1', 'd2', 'd3'] });
    expect(indicator('average_deal_size').value).toBe(2_000_000n);
    expect(indicator('sales_cycle_days').value).toBe(38);
  });

  it('counts activities by type inside the time gone, against the weekly target', () => {
    expect(card.activitiesByType).toMatchObject({ meeting: 2, call: 1, demo: 0 });
    const meetings = indicator('meetings');
    expect(meetings.value).toBe(2);
    expect(meetings.activityIds).toEqual(['a1', 'a2']);
    expect(meetings.expected).toBeCloseTo((5 * 45) / 7, 10);
    expect(meetings.target).toBeCloseTo((5 * 90) / 7, 10);
    expect(meetings.status).toBe('off-track');
  });

  it('measures pipeline created, deals advanced, stage conversion and coverage', () => {
    expect(indicator('pipeline_created')).toMatchObject({
      value: 8_400_000n,
      expected: 5_000_000n,
      status: 'on-track',
      trend: [3_000_000n, 8_400_000n],
      dealIds: ['d2', 'd3', 'd4', 'd5'],
    });
    expect(indicator('deals_advanced')).toMatchObject({
      value: 3,
      dealIds: ['d1', 'd2', 'd4'],
      status: 'off-track',
    });
    expect(card.conversions.map((c) => [c.stage, c.entered, c.advanced])).toEqual([
      ['Prospecting', 4, 2],
      ['Proposal', 2, 1],
      ['Negotiation', 0, 0],
    ]);
    // Open, not Omitted, closing in the quarter: d4 60,000 over 100,000 − 40,000 still to go.
    expect(indicator('coverage')).toMatchObject({
      value: 1,
      target: 3,
      status: 'off-track',
      dealIds: ['d4'],
    });
  });

  it('calls a quota already reached covered, and has no coverage once the period is over', () => {
    const reached = computeScorecard({
      facts,
      calendar,
      now: at('2026-02-15'),
      ownerIds: new Set(['u1']),
      periods: [{ period: '2026-Q1', quotaMinor: 3_000_000n }],
      targets: defaultTargets,
      headcount: 1,
    });
    expect(reached.indicators.find((i) => i.key === 'coverage')).toMatchObject({
      value: null,
      status: 'on-track',
    });
    const over = computeScorecard({
      facts,
      calendar,
      now: at('2026-05-01'),
      ownerIds: new Set(['u1']),
      periods: [{ period: '2026-Q1', quotaMinor: 10_000_000n }],
      targets: defaultTargets,
      headcount: 1,
    });
    expect(over.elapsedShare).toBe(1);
    expect(over.indicators.find((i) => i.key === 'coverage')).toMatchObject({
      value: null,
      status: 'no-target',
    });
  });
});
