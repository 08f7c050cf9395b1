import type { Principal } from '../core/principal.js';
import type { DatabaseHandle } from '../store/session.js';
import { resolveSession } from './resolve-session.js';

export type SessionResolver = {
  /** The person behind a session token, as resolveSession answers, remembered for `ttlMs`. */
  resolve: (token: string, now: Date) => Promise<Principal | null>;
  /** Forgets one token, every token of a person (sign-out everywhere), or everything (roles changed). */
  forget: (target: { token: string } | { userId: string } | 'all') => void;
};

/**
 * Reading a session and computing access from the team tree takes three queries; a page load makes
 * several API calls at once, and 32 concurrent clients on one embedded connection would queue
 * behind them. Each app server therefore remembers a resolved session for a moment (2 s by
 * default). The price: a role revoked or a session ended on another app server takes effect there
 * up to that long later; on this server, signing out is immediate.
 */
export function createSessionResolver(
  handle: DatabaseHandle,
  options: { ttlMs?: number; monotonicMs?: () => number } = {},
): SessionResolver {
  const ttlMs = options.ttlMs ?? 2000;
  // Freshness is measured on a monotonic timer, not the business clock (tests freeze that one).
  const monotonicMs = options.monotonicMs ?? (() => performance.now());
  const cache = new Map<string, { principal: Principal | null; at: number }>();
  return {
    resolve: async (token, now) => {
      const hit = cache.get(token);
      const age = hit ? monotonicMs() - hit.at : Infinity;
      if (hit && age < ttlMs && (!hit.principal || hit.principal.session.expiresAt > now)) {
        return hit.principal;
      }
      const principal = await resolveSession(handle, { token, now });
      if (cache.size > 10_000) cache.clear(); // bounded: a flood of made-up tokens cannot grow it
      cache.set(token, { principal, at: monotonicMs() });
      return principal;
    },
    forget: (target) => {
      if (target === 'all') {
        cache.clear();
        return;
      }
      if ('token' in target) {
        cache.delete(target.token);
        return;
      }
      for (const [token, entry] of cache) {
        if (entry.principal?.userId === target.userId) cache.delete(token);
      }
    },
  };
}
