import { describe, expect, it } from 'vitest';
import { computeInsightSummary, noReasonLabel } from './compute-insight-summary.js';
import type { Insight } from './insight.js';
import type { SummaryDeal } from './summary-inputs.js';

const deal = (id: string, overrides: Partial<SummaryDeal>): SummaryDeal => ({
  id,
  accountId: 'a1',
  isClosed: false,
  isWon: false,
  closeDate: '2023-05-15',
  corporateAmountMinor: 0n,
  lossReason: null,
  competitor: null,
  ...overrides,
});
const insight = (id: string, overrides: Partial<Insight>): Insight => ({
  id,
  accountId: 'a1',
  opportunityId: null,
  type: 'competitor-mention',
  competitor: null,
  topic: null,
  text: '',
  severity: 'medium',
  authorId: 'u1',
  capturedAt: '2023-05-01T12:00:00Z',
  ...overrides,
});

/**
 * Q2 2023 (calendar year). Deals:
 * w1 won 1,000.00 citing Rival (field); w2 won 500.00 citing Rival (insight) and Other (field);
 * l1 lost 2,000.00 to Rival (field, spelled "rival "), reason "Price" (field);
 * l2 lost 300.00, reason field "Timing" but a later loss-reason insight says "Budget cut";
 * l3 lost 700.00 with no reason anywhere; l4 lost in Q1 (out of range);
 * o1 open 4,000.00 at a2 citing Rival; o2 open 250.00 at a2; o3 open 10.00 at a3.
 */
const deals: SummaryDeal[] = [
  deal('w1', { isClosed: true, isWon: true, corporateAmountMinor: 100_000n, competitor: 'Rival' }),
  deal('w2', { isClosed: true, isWon: true, corporateAmountMinor: 50_000n, competitor: 'Other' }),
  deal('l1', { isClosed: true, corporateAmountMinor: 200_000n, competitor: 'rival ', lossReason: 'Price' }),
  deal('l2', { isClosed: true, corporateAmountMinor: 30_000n, lossReason: 'Timing' }),
  deal('l3', { isClosed: true, corporateAmountMinor: 70_000n }),
  deal('l4', { isClosed: true, closeDate: '2023-03-31', corporateAmountMinor: 999_00n, lossReason: 'Price' }),
  deal('o1', { accountId: 'a2', corporateAmountMinor: 400_000n, competitor: 'Rival' }),
  deal('o2', { accountId: 'a2', corporateAmountMinor: 25_000n }),
  deal('o3', { accountId: 'a3', corporateAmountMinor: 1_000n }),
];
const insights: Insight[] = [
  insight('i1', { opportunityId: 'w2', competitor: 'RIVAL' }),
  insight('i2', {
    opportunityId: 'l2',
    type: 'loss-reason',
    text: 'Budget cut',
    capturedAt: '2023-05-20T09:00:00Z',
  }),
  // Feature request "SSO": one on o1 (4,000.00) and one account-level at a2 (o1 + o2); o1 counts once.
  insight('i3', {
    accountId: 'a2',
    opportunityId: 'o1',
    type: 'feature-request',
    topic: 'SSO',
    text: 'Okta',
  }),
  insight('i4', { accountId: 'a2', type: 'feature-request', topic: 'sso', text: 'Azure AD' }),
  insight('i5', { accountId: 'a3', type: 'feature-request', text: 'Audit log' }),
  // Service problems "Late invoices" at a2 (high) and a3 (low).
  insight('i6', { accountId: 'a2', type: 'service-problem', topic: 'Late invoices', severity: 'high' }),
  insight('i7', { accountId: 'a3', type: 'service-problem', topic: 'late invoices', severity: 'low' }),
  // Captured on 2023-07-01 in New York = still 2023-06-30 there: inside Q2 for that zone only.
  insight('i8', { competitor: 'Rival', capturedAt: '2023-07-01T02:00:00Z' }),
];

describe('computeInsightSummary', () => {
  const summary = computeInsightSummary({
    range: { start: '2023-04-01', end: '2023-07-01' },
    timeZone: 'America/New_York',
    deals,
    insights,
  });

  it('sums won, lost and open value against each competitor, with the win rate by count', () => {
    const rival = summary.competitors.find((c) => c.competitor === 'Rival');
    // Won: w1 1,000 + w2 500 (via the insight); lost: l1 2,000; open: o1 4,000.
    expect(rival).toEqual({
      competitor: 'Rival',
      wonDeals: 2,
      wonMinor: 150_000n,
      lostDeals: 1,
      lostMinor: 200_000n,
      winRate01: 2 / 3,
      openDeals: 1,
      openMinor: 400_000n,
      mentions: 2, // i1 and i8 (30 June in New York)
    });
    const other = summary.competitors.find((c) => c.competitor === 'Other');
    expect(other?.winRate01).toBe(1);
    expect(other?.wonMinor).toBe(50_000n);
  });

  it('counts each lost deal once under its latest loss-reason insight, else its field', () => {
    expect(summary.lossReasons).toEqual([
      { reason: 'Price', deals: 1, lostMinor: 200_000n },
      { reason: noReasonLabel, deals: 1, lostMinor: 70_000n },
      { reason: 'Budget cut', deals: 1, lostMinor: 30_000n },
    ]);
    expect(summary.lostWithoutReason).toBe(1);
  });

  it('values feature requests by the open pipeline citing them, each deal once', () => {
    expect(summary.featureRequests).toEqual([
      { topic: 'SSO', requests: 2, accounts: 1, openDeals: 2, openMinor: 425_000n },
      { topic: 'Audit log', requests: 1, accounts: 1, openDeals: 1, openMinor: 1_000n },
    ]);
  });

  it('groups service problems by the accounts they touch', () => {
    expect(summary.serviceProblems).toEqual([
      { topic: 'Late invoices', reports: 2, accounts: 2, highestSeverity: 'high', openMinor: 426_000n },
    ]);
    expect(summary.counts['service-problem']).toBe(2);
    expect(summary.counts['competitor-mention']).toBe(2);
  });

  it('takes the capture day in the organisation time zone', () => {
    const utc = computeInsightSummary({
      range: { start: '2023-04-01', end: '2023-07-01' },
      timeZone: 'UTC',
      deals,
      insights,
    });
    expect(utc.competitors.find((c) => c.competitor === 'Rival')?.mentions).toBe(1);
  });
});
