import { describe, expect, it } from 'vitest';
import { computeTeamTrackRecord } from './compute-team-track-record.js';

describe('computeTeamTrackRecord', () => {
  it("scores the team's call and the sum of its members' calls against the team's actual", () => {
    // The team closed 1,000.00. Week 1: leader 900.00 (0.9), members 700.00 (0.7): the leader beat
    // the sum. Week 2: leader 1,200.00 (0.8), members 1,050.00 (0.95): the sum was closer. Week 3: the
    // leader called 1,000.00 but a member did not: scored for the team call only.
    const record = computeTeamTrackRecord([
      {
        period: '2026-Q1',
        actualMinor: 100_000n,
        teamCalls: [
          { week: 1, commitMinor: 90_000n },
          { week: 2, commitMinor: 120_000n },
          { week: 3, commitMinor: 100_000n },
        ],
        memberSums: [
          { week: 1, commitMinor: 70_000n },
          { week: 2, commitMinor: 105_000n },
        ],
      },
    ]);
    expect(record.call.meanAccuracy01).toBeCloseTo((0.9 + 0.8 + 1) / 3, 12);
    expect(record.rollup.meanAccuracy01).toBeCloseTo((0.7 + 0.95) / 2, 12);
    // Bias: (−0.1 + 0.2 + 0) / 3 for the team call, (−0.3 + 0.05) / 2 for the sum; no shrinking.
    expect(record.call.bias01).toBeCloseTo(0.1 / 3, 12);
    expect(record.rollup.bias01).toBeCloseTo(-0.125, 12);
    expect(record.judgement).toMatchObject({ weeks: 2, better: 1, worse: 1, unchanged: 0 });
    expect(record.judgement.meanAccuracyGain01).toBeCloseTo((0.2 - 0.15) / 2, 12);
  });
});
