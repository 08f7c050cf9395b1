import { describe, expect, it } from 'vitest';
import { computeEngagementReport, type ReportMeeting } from './compute-engagement-report.js';

const deal = (
  id: string,
  over: Partial<NonNullable<ReportMeeting['deal']>>,
): NonNullable<ReportMeeting['deal']> => ({
  id,
  closeDateAtMeeting: '2023-06-30',
  isClosed: false,
  isWon: false,
  closeDate: '2023-06-30',
  corporateAmountMinor: 10_000n,
  ...over,
});

describe('computeEngagementReport', () => {
  it('counts planned against fire drills per sponsor and period, and follows the deals', () => {
    const report = computeEngagementReport([
      {
        id: '1',
        period: '2023-Q2',
        executiveId: 'e1',
        kind: 'planned',
        deal: deal('d1', { isClosed: true, isWon: true }),
      },
      {
        id: '2',
        period: '2023-Q2',
        executiveId: 'e1',
        kind: 'fire-drill',
        deal: deal('d2', { isClosed: true, corporateAmountMinor: 30_000n }),
      },
      {
        id: '3',
        period: '2023-Q3',
        executiveId: 'e2',
        kind: 'fire-drill',
        deal: deal('d3', { closeDate: '2023-08-15' }),
      },
      {
        id: '4',
        period: '2023-Q3',
        executiveId: 'e2',
        kind: 'fire-drill',
        deal: deal('d2', { isClosed: true, corporateAmountMinor: 30_000n }),
      },
      { id: '5', period: '2023-Q3', executiveId: 'e1', kind: 'unplanned', deal: null },
    ]);
    expect(report.total).toEqual({ planned: 1, fireDrill: 3, unplanned: 1 });
    expect(report.fireDrillShare01).toBe(0.75);
    expect(report.bySponsor).toEqual([
      { executiveId: 'e1', planned: 1, fireDrill: 1, unplanned: 1 },
      { executiveId: 'e2', planned: 0, fireDrill: 2, unplanned: 0 },
    ]);
    expect(report.byPeriod.map((p) => [p.period, p.planned, p.fireDrill])).toEqual([
      ['2023-Q2', 1, 1],
      ['2023-Q3', 0, 2],
    ]);
    // d2 counted once among fire drills: lost 300.00; d3 slipped from 06-30 to 08-15.
    expect(report.afterwards.fireDrill).toEqual({
      deals: 2,
      won: 0,
      wonMinor: 0n,
      lost: 1,
      lostMinor: 30_000n,
      slipped: 1,
      open: 0,
    });
    expect(report.afterwards.planned).toEqual({
      deals: 1,
      won: 1,
      wonMinor: 10_000n,
      lost: 0,
      lostMinor: 0n,
      slipped: 0,
      open: 0,
    });
  });
});
