import { describe, expect, it } from 'vitest';
import { created, flagOf } from '../hygiene.test-support.js';

describe('no-activity', () => {
  const history = [created('2026-01-05T10:00:00Z', { closeDate: '2026-12-31' })];

  it('holds N days after the last activity known at T', () => {
    const activities = ['2026-01-20T09:00:00Z', '2026-02-01T10:00:00Z'];
    expect(flagOf(history, '2026-03-03T09:59:59Z', 'no-activity', { activities })).toBeNull();
    expect(flagOf(history, '2026-03-03T10:00:00Z', 'no-activity', { activities })).toEqual([
      'no activity for 30 days: the last on 2026-02-01 (limit 30)',
      '2026-03-03T10:00:00.000Z',
    ]);
    // A later activity clears it again.
    const more = [...activities, '2026-03-04T08:00:00Z'];
    expect(flagOf(history, '2026-03-05T00:00:00Z', 'no-activity', { activities: more })).toBeNull();
  });

  it('counts from creation when there never was an activity, with the admin threshold', () => {
    const settings = { 'no-activity': { thresholds: { days: 10 } } };
    expect(flagOf(history, '2026-01-15T09:00:00Z', 'no-activity', { settings })).toBeNull();
    expect(flagOf(history, '2026-01-16T00:00:00Z', 'no-activity', { settings })).toEqual([
      'no activity logged in the 10 days since it was created (limit 10)',
      '2026-01-15T10:00:00.000Z',
    ]);
  });
});
