import { rebuildProjections as rebuildAll } from '../store/refresh-projections.js';
import { refreshProjectionStatistics } from '../store/refresh-projection-statistics.js';
import { withConnection, withTransaction, type DatabaseHandle } from '../store/session.js';

/** Recreates every projection from the ledger, in one transaction: readers see old or new, never half. */
export async function rebuildProjections(
  handle: DatabaseHandle,
  onProgress?: (done: number, total: number) => void,
): Promise<{ entities: number }> {
  const result = await withTransaction(handle, (conn) => rebuildAll(conn, onProgress));
  await withConnection(handle, (conn) => refreshProjectionStatistics(conn));
  return result;
}
