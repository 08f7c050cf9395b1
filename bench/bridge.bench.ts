import { sql } from 'kysely';
import { everything } from '../src/core/access-scope.js';
import type { NewEvent } from '../src/core/ledger-event.js';
import { withConnection, withTransaction } from '../src/db/connection.js';
import type { Engine } from '../src/db/open-database.js';
import { getBridge } from '../src/services/bridge/get-bridge.js';
import { appendEvents } from '../src/store/append-events.js';
import { refreshProjectionStatistics } from '../src/store/refresh-projection-statistics.js';
import { listBridgeVersions } from '../src/store/bridge-versions.js';
import { medianMs, openBenchDatabase, report } from './bench-database.js';
import { generatePipelineHistory } from './generate-pipeline-history.js';

const deals = Number(process.env.BENCH_DEALS ?? 100_000);
const eventsPerDeal = 20;
const dealsPerBatch = 10_000;

/**
 * The bridge of a quarter (2024-Q1, first to last moment) on 100,000 opportunities with 2,000,000
 * events: the versions read alone, then the whole report (steps with their deals, the written
 * account and the next quarter's pipeline), for everyone and for a manager of 10 of the 200 owners.
 * Targets: under 500 ms on the PostgreSQL server, under 1 s on PGlite.
 */
export async function benchBridge(engine: Engine): Promise<void> {
  const handle = await openBenchDatabase(engine);
  try {
    const setup: NewEvent[] = [
      organisationEvent('org', 'org.configured', { name: 'Bridge benchmark' }),
      organisationEvent('USD', 'currency.defined', { code: 'USD', decimals: 2 }),
    ];
    await withTransaction(handle, (conn) => appendEvents(conn, setup, { recordedTime: new Date() }));
    const loadStarted = performance.now();
    for (let first = 0; first < deals; first += dealsPerBatch) {
      await withTransaction(handle, (conn) =>
        appendEvents(
          conn,
          generatePipelineHistory({
            deals: Math.min(dealsPerBatch, deals - first),
            eventsPerDeal,
            firstDeal: first,
          }),
          { recordedTime: new Date() },
        ),
      );
    }
    const loadMs = performance.now() - loadStarted;
    // What an import leaves behind (runImportBatch): statistics current, pages all-visible.
    await sql`analyze`.execute(handle.db);
    await refreshProjectionStatistics(handle);
    const counts = await sql<{ events: string; versions: string }>`
      select (select count(*) from events) as events, (select count(*) from opportunity_versions) as versions`.execute(
      handle.db,
    );
    const window = {
      period: '2024-Q1',
      from: new Date('2024-01-01T00:00:00Z'),
      to: new Date('2024-04-01T00:00:00Z'),
    };
    const manager = {
      kind: 'owners' as const,
      ownerIds: Array.from({ length: 10 }, (_, i) => `rep-${i * 20}`),
    };
    const read = () =>
      withConnection(handle, (conn) =>
        listBridgeVersions(conn, {
          closeFrom: '2024-01-01',
          closeTo: '2024-04-01',
          from: window.from,
          to: window.to,
          ownerIds: null,
        }),
      );
    const versions = await read();
    const whole = await getBridge(handle, { ...window, scope: everything });
    const readMs = await medianMs(5, read);
    const bridgeMs = await medianMs(5, () => getBridge(handle, { ...window, scope: everything }));
    const managerMs = await medianMs(5, () => getBridge(handle, { ...window, scope: manager }));
    report(`bridge [${engine}]`, {
      deals,
      events: counts.rows[0]?.events ?? '?',
      versions: counts.rows[0]?.versions ?? '?',
      load_s: (loadMs / 1000).toFixed(1),
      versions_read: versions.length,
      deals_in_bridge: new Set(versions.map((v) => v.dealId)).size,
      moves_listed: whole.steps.reduce((sum, s) => sum + s.deals.length, 0),
      read_ms: readMs.toFixed(1),
      bridge_ms: bridgeMs.toFixed(1),
      manager_bridge_ms: managerMs.toFixed(1),
      target_ms: engine === 'postgres' ? 500 : 1000,
      ratio_to_target: (bridgeMs / (engine === 'postgres' ? 500 : 1000)).toFixed(2),
    });
  } finally {
    await handle.dispose();
  }
}

function organisationEvent(entityId: string, kind: string, payload: NewEvent['payload']): NewEvent {
  return {
    businessTime: new Date('2022-01-01T00:00:00Z'),
    actor: 'bench',
    source: 'system',
    batchId: null,
    entityType: kind.startsWith('org') ? 'org' : 'currency',
    entityId,
    kind,
    payload,
    originKey: null,
  };
}
