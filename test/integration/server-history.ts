import type { FastifyInstance } from 'fastify';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../src/config.js';
import type { NewEvent } from '../../src/core/ledger-event.js';
import { createApp } from '../../src/server/create-app.js';
import { withTransaction } from '../../src/db/connection.js';
import type { DatabaseHandle, Engine } from '../../src/db/open-database.js';
import { afterAll, beforeAll } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { signIn, testPassword, type SignedInClient } from '../helpers/sign-in.js';
import { hashPassword } from '../../src/services/password-hashing.js';
import { saveCredential } from '../../src/store/credential-queries.js';
import { appendEvents } from '../../src/store/append-events.js';
import {
  accountCreated,
  currencyDefined,
  currencyRateSet,
  dealChanged,
  dealCreated,
  orgEvent,
  roleGranted,
  teamCreated,
  userCreated,
} from '../helpers/sample-events.js';

/**
 * A small organisation whose figures are worked out by hand in the server tests. USD corporate
 * currency, calendar fiscal year, UTC; EUR at 1.1 until 2026-02-28 and 1.2 from 2026-03-01.
 * Teams: sales ⟶ east (Ana, u1), west (Ben, u2); Cleo (u3) manages sales; Vera (u9) views
 * everything. Each signs in as <first name>@server.test with `testPassword`.
 *
 * Deals (2026-Q1 unless said):
 * - d1 Acme renewal (Ana, Acme Corp): 1000.00 USD Pipeline, close 03-31; Commit on 02-01;
 *   1500.00 on 03-10; and, entered on 03-20 but dated 02-15 (backdated), 1200.00.
 * - d2 Globex expansion (Ben): 500.00 EUR Best Case, close 02-28 (rate 1.1: 550.00 USD).
 * - d3 Initech pilot (Ana): 250.50 USD Pipeline, close 03-15; won on 03-15 but recorded on 04-20
 *   (backdated, and a late-recorded close).
 * - d4 Umbrella deal (Ben): 9999.99 USD Pipeline, close 05-15 (2026-Q2).
 * - d5 Hooli (Cleo): 300.00 USD Pipeline, close 03-01; pushed to 03-20 on 02-10; lost on 03-25.
 */
export const serverHistory: { event: NewEvent; recordedAt: string }[] = [
  ...[
    orgEvent('2026-01-01T00:00:00Z', { name: 'Server test org' }),
    currencyDefined('USD', 2, '2026-01-01T00:00:00Z'),
    currencyDefined('EUR', 2, '2026-01-01T00:00:00Z'),
    currencyRateSet('EUR', '2025-01-01', '1.1', '2026-01-01T00:00:00Z'),
    currencyRateSet('EUR', '2026-03-01', '1.2', '2026-01-01T00:00:00Z'),
    teamCreated('sales', 'Sales', null, '2026-01-01T00:00:00Z'),
    teamCreated('east', 'East', 'sales', '2026-01-01T00:00:00Z'),
    teamCreated('west', 'West', 'sales', '2026-01-01T00:00:00Z'),
    userCreated('u1', 'Ana Alvarez', '2026-01-01T00:00:00Z', 'ana@server.test'),
    userCreated('u2', 'Ben Brooks', '2026-01-01T00:00:00Z', 'ben@server.test'),
    userCreated('u3', 'Cleo Chen', '2026-01-01T00:00:00Z', 'cleo@server.test'),
    userCreated('u9', 'Vera Viewer', '2026-01-01T00:00:00Z', 'vera@server.test'),
    roleGranted('u1', 'east', 'rep', '2026-01-01T00:00:00Z'),
    roleGranted('u2', 'west', 'rep', '2026-01-01T00:00:00Z'),
    roleGranted('u3', 'sales', 'manager', '2026-01-01T00:00:00Z'),
    roleGranted('u9', 'sales', 'viewer', '2026-01-01T00:00:00Z'),
    accountCreated('a1', 'Acme Corp', '2026-01-01T00:00:00Z'),
  ].map((event) => ({ event, recordedAt: '2026-01-01T00:00:00Z' })),
  onTime(
    dealCreated('d5', '2026-01-02T09:00:00Z', {
      name: 'Hooli',
      ownerId: 'u3',
      amountMinor: 30_000n,
      closeDate: '2026-03-01',
    }),
  ),
  onTime(
    dealCreated('d1', '2026-01-05T10:00:00Z', {
      name: 'Acme renewal',
      accountId: 'a1',
      ownerId: 'u1',
      amountMinor: 100_000n,
      closeDate: '2026-03-31',
    }),
  ),
  onTime(
    dealCreated('d3', '2026-01-10T10:00:00Z', {
      name: 'Initech pilot',
      ownerId: 'u1',
      amountMinor: 25_050n,
      closeDate: '2026-03-15',
    }),
  ),
  onTime(
    dealCreated('d4', '2026-01-20T10:00:00Z', {
      name: 'Umbrella deal',
      ownerId: 'u2',
      amountMinor: 999_999n,
      closeDate: '2026-05-15',
    }),
  ),
  onTime(
    dealChanged('d1', '2026-02-01T10:00:00Z', {
      stage: 'Negotiation/Review',
      forecastCategory: 'Commit',
      probability01: 0.9,
    }),
  ),
  onTime(dealChanged('d5', '2026-02-10T10:00:00Z', { closeDate: '2026-03-20' })),
  onTime(
    dealCreated('d2', '2026-02-15T09:00:00Z', {
      name: 'Globex expansion',
      ownerId: 'u2',
      amountMinor: 50_000n,
      currency: 'EUR',
      stage: 'Proposal/Price Quote',
      probability01: 0.75,
      forecastCategory: 'Best Case',
      closeDate: '2026-02-28',
    }),
  ),
  onTime(dealChanged('d1', '2026-03-10T10:00:00Z', { amountMinor: 150_000n, fields: { champion: 'Dana' } })),
  {
    event: dealChanged('d1', '2026-02-15T10:00:00Z', { amountMinor: 120_000n }),
    recordedAt: '2026-03-20T10:00:00Z',
  },
  onTime(
    dealChanged('d5', '2026-03-25T10:00:00Z', {
      stage: 'Closed Lost',
      forecastCategory: 'Omitted',
      probability01: 0,
      isClosed: true,
      closeDate: '2026-03-25',
      lossReason: 'Price',
    }),
  ),
  {
    event: dealChanged('d3', '2026-03-15T16:00:00Z', {
      stage: 'Closed Won',
      forecastCategory: 'Closed',
      probability01: 1,
      isClosed: true,
      isWon: true,
    }),
    recordedAt: '2026-04-20T08:00:00Z',
  },
];

