import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { withTransaction } from '../../../src/db/connection.js';
import type { Engine } from '../../../src/db/open-database.js';
import { createApp } from '../../../src/server/create-app.js';
import { appendEvents } from '../../../src/store/append-events.js';
import { dealChanged, dealCreated } from '../../helpers/sample-events.js';
import { signIn, type SignedInClient } from '../../helpers/sign-in.js';
import { openTestDatabase, type TestDatabase } from '../../helpers/test-database.js';
import { loadServerHistory } from '../server-history.js';

/**
 * The server history (test/integration/server-history.ts: Cleo manages Sales; Ana is a rep in East,
 * Ben in West; Vera views everything) plus three 2026-Q2 deals of Ana's, on an app whose clock the
 * test moves. USD, UTC, calls due Thursdays 17:00 by default.
 *
 * Ana's 2026-Q2 roll-up now: Closed 500.00 (d22, won; created 2026-05-01 09:00), Commit 2,000.00
 * (d20), Best Case 1,000.00 (d21): commit 2,500.00, best case 3,500.00. Ben has d4, Pipeline
 * 9,999.99. As of Thursday 2026-04-30 17:00 (week 5's due time) d22 did not exist yet.
 */
export function useCallsServer(engine: Engine) {
  let database: TestDatabase | undefined;
  let app: FastifyInstance | undefined;
  let now = new Date('2026-05-01T12:00:00Z');
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    await loadServerHistory(database);
    await withTransaction(database, (conn) =>
      appendEvents(
        conn,
        [
          dealCreated('d20', '2026-04-10T09:00:00Z', {
            name: 'Soylent rollout',
            ownerId: 'u1',
            amountMinor: 200_000n,
            stage: 'Negotiation/Review',
            forecastCategory: 'Commit',
            probability01: 0.9,
            closeDate: '2026-06-15',
          }),
          dealCreated('d21', '2026-04-12T09:00:00Z', {
            name: 'Stark upgrade',
            ownerId: 'u1',
            amountMinor: 100_000n,
            stage: 'Proposal/Price Quote',
            forecastCategory: 'Best Case',
            probability01: 0.6,
            closeDate: '2026-06-20',
          }),
          dealCreated('d22', '2026-05-01T09:00:00Z', {
            name: 'Wayne add-on',
            ownerId: 'u1',
            amountMinor: 50_000n,
            closeDate: '2026-05-01',
          }),
          dealChanged('d22', '2026-05-01T09:30:00Z', {
            stage: 'Closed Won',
            forecastCategory: 'Closed',
            probability01: 1,
            isClosed: true,
            isWon: true,
          }),
        ],
        { recordedTime: new Date('2026-05-01T10:00:00Z') },
      ),
    );
    app = await createApp({ db: database, config: loadConfig({}), clock: () => now, logger: false });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });
  return {
    get database(): TestDatabase {
      if (!database) throw new Error('the test database is not open yet');
      return database;
    },
    get app(): FastifyInstance {
      if (!app) throw new Error('the app is not created yet');
      return app;
    },
    /** Moves the app's clock and signs a person in at that moment (sessions are timed by the clock). */
    at: async (instant: string, firstName: string): Promise<SignedInClient> => {
      now = new Date(instant);
      if (!app) throw new Error('the app is not created yet');
      return signIn(app, `${firstName}@server.test`);
    },
  };
}
