import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { csrfHeaderName } from '../../api/session.js';
import { noAccess, isEmptyScope } from '../../services/access.js';
import { DomainError } from '../../services/errors.js';
import { createSessionResolver, type SessionResolver } from '../../services/session-resolver.js';
import type { AppDeps } from '../app-deps.js';
import type { RouteAccess } from './route-access.js';
import { readSessionToken } from './session-cookie.js';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** An API route with the access it declared; the access table test checks each has a row. */
export type DeclaredRoute = { method: string; url: string; access: RouteAccess };

declare module 'fastify' {
  interface FastifyInstance {
    declaredRoutes: readonly DeclaredRoute[];
    /** Resolves session tokens (briefly remembered); sign-out tells it to forget. */
    sessions: SessionResolver;
  }
}

/**
 * The one place that decides who may call what. It reads the session cookie into
 * `request.principal`, sets `request.scope` (the deals this request may read), and refuses a call
 * before its handler runs when the route's declared access is not met: 401 without a session, 403
 * without the role, 403 for a state-changing request without the session's CSRF token.
 * Services then cut every list and total to the scope they are given.
 */
export function registerAccessControl(app: FastifyInstance, deps: AppDeps): void {
  const sessions = createSessionResolver(deps.db);
  app.decorate('sessions', sessions);
  app.decorateRequest('principal', null);
  app.decorateRequest('scope');
  app.decorateRequest('sessionToken', null);

  const declared: DeclaredRoute[] = [];
  app.decorate('declaredRoutes', declared);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) return; // the web app's files carry no data
    const access = route.config?.access;
    if (access === undefined) {
      throw new Error(`route ${route.method} ${route.url} declares no access level`);
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') declared.push({ method, url: route.url, access });
    }
  });

  // A change made by an admin (roles, teams, people) may change anyone's access: forget every
  // remembered session on this server so it counts from the next request.
  app.addHook('onResponse', async (request) => {
    if (request.routeOptions.config.access === 'administer' && !safeMethods.has(request.method)) {
      sessions.forget('all');
    }
  });

  app.addHook('onRequest', async (request) => {
    const token = readSessionToken(request);
    request.sessionToken = token;
    request.principal = token ? await sessions.resolve(token, deps.clock()) : null;
    request.scope = request.principal?.access.read ?? noAccess;
    if (!request.url.startsWith('/api')) return;
    const access = request.routeOptions.config.access;
    checkAccess(request, access);
  });
}

function checkAccess(request: FastifyRequest, access: RouteAccess | undefined): void {
  if (access === 'public') {
    if (!safeMethods.has(request.method)) refuseCrossSite(request);
    return;
  }
  const principal = request.principal;
  if (!principal) {
    throw new DomainError('unauthenticated', 'sign in first: this needs a session');
  }
  if (access === undefined) return; // an unknown path: signed-in callers get the plain 404
  if (!safeMethods.has(request.method)) requireCsrfToken(request, principal.session.csrfToken);
  const allowed =
    access === 'signed-in' ||
    (access === 'read' && !isEmptyScope(principal.access.read)) ||
    (access === 'edit-deals' && !isEmptyScope(principal.access.editDeals)) ||
    (access === 'forecast' && !isEmptyScope(principal.access.forecast)) ||
    (access === 'administer' && principal.access.administer);
  if (!allowed) {
    throw new DomainError('forbidden', `your roles do not allow this: it needs ${needs[access]}`);
  }
}

const needs: Record<Exclude<RouteAccess, 'public' | 'signed-in'>, string> = {
  read: 'a role that sees deals (rep, manager, executive, viewer or admin)',
  'edit-deals': 'a role that edits deals (rep or manager)',
  forecast: 'a role that submits forecasts (rep, manager or executive)',
  administer: 'the admin role',
};

function requireCsrfToken(request: FastifyRequest, expected: string): void {
  const sent = request.headers[csrfHeaderName];
  const given = Buffer.from(typeof sent === 'string' ? sent : '');
  const wanted = Buffer.from(expected);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
    throw new DomainError(
      'forbidden',
      `this change needs the session's CSRF token in the ${csrfHeaderName} header (GET /api/session gives it)`,
    );
  }
}

/** Sign-in has no session yet: refuse it when a browser says it comes from another site. */
function refuseCrossSite(request: FastifyRequest): void {
  const fetchSite = request.headers['sec-fetch-site'];
  const origin = request.headers.origin;
  const crossSite =
    fetchSite === 'cross-site' || (typeof origin === 'string' && originHost(origin) !== request.host);
  if (crossSite) throw new DomainError('forbidden', 'requests from another site are refused');
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
