import type { FastifyRequest } from 'fastify';
import { everything, type AccessScope } from '../services/access.js';

/**
 * The one place that decides which deals a request may see; every route passes `request.scope`
 * down to its service. Sign-in comes with its own capability: then this reads the session's user
 * and computes the scope from the team tree and that user's roles (reps their own deals, managers
 * their subtree, executives and viewers everything), and a request without a session gets none.
 * Until then every caller sees everything, as on a single-user machine.
 */
export async function resolveScope(_request: FastifyRequest): Promise<AccessScope> {
  return everything;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Resolved once per request, before any handler runs. */
    scope: AccessScope;
  }
  interface FastifyContextConfig {
    /** A route anyone may call without signing in (health, the API description). */
    public?: boolean;
  }
}
