import type { FastifyInstance } from 'fastify';
import { createOrgContextCache, type OrgContextCache } from '../services/org-context-cache.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The organisation's settings and currencies, briefly remembered by this app server. */
    orgContext: OrgContextCache;
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Gives the app its org-context cache (read routes pass `app.orgContext.read` to their services)
 * and forgets it after any change an admin makes (settings, currencies, an import started), so
 * the change counts on this server from the next request.
 */
export function registerOrgContextCache(app: FastifyInstance, options: { ttlMs?: number } = {}): void {
  const cache = createOrgContextCache(options);
  app.decorate('orgContext', cache);
  app.addHook('onResponse', async (request) => {
    if (request.routeOptions.config.access === 'administer' && !safeMethods.has(request.method)) {
      cache.forget();
    }
  });
}
