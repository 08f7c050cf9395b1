import { describe, expect, it } from 'vitest';
import { computeLeadingInsight, type InsightObservation } from './compute-leading-insight.js';

const indicators = [
  { key: 'meetings', label: 'Meetings' },
  { key: 'emails', label: 'Emails' },
];

function observations(count: number): InsightObservation[] {
  // Meetings rise with attainment exactly; emails fall with it.
  return Array.from({ length: count }, (_, i) => ({
    subjectId: `u${i}`,
    period: '2025-Q1',
    attainment: i / 10,
    early: { meetings: i * 2, emails: 100 - i },
  }));
}

describe('computeLeadingInsight', () => {
  it('reports the rank correlation of each early measure with attainment, with n and a statement', () => {
    const insight = computeLeadingInsight({ observations: observations(12), indicators, weeks: 4 });
    expect(insight.indicators.map((i) => [i.key, i.n, i.rho, i.strength])).toEqual([
      ['meetings', 12, 1, 'strong'],
      ['emails', 12, -1, 'strong'],
    ]);
    expect(insight.indicators[0]?.statement).toBe(
      'Meetings in the first 4 weeks went with higher attainment at quarter end: a strong positive relationship (ρ = 1.00 over 12 person-quarters).',
    );
    expect(insight.summary).toContain('meetings (ρ = 1.00), emails (ρ = -1.00)');
  });

  it('says there is too little data to tell under the threshold', () => {
    const insight = computeLeadingInsight({ observations: observations(11), indicators, weeks: 4 });
    expect(insight.indicators[0]).toMatchObject({ n: 11, rho: null, strength: 'too-little-data' });
    expect(insight.indicators[0]?.statement).toBe(
      'Meetings in the first 4 weeks: too little data to tell (11 person-quarters, at least 12 needed).',
    );
    expect(insight.summary).toBe(
      'Too little data to tell: 11 person-quarters with a quota in the completed quarters studied; at least 12 are needed.',
    );
  });

  it('leaves out person-quarters where the measure has no value', () => {
    const list = observations(14).map((o, i) =>
      i < 3 ? { ...o, early: { ...o.early, meetings: null } } : o,
    );
    const insight = computeLeadingInsight({ observations: list, indicators, weeks: 4 });
    expect(insight.indicators[0]?.n).toBe(11);
    expect(insight.indicators[1]?.n).toBe(14);
  });
});
