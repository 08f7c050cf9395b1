import { describe, expect, it } from 'vitest';
import { computeStageNorms } from '../compute-stage-norms.js';
import { changed, created, flagOf } from '../hygiene.test-support.js';

describe('stuck-in-stage', () => {
  const history = [
    created('2026-01-05T10:00:00Z', { closeDate: '2026-12-31' }),
    changed('2026-02-01T10:00:00Z', { stage: 'Qualification' }),
  ];
  const stageNorms = computeStageNorms(
    [
      { stage: 'Qualification', samples: 40, percentileDays: 19.2, medianDays: 8 },
      { stage: 'Prospecting', samples: 3, percentileDays: 5, medianDays: 2 },
    ],
    { minSamples: 20, fallbackDays: 60 },
  );

  it("uses the organisation's percentile, rounded up to whole days", () => {
    expect(stageNorms.get('Qualification')).toEqual({
      limitDays: 20,
      basis: 'history',
      samples: 40,
      medianDays: 8,
    });
    expect(flagOf(history, '2026-02-21T09:59:00Z', 'stuck-in-stage', { stageNorms })).toBeNull();
    expect(flagOf(history, '2026-02-25T10:00:00Z', 'stuck-in-stage', { stageNorms })).toEqual([
      "in Qualification for 24 days; this organisation's 90th percentile is 20 days, median 8 days",
      '2026-02-21T10:00:00.000Z',
    ]);
  });

  it('falls back to the admin limit when a stage has too few completed stays', () => {
    expect(stageNorms.get('Prospecting')?.limitDays).toBe(60);
    const prospecting = [created('2026-01-05T10:00:00Z', { closeDate: '2026-12-31' })];
    expect(flagOf(prospecting, '2026-03-06T09:00:00Z', 'stuck-in-stage', { stageNorms })).toBeNull();
    expect(flagOf(prospecting, '2026-03-07T00:00:00Z', 'stuck-in-stage', { stageNorms })).toEqual([
      'in Prospecting for 60 days; too little history (3 completed stays), so the limit is 60 days',
      '2026-03-06T10:00:00.000Z',
    ]);
  });

  it('restarts when the deal moves on', () => {
    const moved = [...history, changed('2026-03-01T10:00:00Z', { stage: 'Needs Analysis' })];
    expect(flagOf(moved, '2026-02-28T00:00:00Z', 'stuck-in-stage', { stageNorms })).not.toBeNull();
    expect(flagOf(moved, '2026-03-02T00:00:00Z', 'stuck-in-stage', { stageNorms })).toBeNull();
  });
});
