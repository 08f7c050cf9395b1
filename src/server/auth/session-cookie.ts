import type { FastifyReply, FastifyRequest } from 'fastify';
import { sessionCookieName } from '../../api/session.js';

/**
 * The session travels in one cookie: HttpOnly (scripts cannot read it), SameSite=Lax (other sites
 * cannot send it with their forms or fetches; a link from an e-mail still opens signed in), and
 * Secure whenever the request came over HTTPS (directly or, with TRUST_PROXY, through a proxy).
 */
export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  session: { token: string; expiresAt: Date },
): void {
  reply.setCookie(sessionCookieName, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    expires: session.expiresAt,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(sessionCookieName, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
  });
}

export function readSessionToken(request: FastifyRequest): string | null {
  const token = request.cookies[sessionCookieName];
  return typeof token === 'string' && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : null;
}
