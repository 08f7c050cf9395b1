import type { Principal } from '../../core/principal.js';
import { formatMinor } from '../../core/money.js';
import { listBridgeCallers } from '../../store/bridge-callers.js';
import { listCallSubmissions } from '../../store/call-queries.js';
import { withConnection, type DatabaseHandle } from '../../store/session.js';
import { getOrgContext } from '../org-context.js';
import type { BridgeCall } from './get-bridge.js';

/**
 * The forecast call a bridge measures against when none is given: the latest commit call for the
 * period submitted at or before `at` by the person the view belongs to — the signed-in person for
 * their own view, else a manager or executive of the team asked for (of the top team for the whole
 * organisation). Null when no such call was made.
 */
export async function findLatestBridgeCall(
  handle: DatabaseHandle,
  options: { period: string; at: Date; principal: Principal | null; teamId: string | null },
): Promise<BridgeCall | null> {
  return withConnection(handle, async (conn) => {
    const callers =
      options.principal && options.teamId === null
        ? [options.principal.userId]
        : await listBridgeCallers(conn, options.teamId);
    if (callers.length === 0) return null;
    const submissions = (
      await listCallSubmissions(conn, { periods: [options.period], userIds: callers })
    ).filter((s) => s.submittedAt <= options.at);
    // Prefer the first caller in order (the executive), then the latest submission.
    for (const caller of callers) {
      const latest = submissions.filter((s) => s.userId === caller).at(-1);
      if (!latest) continue;
      const org = await getOrgContext(conn);
      return {
        amount: formatMinor(latest.commitMinor, org.corporateDecimals),
        source: 'ledger',
        by: latest.userId,
        submittedAt: latest.submittedAt,
      };
    }
    return null;
  });
}
