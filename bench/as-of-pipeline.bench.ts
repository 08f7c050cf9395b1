import { sql } from 'kysely';
import { everything } from '../src/core/access-scope.js';
import { withConnection, withTransaction } from '../src/db/connection.js';
import type { Engine } from '../src/db/open-database.js';
import { appendEvents } from '../src/store/append-events.js';
import { refreshProjectionStatistics } from '../src/store/refresh-projection-statistics.js';
import { summarizePipeline } from '../src/store/pipeline-queries.js';
import { medianMs, openBenchDatabase, report } from './bench-database.js';
import { generatePipelineHistory } from './generate-pipeline-history.js';

const deals = Number(process.env.BENCH_DEALS ?? 100_000);
const eventsPerDeal = 20;
const dealsPerBatch = 10_000;

/**
 * The as-of pipeline (versions valid at an instant) against the same summary over the
 * current-state table, on 100,000 opportunities with 2,000,000 events.
 * Targets: as-of within 2x of current; under 300 ms on PGlite.
 */
export async function benchAsOfPipeline(engine: Engine): Promise<void> {
  const handle = await openBenchDatabase(engine);
  try {
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
          {
            recordedTime: new Date(),
          },
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
    const query = {
      closeFrom: '2024-01-01',
      closeTo: '2024-04-01',
      scope: everything,
      corporateCurrency: 'USD',
    };
    const asOf = new Date('2024-02-15T00:00:00Z');
    const [asOfTotals, currentTotals] = await withConnection(handle, async (conn) => [
      await summarizePipeline(conn, { ...query, asOf }),
      await summarizePipeline(conn, { ...query, asOf: null }),
    ]);
    const asOfMs = await medianMs(7, () =>
      withConnection(handle, (conn) => summarizePipeline(conn, { ...query, asOf })),
    );
    const currentMs = await medianMs(7, () =>
      withConnection(handle, (conn) => summarizePipeline(conn, { ...query, asOf: null })),
    );
    report(`as-of pipeline [${engine}]`, {
      deals,
      events: counts.rows[0]?.events ?? '?',
      versions: counts.rows[0]?.versions ?? '?',
      load_s: (loadMs / 1000).toFixed(1),
      load_events_per_s: Math.round((deals * eventsPerDeal) / (loadMs / 1000)),
      as_of_ms: asOfMs.toFixed(1),
      current_ms: currentMs.toFixed(1),
      ratio: (asOfMs / currentMs).toFixed(2),
      as_of_deals: asOfTotals.reduce((s, t) => s + t.deals, 0),
      current_deals: currentTotals.reduce((s, t) => s + t.deals, 0),
    });
  } finally {
    await handle.dispose();
  }
}
