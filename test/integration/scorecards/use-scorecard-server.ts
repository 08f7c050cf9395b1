import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { withTransaction } from '../../../src/db/connection.js';
import type { Engine } from '../../../src/db/open-database.js';
import { createApp } from '../../../src/server/create-app.js';
import { hashPassword } from '../../../src/services/password-hashing.js';
import { saveCredential } from '../../../src/store/credential-queries.js';
import { testPassword } from '../../helpers/sign-in.js';
import { openTestDatabase, type TestDatabase } from '../../helpers/test-database.js';
import { loadScorecardHistory, scorecardNow } from './scorecard-history.js';

export type ScorecardServer = { database: TestDatabase; app: FastifyInstance };

/**
 * The hand-built scorecard quarter on `engine`, served at `scorecardNow`, with Ana (u1), Cleo (u3)
 * and Ada (u6) able to sign in with `testPassword`. Read the fields inside tests: they are set
 * before the first test runs.
 */
export function useScorecardServer(engine: Engine): ScorecardServer {
  const server = {} as ScorecardServer;
  beforeAll(async () => {
    server.database = await openTestDatabase(engine);
    await loadScorecardHistory(server.database);
    const passwordHash = await hashPassword(testPassword);
    await withTransaction(server.database, async (conn) => {
      for (const userId of ['u1', 'u3', 'u6'])
        await saveCredential(conn, { userId, passwordHash, updatedAt: scorecardNow });
    });
    server.app = await createApp({ db: server.database, config: loadConfig({}), clock: () => scorecardNow });
  });
  afterAll(async () => {
    await server.app.close();
    await server.database.close();
  });
  return server;
}
