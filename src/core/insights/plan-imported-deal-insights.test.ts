import { describe, expect, it } from 'vitest';
import type { Insight } from './insight.js';
import { planImportedDealInsights, type ImportedDealFields } from './plan-imported-deal-insights.js';

const now = new Date('2026-01-15T12:00:00Z');
const lost: ImportedDealFields = {
  id: 'd1',
  accountId: 'a1',
  isClosed: true,
  isWon: false,
  closeDate: '2025-05-10',
  lossReason: 'Price',
  competitor: null,
  lossReasonSetAt: new Date('2025-02-01T10:00:00Z'),
  competitorSetAt: null,
};
const insight = (id: string, fields: Partial<Insight>): Insight => ({
  id,
  accountId: 'a1',
  opportunityId: 'd1',
  type: 'loss-reason',
  competitor: null,
  topic: null,
  text: '',
  severity: 'medium',
  authorId: null,
  capturedAt: '2025-05-01T00:00:00.000Z',
  ...fields,
});
const plan = (deal: ImportedDealFields, live: Insight[] = []) =>
  planImportedDealInsights({ deal, live, batchId: 'b1', now, timeZone: 'Europe/Paris' });

describe('planImportedDealInsights', () => {
  it("captures a lost deal's loss reason at the start of its close day in the organisation's zone", () => {
    const result = plan(lost);
    expect(result.withdraw).toEqual([]);
    expect(result.capture.map((c) => [c.record.type, c.record.text, c.record.capturedAt])).toEqual([
      ['loss-reason', 'Price', '2025-05-09T22:00:00.000Z'],
    ]);
    expect(result.capture[0]?.id).toMatch(/^imp-[0-9a-f]{20}$/);
  });

  it('captures nothing when the latest loss-reason insight already says the same, in any case', () => {
    const live = [insight('ins-1', { text: 'Timing' }), insight('ins-2', { text: '  price ' })];
    expect(plan(lost, live)).toEqual({ capture: [], withdraw: [] });
  });

  it('withdraws what an import said before and captures the new reason; a person’s insight stays', () => {
    const live = [insight('ins-1', { text: 'Timing' }), insight('imp-old', { text: 'Budget' })];
    const result = plan({ ...lost, lossReason: 'Price' }, live);
    expect(result.withdraw).toEqual([{ id: 'imp-old', at: new Date('2025-02-01T10:00:00Z') }]);
    expect(result.capture.map((c) => c.record.text)).toEqual(['Price']);
  });

  it('gives no loss reason to a won or open deal, and nothing to a deal without an account', () => {
    expect(plan({ ...lost, isWon: true }).capture).toEqual([]);
    expect(plan({ ...lost, isClosed: false }).capture).toEqual([]);
    expect(plan({ ...lost, accountId: null })).toEqual({ capture: [], withdraw: [] });
  });

  it('names each competitor once, skips those already mentioned, withdraws imported ones dropped', () => {
    const result = plan(
      {
        ...lost,
        lossReasonSetAt: null,
        competitor: 'Rival; other co;Rival ',
        competitorSetAt: new Date('2027-01-01T00:00:00Z'),
      },
      [
        insight('ins-1', { type: 'competitor-mention', competitor: 'OTHER CO' }),
        insight('imp-gone', { type: 'competitor-mention', competitor: 'Gone Inc' }),
      ],
    );
    // A time after the import's own is the import's time: nothing is captured in the future.
    expect(result.withdraw).toEqual([{ id: 'imp-gone', at: now }]);
    expect(result.capture.map((c) => [c.record.competitor, c.record.capturedAt])).toEqual([
      ['Rival', now.toISOString()],
    ]);
  });
});
