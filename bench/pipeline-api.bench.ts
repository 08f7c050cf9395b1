import type { AddressInfo } from 'node:net';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.js';
import type { NewEvent } from '../src/core/ledger-event.js';
import { defaultOrgSettings } from '../src/core/org-entities.js';
import { defaultStages } from '../src/core/stage.js';
import { withTransaction } from '../src/db/connection.js';
import type { Engine } from '../src/db/open-database.js';
import { createApp } from '../src/server/create-app.js';
import { hashPassword } from '../src/services/password-hashing.js';
import { appendEvents } from '../src/store/append-events.js';
import { refreshProjectionStatistics } from '../src/store/refresh-projection-statistics.js';
import { saveCredential } from '../src/store/credential-queries.js';
import { openBenchDatabase, report } from './bench-database.js';
import { generatePipelineHistory } from './generate-pipeline-history.js';

const deals = Number(process.env.BENCH_DEALS ?? 100_000);
const eventsPerDeal = 5;
const dealsPerBatch = 20_000;
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const durationSeconds = Number(process.env.BENCH_SECONDS ?? 10);
const password = 'bench-password';
const run = promisify(execFile);

/**
 * The pipeline API as a manager uses it, over 100,000 deals: 200 reps in 10 regions of 20, the
 * manager of one region sees 10 % of the deals. 32 concurrent clients on loopback (autocannon, in
 * its own process),
 * each request carrying the manager's session, for the pipeline totals of a quarter and for the
 * first page of that quarter's deals (what the pipeline page loads). Target: p95 under 100 ms.
 */
export async function benchPipelineApi(engine: Engine): Promise<void> {
  const handle = await openBenchDatabase(engine);
  try {
    await withTransaction(handle, (conn) =>
      appendEvents(conn, organisationEvents(), { recordedTime: new Date() }),
    );
    for (let first = 0; first < deals; first += dealsPerBatch) {
      const batch = generatePipelineHistory({
        deals: Math.min(dealsPerBatch, deals - first),
        eventsPerDeal,
        firstDeal: first,
      });
      await withTransaction(handle, (conn) => appendEvents(conn, batch, { recordedTime: new Date() }));
    }
    await withTransaction(handle, async (conn) =>
      saveCredential(conn, {
        userId: 'mgr-0',
        passwordHash: await hashPassword(password),
        updatedAt: new Date(),
      }),
    );
    // What an import leaves behind (runImportBatch): statistics current, pages all-visible.
    await sql`analyze`.execute(handle.db);
    await refreshProjectionStatistics(handle);

    const app = await createApp({
      db: handle,
      config: loadConfig({}),
      clock: () => new Date(),
      logger: false,
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      const signIn = await fetch(`${base}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'mgr-0@bench.invalid', password }),
      });
      const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      if (signIn.status !== 200) throw new Error(`sign-in failed: ${signIn.status}`);
      for (const [name, path] of [
        ['pipeline totals', '/api/pipeline?period=2024-Q1'],
        ['deals page', '/api/opportunities?period=2024-Q1&limit=50&sort=amount&order=desc'],
      ] as const) {
        const first = await fetch(`${base}${path}`, { headers: { cookie } });
        const body = (await first.json()) as { total?: number };
        const figures = await load(`${base}${path}`, cookie);
        report(`pipeline API, manager, ${name} [${engine}]`, {
          deals,
          ...(body.total === undefined ? {} : { inScope: body.total }),
          connections,
          requests: figures.requests,
          non2xx: figures.non2xx,
          p50ms: figures.p50.toFixed(1),
          p95ms: figures.p95.toFixed(1),
          p99ms: figures.p99.toFixed(1),
          rps: figures.rps.toFixed(0),
          'p95/target': (figures.p95 / 100).toFixed(2),
        });
      }
    } finally {
      await app.close();
    }
  } finally {
    await handle.dispose();
  }
}

/** Runs the load from a second process (bench/load-client.mjs), as a real client would. */
async function load(url: string, cookie: string): Promise<LoadFigures> {
  const script = fileURLToPath(new URL('./load-client.mjs', import.meta.url));
  const { stdout } = await run(
    process.execPath,
    [script, url, cookie, String(connections), String(durationSeconds)],
    {
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as LoadFigures;
}

type LoadFigures = { requests: number; non2xx: number; p50: number; p95: number; p99: number; rps: number };

/** The organisation around the synthetic deals: settings, USD, stages, 10 regions of 20 reps, one manager. */
function organisationEvents(): NewEvent[] {
  const at = new Date('2022-12-01T00:00:00Z');
  const base = {
    businessTime: at,
    actor: 'bench',
    source: 'system' as const,
    batchId: null,
    originKey: null,
  };
  const events: NewEvent[] = [
    {
      ...base,
      entityType: 'org',
      entityId: 'org',
      kind: 'org.configured',
      payload: { ...defaultOrgSettings, name: 'Bench' },
    },
    {
      ...base,
      entityType: 'currency',
      entityId: 'USD',
      kind: 'currency.defined',
      payload: { code: 'USD', decimals: 2 },
    },
    ...defaultStages.map((stage) => ({
      ...base,
      entityType: 'stage' as const,
      entityId: stage.name,
      kind: 'stage.defined',
      payload: { ...stage, requiredFields: [...stage.requiredFields] },
    })),
    {
      ...base,
      entityType: 'team',
      entityId: 'company',
      kind: 'team.created',
      payload: { name: 'Company', parentId: null },
    },
  ];
  const user = (id: string, name: string, teamId: string, role: string): NewEvent[] => [
    {
      ...base,
      entityType: 'user',
      entityId: id,
      kind: 'user.created',
      payload: { name, email: `${id}@bench.invalid`, title: null, active: true },
    },
    { ...base, entityType: 'user', entityId: id, kind: 'user.role_granted', payload: { teamId, role } },
  ];
  for (let region = 0; region < 10; region += 1) {
    events.push({
      ...base,
      entityType: 'team',
      entityId: `region-${region}`,
      kind: 'team.created',
      payload: { name: `Region ${region}`, parentId: 'company' },
    });
    events.push(...user(`mgr-${region}`, `Manager ${region}`, `region-${region}`, 'manager'));
  }
  for (let rep = 0; rep < 200; rep += 1)
    events.push(...user(`rep-${rep}`, `Rep ${rep}`, `region-${Math.floor(rep / 20)}`, 'rep'));
  return events;
}
