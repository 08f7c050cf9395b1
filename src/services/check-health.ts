import { findOrgSettings, readLedgerHead } from '../store/org-queries.js';
import { withConnection, type DatabaseHandle, type Engine } from '../store/session.js';

export type HealthReport = {
  engine: Engine;
  ledger: { length: string; head: string };
  organisation: { name: string; isDemo: boolean } | null;
};

/** Proves the database answers by reading the chain head and the organisation. Throws when it does not. */
export async function checkHealth(handle: DatabaseHandle): Promise<HealthReport> {
  return withConnection(handle, async (conn) => {
    const head = await readLedgerHead(conn);
    const settings = await findOrgSettings(conn);
    return {
      engine: handle.engine,
      ledger: { length: head.length.toString(), head: head.head },
      organisation: settings ? { name: settings.name, isDemo: settings.isDemo } : null,
    };
  });
}
