import { readLedgerHead } from '../store/org-queries.js';
import { withConnection, type DatabaseHandle } from '../store/session.js';

/** The chain length and head hash: what a report says it was computed from. */
export async function getLedgerHead(handle: DatabaseHandle): Promise<{ length: string; head: string }> {
  const head = await withConnection(handle, (conn) => readLedgerHead(conn));
  return { length: head.length.toString(), head: head.head };
}
