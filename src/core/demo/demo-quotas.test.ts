import { describe, expect, it } from 'vitest';
import { generateDemoOrganisation } from './generate-demo-organisation.js';

const now = new Date('2026-05-14T12:34:56.789Z');

describe('the demo organisation’s quotas', () => {
  const events = generateDemoOrganisation({ seed: 1, now }).events;
  const quotas = events.filter((e) => e.kind === 'quota.set').map((e) => e.payload as Record<string, string>);

  it('gives every rep a quota in each quarter of the history, and the admin sets rep targets', () => {
    const quarters = [...new Set(quotas.map((q) => q.period))].sort();
    expect(quarters).toEqual(['2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']);
    const lastQuarterReps = quotas.filter((q) => q.period === '2026-Q2' && q.subjectType === 'user');
    expect(lastQuarterReps).toHaveLength(40);
    expect(events.filter((e) => e.kind === 'target.set').map((e) => e.entityId)).toContain(
      'rep:meetings_per_week',
    );
  });

  it('asks each region for 10 % more than its reps carry, and the company for the sum of its regions', () => {
    const period = quotas.filter((q) => q.period === '2026-Q1');
    const teamQuotas = period.filter((q) => q.subjectType === 'team');
    expect(teamQuotas).toHaveLength(4);
    const regions = teamQuotas.filter((q) => q.subjectId !== 'demo-team-org');
    const company = teamQuotas.find((q) => q.subjectId === 'demo-team-org');
    const regionSum = regions.reduce((sum, q) => sum + Number(q.amountMinor), 0);
    expect(Number(company?.amountMinor)).toBe(regionSum);
    const repSum = period
      .filter((q) => q.subjectType === 'user')
      .reduce((sum, q) => sum + Number(q.amountMinor), 0);
    expect(regionSum / repSum).toBeGreaterThan(1.09);
    expect(regionSum / repSum).toBeLessThan(1.11);
  });
});
