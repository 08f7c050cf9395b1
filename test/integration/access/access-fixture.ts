import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { withTransaction } from '../../../src/db/connection.js';
import type { Engine } from '../../../src/db/open-database.js';
import { hashPassword } from '../../../src/services/password-hashing.js';
import { appendEvents } from '../../../src/store/append-events.js';
import { saveCredential } from '../../../src/store/credential-queries.js';
import { insertImportJob } from '../../../src/store/import-job-queries.js';
import { dealCreated, roleGranted, teamCreated, userCreated } from '../../helpers/sample-events.js';
import { signIn, testPassword, type SignedInClient } from '../../helpers/sign-in.js';
import { openTestDatabase, type TestDatabase } from '../../helpers/test-database.js';
import { createTestApp, loadServerHistory } from '../server-history.js';

/** The people of the access table, one per role, and "anonymous" for no session at all. */
export const tableRoles = ['anonymous', 'rep', 'manager', 'executive', 'viewer', 'admin'] as const;
export type TableRole = (typeof tableRoles)[number];

/** Whose deal a request is about, seen from the rep (Ana) and the manager (Cleo). */
export type Subject = 'own' | 'subtree' | 'outside';

/**
 * The deals each subject names: Ana's own d1; Ben's d2, inside Cleo's subtree but not Ana's; and
 * Oscar's d8, in a team outside Sales, which only the company-wide roles reach.
 */
export const subjectDeal: Record<Subject, string> = { own: 'd1', subtree: 'd2', outside: 'd8' };

const emails: Record<Exclude<TableRole, 'anonymous'>, string> = {
  rep: 'ana@server.test',
  manager: 'cleo@server.test',
  executive: 'eve@server.test',
  viewer: 'vera@server.test',
  admin: 'ada@server.test',
};

/**
 * The server history (test/integration/server-history.ts) plus, for this table only: Eve, an
 * executive, and Ada, an admin, both in Sales; and Oscar, a rep in Partners (outside Sales) with deal d8.
 */
export function useAccessFixture(engine: Engine) {
  let database: TestDatabase | undefined;
  let app: FastifyInstance | undefined;
  const clients = new Map<TableRole, SignedInClient>();
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    await loadServerHistory(database);
    const at = '2026-01-01T00:00:00Z';
    await withTransaction(database, async (conn) => {
      await appendEvents(
        conn,
        [
          teamCreated('partners', 'Partners', null, at),
          userCreated('u6', 'Ada Admin', at, 'ada@server.test'),
          userCreated('u7', 'Eve Exec', at, 'eve@server.test'),
          userCreated('u8', 'Oscar Outside', at, 'oscar@server.test'),
          roleGranted('u6', 'sales', 'admin', at),
          roleGranted('u7', 'sales', 'executive', at),
          roleGranted('u8', 'partners', 'rep', at),
          dealCreated('d8', '2026-01-05T00:00:00Z', {
            name: 'Partner deal',
            ownerId: 'u8',
            amountMinor: 70_000n,
            closeDate: '2026-03-10',
          }),
        ],
        { recordedTime: new Date('2026-01-05T00:00:00Z') },
      );
      // A finished-looking import job for the job routes to read.
      await insertImportJob(conn, {
        id: 'access-job',
        kind: 'csv',
        fileName: 'deals.csv',
        actor: 'u6',
        createdAt: new Date(at),
        progress: { phase: 'starting', done: 0, total: 0, unit: 'rows' },
      });
      const passwordHash = await hashPassword(testPassword);
      for (const userId of ['u6', 'u7', 'u8']) {
        await saveCredential(conn, { userId, passwordHash, updatedAt: new Date(at) });
      }
    });
    app = await createTestApp(database);
    for (const [role, email] of Object.entries(emails))
      clients.set(role as TableRole, await signIn(app, email));
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });
  return {
    get app(): FastifyInstance {
      if (!app) throw new Error('the app is not created yet');
      return app;
    },
    /** The signed-in client of a role (undefined for anonymous). */
    client: (role: TableRole) => clients.get(role),
    /** A new session of a role, for requests that end their session (sign-out). */
    freshClient: async (role: TableRole) =>
      role === 'anonymous' || !app ? undefined : signIn(app, emails[role]),
  };
}
