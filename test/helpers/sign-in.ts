import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { withTransaction } from '../../src/db/connection.js';
import type { DatabaseHandle } from '../../src/db/open-database.js';
import { hashPassword } from '../../src/services/password-hashing.js';
import { appendEvents } from '../../src/store/append-events.js';
import { saveCredential } from '../../src/store/credential-queries.js';

/** The password every test person gets (see `testPassword` users in the fixtures). */
export const testPassword = 'correct-horse-battery';

/** Status, content type and body (parsed JSON, loosely typed as inject gives it: tests assert values). */
function parseAnswer(r: LightMyRequestResponse) {
  const isJson = r.body.length > 0 && String(r.headers['content-type']).includes('json');
  return {
    status: r.statusCode,
    type: r.headers['content-type'] as string | undefined,
    body: isJson ? r.json() : r.body,
  };
}
type Answer = ReturnType<typeof parseAnswer>;

export type SignedInClient = {
  cookie: string;
  csrfToken: string;
  /** GETs a path as this person; returns status, content type and parsed body. */
  get: (url: string) => Promise<Answer>;
  /** Sends a state-changing request with the session cookie and the CSRF token. */
  send: (method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown) => Promise<Answer>;
  inject: (options: InjectOptions) => Promise<LightMyRequestResponse>;
};

/** Signs in through the real API and returns a client that carries the session. */
export async function signIn(
  app: FastifyInstance,
  email: string,
  password: string = testPassword,
): Promise<SignedInClient> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email, password },
  });
  if (response.statusCode !== 200) {
    throw new Error(`sign-in as ${email} failed: ${response.statusCode} ${response.body}`);
  }
  const setCookie = response.cookies.find((c) => c.name === 'candor_session');
  if (!setCookie) throw new Error('sign-in set no session cookie');
  const cookie = `candor_session=${setCookie.value}`;
  const csrfToken = (response.json() as { csrfToken: string }).csrfToken;
  const inject = async (options: InjectOptions): Promise<LightMyRequestResponse> =>
    app.inject({ ...options, headers: { ...options.headers, cookie, 'x-csrf-token': csrfToken } });
  return {
    cookie,
    csrfToken,
    inject,
    get: async (url) => parseAnswer(await app.inject({ method: 'GET', url, headers: { cookie } })),
    send: async (method, url, body) =>
      parseAnswer(await inject({ method, url, ...(body === undefined ? {} : { payload: body as object }) })),
  };
}

/**
 * Adds a person who views everything (a viewer in a team of their own) with `testPassword`, and
 * signs them in: for tests over a database filled some other way (an import, the CLI).
 */
export function signInNewViewer(app: FastifyInstance, handle: DatabaseHandle): Promise<SignedInClient> {
  return signInNewPerson(app, handle, 'viewer');
}

/**
 * Adds an administrator (admin in a team of their own) with `testPassword`, and signs them in: for
 * tests of the administration routes over any database.
 */
export function signInNewAdmin(app: FastifyInstance, handle: DatabaseHandle): Promise<SignedInClient> {
  return signInNewPerson(app, handle, 'admin');
}

/** test-<role> (<role>@tests.invalid), holding `role` in a team "Test <role>s" of their own. */
async function signInNewPerson(
  app: FastifyInstance,
  handle: DatabaseHandle,
  role: 'viewer' | 'admin',
): Promise<SignedInClient> {
  const at = new Date('2000-01-01T00:00:00Z');
  const userId = `test-${role}`;
  const teamId = `test-${role}s`;
  const base = { businessTime: at, actor: 'test', source: 'system' as const, batchId: null, originKey: null };
  const name = `Test ${role[0]?.toUpperCase()}${role.slice(1)}`;
  await withTransaction(handle, async (conn) => {
    await appendEvents(
      conn,
      [
        {
          ...base,
          entityType: 'team',
          entityId: teamId,
          kind: 'team.created',
          payload: { name: `Test ${role}s`, parentId: null },
        },
        {
          ...base,
          entityType: 'user',
          entityId: userId,
          kind: 'user.created',
          payload: { name, email: `${role}@tests.invalid`, title: null, active: true },
        },
        {
          ...base,
          entityType: 'user',
          entityId: userId,
          kind: 'user.role_granted',
          payload: { teamId, role },
        },
      ],
      { recordedTime: at },
    );
    await saveCredential(conn, { userId, passwordHash: await hashPassword(testPassword), updatedAt: at });
  });
  return signIn(app, `${role}@tests.invalid`);
}
