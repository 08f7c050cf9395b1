import { sql, type Kysely } from 'kysely';

/**
 * Pipeline totals, now and as of a moment, read from indexes alone.
 *
 * "The pipeline of period P as of T" keeps the versions closing in P that were valid at T:
 * `valid_from <= T < valid_to`. The first index, (close_date, valid_from, valid_to), could only
 * narrow by `valid_from <= T`, which keeps every earlier version of every deal (on 2,000,000
 * versions, 290,000 index entries read to keep 11,500), then fetched each row from the heap.
 * Ordered by valid_to instead, the bound `valid_to > T` keeps only the versions valid at T and the
 * few made after it; the embedded engine (PostgreSQL 18) skip-scans it once per close day.
 *
 * The current-state indexes by close date and by owner and close date gain the columns the totals
 * read, like the versions index, so a quarter's totals and the deal count skip the heap.
 *
 * Index-only reads skip the heap only on all-visible pages: see refreshProjectionStatistics.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migrations take an untyped Kysely
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index opportunity_versions_valid_at on opportunity_versions (close_date, valid_to)
    include (id, valid_from, owner_id, forecast_category, is_closed, amount_minor, currency)`.execute(db);
  await sql`drop index opportunity_versions_asof`.execute(db);
  await sql`create index opportunities_close_totals on opportunities (close_date)
    include (owner_id, forecast_category, amount_minor, currency)`.execute(db);
  await sql`drop index opportunities_close`.execute(db);
  await sql`create index opportunities_owner_close_totals on opportunities (owner_id, close_date)
    include (forecast_category, amount_minor, currency)`.execute(db);
  await sql`drop index opportunities_owner_close`.execute(db);
}