/** Recorded a minute after it happened: not backdated. */
function onTime(event: NewEvent): { event: NewEvent; recordedAt: string } {
  return { event, recordedAt: new Date(event.businessTime.getTime() + 60_000).toISOString() };
}

/** Appends the history in the order it was recorded, each group at its own recorded time. */
export async function loadServerHistory(db: DatabaseHandle): Promise<void> {
  const ordered = [...serverHistory].sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
  for (let i = 0; i < ordered.length;) {
    const recordedAt = ordered[i]?.recordedAt ?? '';
    const group: NewEvent[] = [];
    for (; i < ordered.length && ordered[i]?.recordedAt === recordedAt; i += 1) group.push(ordered[i]!.event);
    await withTransaction(db, (conn) => appendEvents(conn, group, { recordedTime: new Date(recordedAt) }));
  }
  await withTransaction(db, async (conn) => {
    const passwordHash = await hashPassword(testPassword);
    for (const userId of ['u1', 'u2', 'u3', 'u9']) {
      await saveCredential(conn, { userId, passwordHash, updatedAt: new Date('2026-01-01T00:00:00Z') });
    }
  });
}

/**
 * Where this test file's apps keep uploads while importing: a folder of its own, so that a test can
 * count the upload folders left behind without seeing those of test files running beside it.
 */
export const testUploadDir = mkdtempSync(join(tmpdir(), 'candor-test-uploads-'));

/** The configuration of a test app: the defaults, with uploads in `testUploadDir`. */
export function testConfig(): Config {
  return loadConfig({ CANDOR_UPLOAD_DIR: testUploadDir });
}

/** The app over a test database, at a fixed clock, logging nothing unless a logger is given. */
export function createTestApp(
  db: DatabaseHandle,
  logger: Parameters<typeof createApp>[0]['logger'] = false,
): Promise<FastifyInstance> {
  return createApp({ db, config: testConfig(), clock: () => new Date('2026-05-01T12:00:00Z'), logger });
}

/**
 * Registers the suite's setup: a fresh database on `engine` holding the server history, and the
 * app over it, both closed after the suite. Read the fields inside tests, after setup has run.
 */
export function useServerWithHistory(engine: Engine) {
  let database: TestDatabase | undefined;
  let app: FastifyInstance | undefined;
  let viewer: SignedInClient | undefined;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    await loadServerHistory(database);
    app = await createTestApp(database);
    viewer = await signIn(app, 'vera@server.test');
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });
  const server = {
    get database() {
      if (!database) throw new Error('the test database is not open yet');
      return database;
    },
    get app() {
      if (!app) throw new Error('the app is not created yet');
      return app;
    },
    /** GETs a path as Vera, who views everything; returns the status, content type and parsed body. */
    get: async (url: string) => {
      if (!viewer) throw new Error('not signed in yet');
      return viewer.get(url);
    },
    /** Signs in as another person of the fixture (ana, ben, cleo, vera). */
    as: (firstName: string) => signIn(server.app, `${firstName}@server.test`),
  };
  return server;
}

export type ServerUnderTest = ReturnType<typeof useServerWithHistory>;
