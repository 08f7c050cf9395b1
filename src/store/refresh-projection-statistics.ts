import { sql } from 'kysely';
import type { Connection } from '../db/connection.js';

/**
 * After a bulk write (an import, the demo, a rebuild): vacuums and analyses the deal projections and
 * the per-deal hygiene facts kept beside them, so that the planner's statistics are current and the
 * visibility map marks the new pages all-visible.
 * The as-of and bridge reads are index-only scans of `opportunity_versions_valid_at`, which only
 * skip the heap on all-visible pages; the embedded engine has no autovacuum to do this later, so
 * without it every freshly imported version would be fetched from the heap row by row. Vacuum
 * reads only pages not yet all-visible, so it costs in proportion to what was just written.
 * Runs outside any transaction (VACUUM cannot run inside one).
 */
export async function refreshProjectionStatistics(conn: Pick<Connection, 'db'>): Promise<void> {
  await sql`vacuum (analyze) opportunity_versions, opportunities, hygiene_deal_facts, hygiene_stage_stays`.execute(
    conn.db,
  );
}
