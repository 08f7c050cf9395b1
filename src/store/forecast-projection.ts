import { canonicalJson } from '../core/canonical-json.js';
import { foldForecastEvents } from '../core/forecast/forecast-record.js';
import type { LedgerEvent } from '../core/ledger-event.js';
import type { ProjectionRow, ProjectionTable } from './projection-tables.js';

type EventForProjection = Pick<LedgerEvent, 'entityId' | 'kind' | 'payload' | 'seq'>;

const plain = (name: string) => ({ name, read: name });
const asText = (name: string) => ({ name, read: `${name}::text` });
const instant = (name: string) => ({
  name,
  read: `to_char(${name} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
});

/** Every stored forecast, one row each (migration 0006). */
export const forecastProjectionTables: readonly ProjectionTable[] = [
  {
    name: 'forecasts',
    entityColumn: 'forecast_id',
    columns: [
      plain('forecast_id'),
      plain('period'),
      plain('team_id'),
      plain('owner_id'),
      plain('scope_key'),
      instant('as_of'),
      asText('week'),
      plain('currency'),
      asText('expected_minor'),
      asText('p10_minor'),
      asText('p50_minor'),
      asText('p90_minor'),
      plain('method_version'),
      asText('ledger_seq'),
      asText('thin_data'),
      { name: 'components', read: 'components', json: true },
      plain('recorded_by'),
    ],
  },
];

export function projectForecast(
  id: string,
  events: readonly EventForProjection[],
): Record<string, ProjectionRow[]> {
  const f = foldForecastEvents(events);
  return {
    forecasts: [
      {
        forecast_id: id,
        period: f.period,
        team_id: f.teamId,
        owner_id: f.ownerId,
        scope_key: f.scopeKey,
        as_of: new Date(f.asOf).toISOString(),
        week: String(f.week),
        currency: f.currency,
        expected_minor: f.expectedMinor,
        p10_minor: f.p10Minor,
        p50_minor: f.p50Minor,
        p90_minor: f.p90Minor,
        method_version: f.methodVersion,
        ledger_seq: f.ledgerSeq,
        thin_data: String(f.thinData),
        components: canonicalJson(f.components),
        recorded_by: f.recordedBy,
      },
    ],
  };
}
