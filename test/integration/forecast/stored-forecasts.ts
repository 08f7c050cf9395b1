import {
  computeForecastRecordId,
  computeScopeKey,
  type ForecastRecord,
} from '../../../src/core/forecast/forecast-record.js';
import type { NewEvent } from '../../../src/core/ledger-event.js';

/** A stored forecast of 2026-Q1 as `recordForecast` would write it, with hand-picked figures. */
export function storedForecast(input: {
  asOf: string;
  week: number;
  ownerId?: string;
  expected: bigint;
  p10: bigint;
  p90: bigint;
}): NewEvent {
  const record: ForecastRecord = {
    period: '2026-Q1',
    teamId: null,
    ownerId: input.ownerId ?? null,
    scopeKey: computeScopeKey(input.ownerId ? [input.ownerId] : null),
    asOf: input.asOf,
    week: input.week,
    currency: 'USD',
    expectedMinor: input.expected.toString(),
    p10Minor: input.p10.toString(),
    p50Minor: input.expected.toString(),
    p90Minor: input.p90.toString(),
    methodVersion: 'candor-forecast/3',
    ledgerSeq: '1',
    thinData: true,
    components: {
      closedWonMinor: '0',
      openPipelineMinor: input.expected.toString(),
      notInPipelineMinor: '0',
    },
    recordedBy: 'cli',
  };
  const id = computeForecastRecordId(record);
  return {
    businessTime: new Date(input.asOf),
    actor: 'cli',
    source: 'cli',
    batchId: null,
    entityType: 'forecast',
    entityId: id,
    kind: 'forecast.recorded',
    payload: { ...record, components: { ...record.components } },
    originKey: `candor:forecast:${id}`,
  };
}
