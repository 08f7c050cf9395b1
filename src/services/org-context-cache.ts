import type { Connection } from '../store/session.js';
import { getOrgContext, type OrgContext, type OrgContextReader } from './org-context.js';

export type OrgContextCache = {
  /** The org context as `getOrgContext` answers it, remembered for `ttlMs`. */
  read: OrgContextReader;
  /** Forgets it: the next read goes to the database (an admin changed settings or currencies). */
  forget: () => void;
};

/**
 * The organisation's settings and currencies take two queries, and every read request needs them;
 * under 32 concurrent clients those two queries were a third of the deal list's statements. Each
 * app server therefore remembers them for a moment (2 s by default), like resolved sessions
 * (session-resolver.ts). Concurrent readers of an expired entry share one read. The price: a
 * change made on another app server, by the CLI or by an import finishing in the background shows
 * here up to that long later; an admin change on this server is forgotten at once (see
 * src/server/register-org-context-cache.ts). Failures are not remembered: an empty database keeps
 * answering "no organisation yet" only until one exists.
 */
export function createOrgContextCache(
  options: { ttlMs?: number; monotonicMs?: () => number; read?: OrgContextReader } = {},
): OrgContextCache {
  const ttlMs = options.ttlMs ?? 2000;
  // Freshness is measured on a monotonic timer, not the business clock (tests freeze that one).
  const monotonicMs = options.monotonicMs ?? (() => performance.now());
  const readAfresh = options.read ?? getOrgContext;
  let remembered: { value: Promise<OrgContext>; at: number } | null = null;
  return {
    read: (conn: Pick<Connection, 'db'>) => {
      if (remembered && monotonicMs() - remembered.at < ttlMs) return remembered.value;
      const entry = { value: readAfresh(conn), at: monotonicMs() };
      remembered = entry;
      entry.value.catch(() => {
        // A failed read is not remembered (unless a newer read has replaced it already).
        if (remembered === entry) remembered = null;
      });
      return entry.value;
    },
    forget: () => {
      remembered = null;
    },
  };
}
