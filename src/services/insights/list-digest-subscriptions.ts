import type { DigestSubscription } from '../../core/insights/digest-subscription.js';
import { listDigestSubscriptions } from '../../store/insight-subscriptions.js';
import { withConnection, type DatabaseHandle } from '../../store/session.js';

/** Every digest subscription, active or not, by name. */
export async function getDigestSubscriptions(handle: DatabaseHandle): Promise<DigestSubscription[]> {
  return withConnection(handle, (conn) => listDigestSubscriptions(conn));
}
