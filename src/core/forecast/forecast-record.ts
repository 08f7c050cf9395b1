import { createHash } from 'node:crypto';
import { z } from 'zod';
import { DomainError } from '../domain-error.js';

const minorText = z.string().regex(/^-?\d+$/);

/** The payload of a `forecast.recorded` event: one forecast as it was shown, with its as-of moment. */
export const forecastRecordSchema = z.object({
  period: z.string().min(1),
  teamId: z.string().nullable(),
  ownerId: z.string().nullable(),
  /** `all` for an unrestricted scope, else a digest of the owners the forecast summed. */
  scopeKey: z.string().min(1),
  asOf: z.iso.datetime(),
  week: z.number().int().min(1),
  currency: z.string().min(1),
  expectedMinor: minorText,
  p10Minor: minorText,
  p50Minor: minorText,
  p90Minor: minorText,
  methodVersion: z.string().min(1),
  ledgerSeq: z.string().regex(/^\d+$/),
  thinData: z.boolean(),
  components: z.object({
    closedWonMinor: minorText,
    openPipelineMinor: minorText,
    notInPipelineMinor: minorText,
  }),
  recordedBy: z.string().min(1),
});
export type ForecastRecord = z.infer<typeof forecastRecordSchema>;

type EventLike = { kind: string; payload: unknown; seq: bigint; entityId: string };

/**
 * A stored forecast from its events: exactly one `forecast.recorded`; a forecast is never changed
 * (a later one is a new forecast), so any other event is a broken ledger.
 */
export function foldForecastEvents(events: readonly EventLike[]): ForecastRecord {
  const [event, ...rest] = events;
  if (!event || rest.length > 0 || event.kind !== 'forecast.recorded') {
    const seq = (rest[0] ?? event)?.seq ?? 0n;
    throw new DomainError(
      'ledger-broken',
      `forecast ${event?.entityId ?? '?'} must have exactly one forecast.recorded event (seq ${seq})`,
    );
  }
  const parsed = forecastRecordSchema.safeParse(event.payload);
  if (!parsed.success) {
    throw new DomainError(
      'ledger-broken',
      `forecast ${event.entityId} has a malformed payload (seq ${event.seq})`,
    );
  }
  return parsed.data;
}

/**
 * The id of a stored forecast: a digest of what makes two showings the same forecast (period,
 * team, person, scope, as-of day, method and the figures shown). Showing the same figures again
 * the same day stores nothing new; the ledger length is left out, since storing a forecast
 * itself lengthens the ledger.
 */
export function computeForecastRecordId(
  record: Pick<
    ForecastRecord,
    | 'period'
    | 'teamId'
    | 'ownerId'
    | 'scopeKey'
    | 'asOf'
    | 'methodVersion'
    | 'expectedMinor'
    | 'p10Minor'
    | 'p50Minor'
    | 'p90Minor'
  >,
): string {
  const key = [
    record.period,
    record.teamId ?? '',
    record.ownerId ?? '',
    record.scopeKey,
    record.asOf.slice(0, 10),
    record.methodVersion,
    record.expectedMinor,
    record.p10Minor,
    record.p50Minor,
    record.p90Minor,
  ].join('\u0000');
  return `fc-${createHash('sha256').update(key).digest('hex').slice(0, 24)}`;
}

/** `all` for an unrestricted scope, else a short digest of the sorted owner ids. */
export function computeScopeKey(ownerIds: readonly string[] | null): string {
  if (ownerIds === null) return 'all';
  const digest = createHash('sha256')
    .update([...ownerIds].sort().join('\u0000'))
    .digest('hex');
  return `owners:${digest.slice(0, 16)}`;
}
