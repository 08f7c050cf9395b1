import { sql, type Kysely } from 'kysely';

/**
 * "The pipeline of period P as of T" keeps the versions closing in P that were valid at T:
 * `valid_from <= T < valid_to`. The first index, (close_date, valid_from, valid_to), could only
 * narrow by `valid_from <= T`, which keeps every earlier version of every deal (on 2,000,000
 * versions, 290,000 index entries read to keep 11,500), then fetched each row from the heap.
 *
 * Ordered by valid_to instead, the bound `valid_to > T` keeps only the versions valid at T and the
 * few made after it; the engine's skip scan (PostgreSQL 18, the embedded engine) descends once per
 * close day, and on the server the range read is still bounded by it. The columns the as-of
 * totals, the deal count and the bridge's candidates read are included, so those reads are
 * index-only wherever the visibility map is current (see refreshProjectionStatistics).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migrations take an untyped Kysely
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index opportunity_versions_valid_at on opportunity_versions (close_date, valid_to)
    include (id, valid_from, owner_id, forecast_category, is_closed, amount_minor, currency)`.execute(db);
  await sql`drop index opportunity_versions_asof`.execute(db);
}
