import { canonicalJson } from '../core/canonical-json.js';
import { foldForecastEvents } from '../core/forecast/forecast-record.js';
import { foldForecastScore, type ForecastScorePayload } from '../core/forecast/forecast-score.js';
import type { LedgerEvent } from '../core/ledger-event.js';
import type { ProjectionRow, ProjectionTable } from './projection-tables.js';

type EventForProjection = Pick<LedgerEvent, 'entityId' | 'kind' | 'payload' | 'seq' | 'businessTime'>;

const plain = (name: string) => ({ name, read: name });
const asText = (name: string) => ({ name, read: `${name}::text` });
const instant = (name: string) => ({
  name,
  read: `to_char(${name} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
});

/** Every stored forecast, one row each (migration 0006), and its score once its period closed (0017). */
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
  {
    name: 'forecast_scores',
    entityColumn: 'forecast_id',
    columns: [
      plain('forecast_id'),
      asText('seq'),
      plain('period'),
      plain('scope_key'),
      asText('week'),
      plain('currency'),
      instant('scored_at'),
      asText('actual_minor'),
      asText('expected_minor'),
      asText('p10_minor'),
      asText('p90_minor'),
      asText('error_minor'),
      plain('accuracy01'),
      plain('signed_error01'),
      asText('within_band'),
      plain('method'),
    ],
  },
];

export function projectForecast(
  id: string,
  events: readonly EventForProjection[],
): Record<string, ProjectionRow[]> {
  // The score is a later event on the same entity; the forecast itself is its one recorded event.
  const f = foldForecastEvents(events.filter((e) => e.kind !== 'forecast.scored'));
  const score = foldForecastScore(events);
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
    forecast_scores: score
      ? [
          {
            forecast_id: id,
            seq: score.seq.toString(),
            period: score.period,
            scope_key: score.scopeKey,
            week: String(score.week),
            currency: score.currency,
            scored_at: score.scoredAt.toISOString(),
            actual_minor: score.actualMinor.toString(),
            expected_minor: score.expectedMinor.toString(),
            p10_minor: score.p10Minor.toString(),
            p90_minor: score.p90Minor.toString(),
            error_minor: score.errorMinor.toString(),
            // The shares as the event wrote them (six-decimal text), not re-rounded from a float.
            accuracy01: scorePayload(events)?.accuracy01 ?? null,
            signed_error01: scorePayload(events)?.signedError01 ?? null,
            within_band: String(score.withinBand),
            method: score.method,
          },
        ]
      : [],
  };
}

function scorePayload(events: readonly EventForProjection[]): ForecastScorePayload | undefined {
  return events.find((e) => e.kind === 'forecast.scored')?.payload as ForecastScorePayload | undefined;
}
