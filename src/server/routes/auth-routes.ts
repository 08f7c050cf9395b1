import {
  sessionSchema,
  signInOptionsSchema,
  signInRequestSchema,
  signOutRequestSchema,
  signOutResultSchema,
} from '../../api/session.js';
import { checkHealth } from '../../services/check-health.js';
import { DomainError } from '../../services/errors.js';
import { getSessionSummary } from '../../services/get-session-summary.js';
import { signInWithPassword } from '../../services/sign-in-with-password.js';
import { resolveSession } from '../../services/resolve-session.js';
import { signOut } from '../../services/sign-out.js';
import type { AppDeps } from '../app-deps.js';
import { requirePrincipal } from '../auth/require-principal.js';
import { clearSessionCookie, setSessionCookie } from '../auth/session-cookie.js';
import { problemResponses } from './problem-responses.js';
import type { ZodApp } from './zod-app.js';

export function registerAuthRoutes(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/auth/options',
    {
      config: { access: 'public' },
      schema: {
        summary: 'How one can sign in here, and which organisation this is',
        tags: ['sessions'],
        response: { 200: signInOptionsSchema },
      },
    },
    async () => {
      const health = await checkHealth(deps.db);
      return {
        password: true,
        oidc: { enabled: deps.config.oidc !== undefined, label: deps.config.oidc?.label ?? '' },
        organisation: health.organisation,
      };
    },
  );

  app.post(
    '/auth/sign-in',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Sign in with e-mail and password; sets the session cookie',
        tags: ['sessions'],
        body: signInRequestSchema,
        response: { 200: sessionSchema, ...problemResponses(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const signedIn = await signInWithPassword(deps.db, {
        email: request.body.email,
        password: request.body.password,
        address: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        now: deps.clock(),
      });
      setSessionCookie(request, reply, signedIn);
      const principal = await resolveSession(deps.db, { token: signedIn.token, now: deps.clock() });
      if (!principal) throw new DomainError('unauthenticated', 'the new session could not be read back');
      return getSessionSummary(deps.db, principal, deps.clock());
    },
  );

  app.get(
    '/session',
    {
      config: { access: 'signed-in' },
      schema: {
        summary: 'Who is signed in, their roles and scope, and the CSRF token for changes',
        tags: ['sessions'],
        response: { 200: sessionSchema, ...problemResponses(401) },
      },
    },
    async (request) => getSessionSummary(deps.db, requirePrincipal(request), deps.clock()),
  );

  app.post(
    '/auth/sign-out',
    {
      config: { access: 'signed-in' },
      schema: {
        summary: 'End this session, or with everywhere: true every session of this person',
        tags: ['sessions'],
        body: signOutRequestSchema,
        response: { 200: signOutResultSchema, ...problemResponses(401, 403) },
      },
    },
    async (request, reply) => {
      const result = await signOut(deps.db, {
        token: request.sessionToken ?? '',
        userId: requirePrincipal(request).userId,
        everywhere: request.body.everywhere,
        now: deps.clock(),
      });
      request.server.sessions.forget(
        request.body.everywhere
          ? { userId: requirePrincipal(request).userId }
          : { token: request.sessionToken ?? '' },
      );
      clearSessionCookie(request, reply);
      return result;
    },
  );
}
