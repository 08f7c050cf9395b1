import type { AccessScope, Principal } from '../../services/access.js';

/**
 * What a route needs from its caller. Every route declares one (registration fails without), so a
 * new route cannot be reachable by accident:
 * - `public`: anyone, signed in or not (health, the sign-in page's options, sign-in itself);
 * - `signed-in`: any session (who am I, sign out);
 * - `read`: a role that sees some deals; lists and totals are then cut to `request.scope`;
 * - `edit-deals`, `forecast`, `administer`: a role that grants that action.
 */
export const routeAccessLevels = [
  'public',
  'signed-in',
  'read',
  'edit-deals',
  'forecast',
  'administer',
] as const;
export type RouteAccess = (typeof routeAccessLevels)[number];

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person, or null. Set before any handler runs. */
    principal: Principal | null;
    /** The deals this request may read: the principal's read scope (nothing when signed out). */
    scope: AccessScope;
    /** The raw session token from the cookie, for signing out. */
    sessionToken: string | null;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}
