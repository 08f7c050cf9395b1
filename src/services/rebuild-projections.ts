import { rebuildProjections as rebuildAll } from '../store/refresh-projections.js';
import { withTransaction, type DatabaseHandle } from '../store/session.js';

/** Recreates every projection from the ledger, in one transaction: readers see old or new, never half. */
export async function rebuildProjections(
  handle: DatabaseHandle,
  onProgress?: (done: number, total: number) => void,
): Promise<{ entities: number }> {
  return withTransaction(handle, (conn) => rebuildAll(conn, onProgress));
}
