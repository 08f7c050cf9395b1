import type { AppDeps } from '../app-deps.js';
import { registerAdminConfigRoutes } from './admin-config-routes.js';
import { registerAdminTeamRoutes } from './admin-team-routes.js';
import { registerAdminUserRoutes } from './admin-user-routes.js';
import type { ZodApp } from './zod-app.js';

/**
 * Administration under /api/admin, all with access `administer`: people and roles, teams, stages,
 * settings and currencies. Every change is a ledger event with the admin as its actor.
 */
export function registerAdminRoutes(app: ZodApp, deps: AppDeps): void {
  registerAdminUserRoutes(app, deps);
  registerAdminTeamRoutes(app, deps);
  registerAdminConfigRoutes(app, deps);
}
