import type { FastifyRequest } from 'fastify';
import type { Principal } from '../../services/access.js';
import { DomainError } from '../../services/errors.js';

/** The signed-in person of a route that declared an access level other than `public`. */
export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw new DomainError('unauthenticated', 'sign in first: this needs a session');
  return request.principal;
}
