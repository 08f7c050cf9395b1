import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateDemoOrganisation } from '../../src/core/demo/generate-demo-organisation.js';
import { everything } from '../../src/core/access-scope.js';
import {
  createDemoOrganisation,
  demoPassword,
  type CreateDemoResult,
} from '../../src/services/create-demo-organisation.js';
import { signInWithPassword } from '../../src/services/sign-in-with-password.js';
import { getPipeline } from '../../src/services/get-pipeline.js';
import { verifyLedger } from '../../src/services/verify-ledger.js';
import { describeEachEngine, openTestDatabase, type TestDatabase } from '../helpers/test-database.js';

const now = new Date('2026-05-14T12:34:56.789Z');

async function count(database: TestDatabase, query: ReturnType<typeof sql<{ n: string }>>): Promise<number> {
  const result = await query.execute(database.db);
  return Number(result.rows[0]?.n ?? Number.NaN);
}

describeEachEngine('createDemoOrganisation', (engine) => {
  let database: TestDatabase;
  let result: CreateDemoResult;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    result = await createDemoOrganisation(database, { now });
  });
  afterAll(async () => {
    await database.close();
  });

  it('appends every generated event in one go, and the ledger verifies clean', async () => {
    const expected = generateDemoOrganisation({ seed: 1, now });
    // The generated history, plus one `user.password_set` for each documented demo sign-in.
    const events = expected.events.length + expected.signIns.length;
    expect(result).toEqual({ created: true, events, signIns: expected.signIns });
    const report = await verifyLedger(database, { now });
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.length).toBe(String(events));
    // Generating the demo twice and verifying every event of it is the slow part of this file.
  }, 180_000);

  it('gives each documented demo sign-in the demo password, and nobody else a password', async () => {
    const credentials = await database.db
      .selectFrom('user_credentials')
      .select('user_id')
      .orderBy('user_id')
      .execute();
    expect(credentials.map((c) => c.user_id)).toEqual(result.signIns.map((p) => p.userId).sort());
    for (const person of result.signIns) {
      const signedIn = await signInWithPassword(database, {
        email: person.email,
        password: demoPassword,
        address: '127.0.0.1',
        userAgent: null,
        now,
      });
      expect(signedIn.userId).toBe(person.userId);
    }
    expect(result.signIns.map((p) => p.role)).toEqual(['admin', 'executive', 'manager', 'rep']);
  });

  it('labels the organisation as demo data', async () => {
    const settings = await database.db.selectFrom('org_settings').select('settings').executeTakeFirst();
    expect(settings?.settings).toMatchObject({ name: 'Demo Org — sample data', isDemo: true });
  });

  it('shows Commit, Best Case and Pipeline deals closing in the quarter in progress', async () => {
    const report = await getPipeline(database, { period: '2026-Q2', asOf: null, scope: everything });
    for (const category of ['Commit', 'Best Case', 'Pipeline', 'Closed', 'Omitted'] as const) {
      expect(report.categories[category].deals, category).toBeGreaterThan(0);
      expect(Number(report.categories[category].amount), category).toBeGreaterThan(0);
    }
    expect(report.unconverted).toBe(0);
  });

  it('answers the pipeline of a past quarter as it stood at its start', async () => {
    const start = await getPipeline(database, {
      period: '2025-Q4',
      asOf: new Date('2025-10-01T00:00:00Z'),
      scope: everything,
    });
    const end = await getPipeline(database, { period: '2025-Q4', asOf: null, scope: everything });
    expect(start.categories.Pipeline.deals).toBeGreaterThan(50);
    expect(start.categories.Closed.deals).toBeLessThan(end.categories.Closed.deals);
    expect(end.categories.Closed.deals).toBeGreaterThan(60);
  });

  it('projects three late-recorded closes and the people, accounts and activities', async () => {
    const late = sql<{ n: string }>`select count(*) as n from opportunities
      where closed_recorded_at > (close_date + 8)::timestamptz`;
    expect(await count(database, late)).toBe(3);
    expect(await count(database, sql<{ n: string }>`select count(*) as n from memberships`)).toBe(53);
    expect(await count(database, sql<{ n: string }>`select count(*) as n from teams`)).toBe(11);
    expect(await count(database, sql<{ n: string }>`select count(*) as n from activities`)).toBeGreaterThan(
      8_000,
    );
  });

  it('leaves a database that already holds an organisation alone', async () => {
    const events = sql<{ n: string }>`select count(*) as n from events`;
    const before = await count(database, events);
    const again = await createDemoOrganisation(database, { now: new Date('2026-06-01T00:00:00Z'), seed: 7 });
    expect(again).toEqual({ created: false, events: 0, signIns: [] });
    expect(await count(database, events)).toBe(before);
  });
});

describeEachEngine('createDemoOrganisation when writing fails', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await database.close();
  });

  it('leaves nothing behind: no events, no organisation', async () => {
    // Activities are projected last: a failure there comes after every other write of the demo.
    await sql`create function refuse_activity() returns trigger language plpgsql as $$
      begin raise exception 'activities refused for this test'; end $$`.execute(database.db);
    await sql`create trigger refuse_activity before insert on activities
      for each row execute function refuse_activity()`.execute(database.db);
    await expect(createDemoOrganisation(database, { now })).rejects.toThrow(/activities refused/);
    expect(await count(database, sql<{ n: string }>`select count(*) as n from events`)).toBe(0);
    expect(await count(database, sql<{ n: string }>`select count(*) as n from org_settings`)).toBe(0);
  });
});

describeEachEngine('createDemoOrganisation on two first starts at once', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await database.close();
  });

  // The embedded engine has one session, so only a server can run two transactions at once.
  it.skipIf(engine !== 'postgres')('creates the demo once and reports the other as not created', async () => {
    const results = await Promise.all([
      createDemoOrganisation(database, { now }),
      createDemoOrganisation(database, { now }),
    ]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    const report = await verifyLedger(database, { now });
    expect(report.ok).toBe(true);
    expect(report.length).toBe(String(results.find((r) => r.created)?.events));
  });
});
