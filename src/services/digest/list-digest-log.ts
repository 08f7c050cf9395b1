import { listDigestDeliveries, type DigestDelivery } from '../../store/digest-deliveries.js';
import { withConnection, type DatabaseHandle } from '../../store/session.js';

/** The delivery log: the latest e-mail and webhook deliveries of digests, newest first. */
export async function listDigestLog(
  handle: DatabaseHandle,
  options: { limit: number },
): Promise<
  (Omit<DigestDelivery, 'createdAt' | 'finishedAt'> & { createdAt: string; finishedAt: string | null })[]
> {
  const rows = await withConnection(handle, (conn) => listDigestDeliveries(conn, options.limit));
  return rows.map((row) => ({
    ...row,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  }));
}
