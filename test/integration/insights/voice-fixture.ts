import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { withTransaction } from '../../../src/db/connection.js';
import type { Engine } from '../../../src/db/open-database.js';
import { defaultStages } from '../../../src/core/stage.js';
import { hashPassword } from '../../../src/services/password-hashing.js';
import { appendEvents } from '../../../src/store/append-events.js';
import { saveCredential } from '../../../src/store/credential-queries.js';
import { dealCreated, event, roleGranted, userCreated } from '../../helpers/sample-events.js';
import { signIn, testPassword, type SignedInClient } from '../../helpers/sign-in.js';
import { openTestDatabase, type TestDatabase } from '../../helpers/test-database.js';
import { createTestApp, loadServerHistory } from '../server-history.js';

/**
 * The server history (test/integration/server-history.ts; clock 2026-05-01T12:00Z) plus Salesforce's
 * default stages; Eve (u7), an executive, and Ada (u6), an admin, in Sales; the account Globex (a2,
 * Ben's, segment Enterprise) with Ben's deals d6 (800.00 USD, lost on 2026-03-05 citing Rival, no
 * loss reason, as an import leaves it) and d7 (2,000.00 USD open, closing 2026-05-20).
 */
export function useVoiceFixture(engine: Engine) {
  let database: TestDatabase | undefined;
  let app: FastifyInstance | undefined;
  const clients = new Map<string, SignedInClient>();
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    await loadServerHistory(database);
    const at = '2026-01-01T00:00:00Z';
    await withTransaction(database, async (conn) => {
      await appendEvents(
        conn,
        [
          ...defaultStages.map((s) =>
            event('stage', s.name, 'stage.defined', at, { ...s, requiredFields: [...s.requiredFields] }),
          ),
          userCreated('u6', 'Ada Admin', at, 'ada@server.test'),
          userCreated('u7', 'Eve Exec', at, 'eve@server.test'),
          roleGranted('u6', 'sales', 'admin', at),
          roleGranted('u7', 'sales', 'executive', at),
          event('account', 'a2', 'account.created', at, {
            name: 'Globex',
            ownerId: 'u2',
            industry: 'Manufacturing',
            segment: 'Enterprise',
            country: null,
            fields: {},
          }),
          dealCreated('d6', '2026-01-10T00:00:00Z', {
            name: 'Globex pilot',
            accountId: 'a2',
            ownerId: 'u2',
            amountMinor: 80_000n,
            closeDate: '2026-03-05',
            stage: 'Closed Lost',
            isClosed: true,
            forecastCategory: 'Omitted',
            probability01: 0,
            competitor: 'Rival',
          }),
          dealCreated('d7', '2026-01-10T00:00:00Z', {
            name: 'Globex rollout',
            accountId: 'a2',
            ownerId: 'u2',
            amountMinor: 200_000n,
            closeDate: '2026-05-20',
          }),
        ],
        { recordedTime: new Date('2026-01-10T00:00:00Z') },
      );
      const passwordHash = await hashPassword(testPassword);
      for (const userId of ['u6', 'u7'])
        await saveCredential(conn, { userId, passwordHash, updatedAt: new Date(at) });
    });
    app = await createTestApp(database);
    for (const name of ['ana', 'ben', 'cleo', 'eve', 'ada', 'vera'])
      clients.set(name, await signIn(app, `${name}@server.test`));
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });
  return {
    get database(): TestDatabase {
      if (!database) throw new Error('the database is not open yet');
      return database;
    },
    as(name: 'ana' | 'ben' | 'cleo' | 'eve' | 'ada' | 'vera'): SignedInClient {
      const client = clients.get(name);
      if (!client) throw new Error(`${name} is not signed in yet`);
      return client;
    },
  };
}
