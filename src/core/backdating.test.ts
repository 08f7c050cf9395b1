import { describe, expect, it } from 'vitest';
import { isBackdated, isLateRecordedClose } from './backdating.js';

const thresholds = { backdatedAfterHours: 72, lateCloseAfterDays: 7, timeZone: 'America/New_York' };

describe('isBackdated', () => {
  const recordedTime = new Date('2026-04-10T12:00:00Z');
  it('marks a change entered with a business time more than the threshold before it was recorded', () => {
    expect(
      isBackdated({ source: 'ui', recordedTime, businessTime: new Date('2026-04-07T11:59:59Z') }, thresholds),
    ).toBe(true);
    expect(
      isBackdated({ source: 'ui', recordedTime, businessTime: new Date('2026-04-07T12:00:00Z') }, thresholds),
    ).toBe(false);
  });

  it('never marks imported history, whose business time is the source system own timestamp', () => {
    expect(
      isBackdated(
        { source: 'import', recordedTime, businessTime: new Date('2020-01-01T00:00:00Z') },
        thresholds,
      ),
    ).toBe(false);
  });
});

describe('isLateRecordedClose', () => {
  const deal = { isClosed: true, closeDate: '2026-06-28' };
  it('marks a win recorded more than the threshold after the end of its close date, in the org zone', () => {
    // End of 2026-06-28 in New York is 2026-06-29T04:00Z; plus 7 days is 2026-07-06T04:00Z.
    expect(
      isLateRecordedClose({ ...deal, closedRecordedAt: new Date('2026-07-06T04:00:01Z') }, thresholds),
    ).toBe(true);
    expect(
      isLateRecordedClose({ ...deal, closedRecordedAt: new Date('2026-07-06T04:00:00Z') }, thresholds),
    ).toBe(false);
  });

  it('does not mark open deals or deals without a close date', () => {
    expect(
      isLateRecordedClose({ isClosed: false, closeDate: '2026-06-28', closedRecordedAt: null }, thresholds),
    ).toBe(false);
    expect(
      isLateRecordedClose({ isClosed: true, closeDate: null, closedRecordedAt: new Date() }, thresholds),
    ).toBe(false);
  });
});
