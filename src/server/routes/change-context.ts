import type { FastifyRequest } from 'fastify';
import { clientHeaderName, webClientName } from '../../api/opportunity-edit.js';
import type { AppDeps } from '../app-deps.js';
import { requirePrincipal } from '../auth/require-principal.js';

/**
 * Who makes a change and from where: the signed-in person, `ui` when the web app sent it (it
 * says so in the x-candor-client header) and `api` otherwise, at the app's clock.
 */
export function changeContext(
  request: FastifyRequest,
  deps: Pick<AppDeps, 'clock'>,
): { actor: string; source: 'ui' | 'api'; now: Date } {
  return {
    actor: requirePrincipal(request).userId,
    source: request.headers[clientHeaderName] === webClientName ? 'ui' : 'api',
    now: deps.clock(),
  };
}
