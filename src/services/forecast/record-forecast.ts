import {
  computeForecastRecordId,
  computeScopeKey,
  type ForecastRecord,
} from '../../core/forecast/forecast-record.js';
import { parseAmount } from '../../core/money.js';
import { lockLedgerForChange } from '../../store/admin-queries.js';
import { appendEvents } from '../../store/append-events.js';
import { findForecastRecordSeq } from '../../store/forecast-record-queries.js';
import { withConnection, withTransaction, type DatabaseHandle } from '../../store/session.js';
import { getOrgContext } from '../org-context.js';
import { computeForecastOn, type ForecastReport, type GetForecastOptions } from './get-forecast.js';
import { resolveForecastOwners } from './resolve-forecast-owners.js';

export type RecordForecastOptions = Omit<GetForecastOptions, 'asOf'> & {
  actor: string;
  source: 'ui' | 'api' | 'cli';
};

/**
 * Computes the forecast as of now and stores it in the ledger (`forecast.recorded`, projected into
 * `forecasts`), so it can be scored when the period closes. Only forecasts as of now are stored: a
 * forecast "as of" a past moment computed today is a reconstruction, not something anyone saw.
 * The same figures shown twice the same day for the same scope are stored once; the report says
 * which event holds them.
 */
export async function recordForecast(
  handle: DatabaseHandle,
  options: RecordForecastOptions,
): Promise<ForecastReport> {
  const { report, scopeKey, decimals } = await withConnection(handle, async (conn) => {
    const owners = await resolveForecastOwners(conn, options);
    const visible = options.scope.kind === 'everything' ? owners : (owners ?? options.scope.ownerIds);
    return {
      report: await computeForecastOn(conn, { ...options, asOf: null }),
      scopeKey: computeScopeKey(visible),
      decimals: (await getOrgContext(conn)).corporateDecimals,
    };
  });
  const minor = (text: string) => (parseAmount(text, decimals)?.minor ?? 0n).toString();
  const record: ForecastRecord = {
    period: report.period,
    teamId: report.teamId,
    ownerId: report.ownerId,
    scopeKey,
    asOf: report.asOf,
    week: report.weekOfPeriod,
    currency: report.currency,
    expectedMinor: minor(report.expected),
    p10Minor: minor(report.p10),
    p50Minor: minor(report.p50),
    p90Minor: minor(report.p90),
    methodVersion: report.model.version,
    ledgerSeq: report.ledgerSeq,
    thinData: report.thinData,
    components: {
      closedWonMinor: minor(report.components.closedWon.expected),
      openPipelineMinor: minor(report.components.openPipeline.expected),
      notInPipelineMinor: minor(report.components.notInPipeline.expected),
    },
    recordedBy: options.actor,
  };
  const id = computeForecastRecordId(record);
  const seq = await withTransaction(handle, async (conn) => {
    await lockLedgerForChange(conn);
    const existing = await findForecastRecordSeq(conn, id);
    if (existing !== null) return existing;
    const now = new Date(report.asOf);
    const result = await appendEvents(
      conn,
      [
        {
          businessTime: now,
          actor: options.actor,
          source: options.source,
          batchId: null,
          entityType: 'forecast',
          entityId: id,
          kind: 'forecast.recorded',
          payload: { ...record, components: { ...record.components } },
          originKey: `candor:forecast:${id}`,
        },
      ],
      { recordedTime: options.clock() },
    );
    return result.head.seq;
  });
  return { ...report, recordedSeq: seq.toString() };
}
