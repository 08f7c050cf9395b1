import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import type { Engine } from '../../../src/db/open-database.js';
import { createApp } from '../../../src/server/create-app.js';
import { signIn, type SignedInClient } from '../../helpers/sign-in.js';
import { openTestDatabase, type TestDatabase } from '../../helpers/test-database.js';
import { loadHygieneHistory } from './hygiene-history.js';

/** The app over the hygiene history, its clock at 12 May 2026, and a signed-in client per person. */
export function useHygieneServer(engine: Engine) {
  let database: TestDatabase | undefined;
  let app: FastifyInstance | undefined;
  const clients = new Map<string, SignedInClient>();
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    await loadHygieneHistory(database);
    app = await createApp({
      db: database,
      config: loadConfig({}),
      clock: () => new Date('2026-05-12T00:00:00Z'),
      logger: false,
    });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });
  return {
    /** A signed-in client for ana, ben, cleo, ada or vera (signed in once, then reused). */
    as: async (person: string): Promise<SignedInClient> => {
      if (!app) throw new Error('the app is not created yet');
      const known = clients.get(person);
      if (known) return known;
      const client = await signIn(app, `${person}@hygiene.test`);
      clients.set(person, client);
      return client;
    },
    get database() {
      if (!database) throw new Error('not open yet');
      return database;
    },
  };
}
