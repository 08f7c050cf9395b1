import { periodInstants } from '../../core/fiscal-calendar.js';
import { withConnection, type DatabaseHandle } from '../../store/session.js';
import { getOrgContext } from '../org-context.js';

/**
 * The two moments of a bridge: those given, or else the start of the period and its end (or now,
 * when the period is still under way).
 */
export async function resolveBridgeWindow(
  handle: DatabaseHandle,
  options: { period: string; from: Date | null; to: Date | null; now: Date },
): Promise<{ from: Date; to: Date }> {
  if (options.from && options.to) return { from: options.from, to: options.to };
  const org = await withConnection(handle, (conn) => getOrgContext(conn));
  const bounds = periodInstants(org.calendar, options.period);
  return {
    from: options.from ?? bounds.start,
    to: options.to ?? (bounds.end < options.now ? bounds.end : options.now),
  };
}
