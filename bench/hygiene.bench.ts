import { sql } from 'kysely';
import { everything } from '../src/core/access-scope.js';
import type { NewEvent } from '../src/core/ledger-event.js';
import { defaultStages } from '../src/core/stage.js';
import { withConnection, withTransaction } from '../src/db/connection.js';
import type { Engine } from '../src/db/open-database.js';
import { evaluateHygieneAsOf } from '../src/services/hygiene/evaluate-hygiene-as-of.js';
import { appendEvents } from '../src/store/append-events.js';
import { refreshProjectionStatistics } from '../src/store/refresh-projection-statistics.js';
import { medianMs, openBenchDatabase, report } from './bench-database.js';
import { generatePipelineHistory } from './generate-pipeline-history.js';

const deals = Number(process.env.BENCH_DEALS ?? 100_000);
const eventsPerDeal = 20;
const dealsPerBatch = 10_000;
/** After every generated event: every deal is judged with its whole history. */
const asOf = new Date('2025-09-01T00:00:00Z');

/**
 * All ten hygiene rules as of one moment on 100,000 open deals with about 2,000,000 events: the
 * pipeline history of generatePipelineHistory with the closing events left out (so every deal is
 * open), one logged activity for each of the first 60 % of deals, and the organisation's
 * configuration. Target: under 2 s on the PostgreSQL server.
 */
export async function benchHygiene(engine: Engine): Promise<void> {
  const handle = await openBenchDatabase(engine);
  try {
    const loadStarted = performance.now();
    await withTransaction(handle, (conn) =>
      appendEvents(conn, configuration(), { recordedTime: new Date('2023-01-01T00:00:00Z') }),
    );
    for (let first = 0; first < deals; first += dealsPerBatch) {
      const count = Math.min(dealsPerBatch, deals - first);
      await withTransaction(handle, (conn) =>
        appendEvents(
          conn,
          withActivities(
            openOnly(generatePipelineHistory({ deals: count, eventsPerDeal, firstDeal: first })),
          ),
          {
            recordedTime: new Date(),
          },
        ),
      );
    }
    const loadMs = performance.now() - loadStarted;
    // As after an import: statistics current and the new pages marked all-visible.
    await refreshProjectionStatistics(handle);
    await sql`analyze activities`.execute(handle.db);
    const counts = await sql<{ events: string; open: string }>`
      select (select count(*) from events) as events,
             (select count(*) from opportunities where not is_closed) as open`.execute(handle.db);
    const evaluate = () =>
      withConnection(handle, (conn) =>
        evaluateHygieneAsOf(conn, { asOf, scope: everything, alongside: handle }),
      );
    const first = await evaluate();
    const ms = await medianMs(3, evaluate);
    const byRule = new Map<string, number>();
    for (const flag of first.flags) byRule.set(flag.rule, (byRule.get(flag.rule) ?? 0) + 1);
    report(`hygiene, all rules [${engine}]`, {
      open_deals: counts.rows[0]?.open ?? '?',
      events: counts.rows[0]?.events ?? '?',
      load_s: (loadMs / 1000).toFixed(1),
      evaluate_ms: ms.toFixed(0),
      target_ms: 2000,
      ratio_to_target: (ms / 2000).toFixed(2),
      deals_judged: first.deals.length,
      flags: first.flags.length,
    });
    report(`hygiene flags by rule [${engine}]`, Object.fromEntries(byRule));
  } finally {
    await handle.dispose();
  }
}

function* configuration(): Generator<NewEvent> {
  const base = { actor: 'bench', source: 'import' as const, batchId: 'bench', originKey: null };
  const at = new Date('2023-01-01T00:00:00Z');
  yield {
    ...base,
    businessTime: at,
    entityType: 'org',
    entityId: 'org',
    kind: 'org.configured',
    payload: { name: 'Bench org', corporateCurrency: 'USD' },
  };
  yield {
    ...base,
    businessTime: at,
    entityType: 'currency',
    entityId: 'USD',
    kind: 'currency.defined',
    payload: { code: 'USD', decimals: 2 },
  };
  for (const stage of defaultStages) {
    yield {
      ...base,
      businessTime: at,
      entityType: 'stage',
      entityId: stage.name,
      kind: 'stage.defined',
      payload: { ...stage, requiredFields: stage.name === 'Negotiation/Review' ? ['nextStep'] : [] },
    };
  }
}

/** The generator's history without its closing events: every deal stays open. */
function* openOnly(events: Iterable<NewEvent>): Generator<NewEvent> {
  for (const event of events) {
    if (event.kind === 'opportunity.changed' && event.payload.isClosed === true) continue;
    yield event;
  }
}

/** One call logged on each of the first 60 % of deals, a week after the deal's creation. */
function* withActivities(events: Iterable<NewEvent>): Generator<NewEvent> {
  for (const event of events) {
    yield event;
    const index = Number(event.entityId.replace('bench-', ''));
    if (event.kind !== 'opportunity.created' || index >= deals * 0.6) continue;
    const at = new Date(event.businessTime.getTime() + 7 * 86_400_000);
    yield {
      ...event,
      businessTime: at,
      entityType: 'activity',
      entityId: `act-${index}`,
      kind: 'activity.logged',
      payload: {
        type: 'call',
        subject: 'Discovery call',
        occurredAt: at.toISOString(),
        opportunityId: event.entityId,
        accountId: null,
        ownerId: null,
        fields: {},
      },
    };
  }
}
