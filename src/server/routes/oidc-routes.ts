import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError } from '../../services/errors.js';
import { createOidcDiscoveryCache } from '../../services/oidc/discover-oidc-issuer.js';
import { finishOidcSignIn } from '../../services/oidc/finish-oidc-sign-in.js';
import { oidcLoginLifetimeMinutes, startOidcSignIn } from '../../services/oidc/start-oidc-sign-in.js';
import type { AppDeps } from '../app-deps.js';
import { setSessionCookie } from '../auth/session-cookie.js';
import { problemResponses } from './problem-responses.js';
import type { ZodApp } from './zod-app.js';

const callbackPath = '/api/auth/oidc/callback';
/** Ties a sign-in to the browser that started it; sent only to the OIDC routes. */
const stateCookieName = 'candor_oidc_state';
const stateCookiePath = '/api/auth/oidc';

/** A redirect has no body: documented as `null` so the OpenAPI description gives it no content. */
const redirect = (description: string) => z.null().describe(description);

/**
 * Single sign-on with an OpenID Connect provider (docs/sso.md): `start` sends the browser to the
 * provider, `callback` receives it back and signs the person in. Both are plain browser
 * navigations, so both answer with redirects; a refused sign-in goes to the sign-in page with a
 * short code (`/sign-in?error=no-account`), its reason goes to the log.
 */
export function registerOidcRoutes(app: ZodApp, deps: AppDeps): void {
  // The provider's discovered configuration, cached for this app instance only.
  const discovery = createOidcDiscoveryCache();

  app.get(
    '/auth/oidc/start',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Begin signing in through the identity provider (a browser navigation)',
        tags: ['sessions'],
        querystring: z.object({
          returnTo: z
            .string()
            .optional()
            .catch(undefined)
            .describe('a path on this site to open after signing in; anything else means /'),
        }),
        response: {
          302: redirect('to the provider, or to /sign-in?error=provider-unavailable'),
          ...problemResponses(404),
        },
      },
    },
    async (request, reply) => {
      const settings = deps.config.oidc;
      if (!settings) throw new DomainError('not-found', 'single sign-on is not configured on this server');
      const started = await startOidcSignIn(deps.db, {
        settings,
        discovery,
        redirectUri: redirectUri(request, deps.config.publicUrl),
        returnTo: request.query.returnTo,
        now: deps.clock(),
      });
      if (started.outcome === 'refused') return refuse(request, reply, started.reason, started.detail);
      reply.setCookie(stateCookieName, started.state, {
        path: stateCookiePath,
        httpOnly: true,
        // Lax: the cookie comes back on the provider's redirect, a top-level navigation.
        sameSite: 'lax',
        secure: request.protocol === 'https',
        maxAge: oidcLoginLifetimeMinutes * 60,
      });
      return reply.redirect(started.authorizationUrl, 302);
    },
  );

  app.get(
    '/auth/oidc/callback',
    {
      config: { access: 'public' },
      // The query carries the authorization code: the request log gets the path only.
      logSerializers: { req: withoutQuery },
      schema: {
        summary: 'Where the identity provider sends the browser back; signs in and redirects',
        tags: ['sessions'],
        querystring: z.looseObject({
          code: z.string().optional(),
          state: z.string().optional(),
          error: z.string().optional(),
        }),
        response: {
          302: redirect('to the page asked for at start, signed in; or to /sign-in?error=<code>'),
          ...problemResponses(404),
        },
      },
    },
    async (request, reply) => {
      const settings = deps.config.oidc;
      if (!settings) throw new DomainError('not-found', 'single sign-on is not configured on this server');
      const browserState = request.cookies[stateCookieName];
      reply.clearCookie(stateCookieName, { path: stateCookiePath });
      const finished = await finishOidcSignIn(deps.db, {
        settings,
        discovery,
        redirectUri: redirectUri(request, deps.config.publicUrl),
        query: rawQuery(request.url),
        browserState: typeof browserState === 'string' ? browserState : null,
        now: deps.clock(),
        address: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      if (finished.outcome === 'refused') return refuse(request, reply, finished.reason, finished.detail);
      setSessionCookie(request, reply, finished.session);
      request.log.info({ userId: finished.userId }, 'signed in through single sign-on');
      return reply.redirect(finished.returnTo, 302);
    },
  );
}

/**
 * The callback URL registered at the provider. PUBLIC_URL when set (behind a proxy the request's
 * own host may be an internal name); otherwise this request's origin, which only works if that is
 * the address registered at the provider, as the provider refuses any other.
 */
function redirectUri(request: FastifyRequest, publicUrl: string | undefined): string {
  const base = publicUrl ? publicUrl.replace(/\/+$/, '') : `${request.protocol}://${request.host}`;
  return `${base}${callbackPath}`;
}

/** Fastify's request log entry, but with the query string replaced. */
function withoutQuery(request: FastifyRequest) {
  const at = request.url.indexOf('?');
  return {
    method: request.method,
    url: at === -1 ? request.url : `${request.url.slice(0, at)}?(not logged)`,
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket.remotePort,
  };
}

function rawQuery(url: string): string {
  const at = url.indexOf('?');
  return at === -1 ? '' : url.slice(at + 1);
}

function refuse(request: FastifyRequest, reply: FastifyReply, reason: string, detail: string): FastifyReply {
  request.log.warn({ reason, detail }, 'single sign-on refused');
  return reply.redirect(`/sign-in?error=${encodeURIComponent(reason)}`, 302);
}
