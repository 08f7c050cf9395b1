import { sql, type RawBuilder } from 'kysely';
import type { AccessScope } from '../core/access-scope.js';
import {
  defaultEngagementSettings,
  engagementSettingsSchema,
  type Cadence,
  type EngagementSettings,
  type Meeting,
  type MeetingStatus,
  type StrategicAccountRecord,
} from '../core/engagement/engagement-records.js';
import type { Connection } from '../db/connection.js';
import { scopeSql } from './deal-source.js';
import { accountVisibleSql } from './insight-queries.js';
import { corporateAmountSql } from './money-sql.js';

type Db = Pick<Connection, 'db'>;

export async function findEngagementSettings(conn: Db): Promise<EngagementSettings> {
  const row = await conn.db.selectFrom('engagement_settings').select('settings').executeTakeFirst();
  return row ? engagementSettingsSchema.parse(row.settings) : defaultEngagementSettings;
}

export async function listStrategicAccountRecords(conn: Db): Promise<Map<string, StrategicAccountRecord>> {
  const rows = await conn.db.selectFrom('strategic_accounts').selectAll().execute();
  return new Map(
    rows.map((r) => [
      r.account_id,
      { strategicTag: r.strategic_tag, sponsorId: r.sponsor_id, cadence: r.cadence as Cadence },
    ]),
  );
}

/** Users who hold the executive role somewhere, with their names. */
export async function listExecutives(conn: Db): Promise<{ id: string; name: string }[]> {
  const result = await sql<{ id: string; name: string }>`
    select distinct u.id, u.name from users u join memberships m on m.user_id = u.id
    where m.role = 'executive' and u.active order by u.name, u.id`.execute(conn.db);
  return result.rows;
}

/**
 * Per account the caller may see: won value in each of the given day ranges and the open pipeline,
 * in the corporate currency, over the caller's deals only.
 */
export async function listAccountRevenue(
  conn: Db,
  query: { scope: AccessScope; corporateCurrency: string; ranges: readonly { start: string; end: string }[] },
): Promise<{ accountId: string; name: string; wonByRangeMinor: bigint[]; openMinor: bigint }[]> {
  const wonColumns = query.ranges.map(
    (r, i) =>
      sql`coalesce(sum(d.amount) filter (where d.is_won and d.close_date >= ${r.start} and d.close_date < ${r.end}), 0)::text as ${sql.ref(`won_${i}`)}`,
  );
  const result = await sql<Record<string, string>>`
    select a.id as account_id, a.name,
           ${sql.join(wonColumns, sql`, `)},
           coalesce(sum(d.amount) filter (where not d.is_closed), 0)::text as open
    from accounts a
    left join lateral (
      select o.is_won, o.is_closed, o.close_date, ${corporateAmountSql('o', query.corporateCurrency)} as amount
      from opportunities o where o.account_id = a.id and ${scopeSql('o', query.scope)}
    ) d on true
    where ${accountVisibleSql('a', query.scope)}
    group by a.id, a.name
    order by a.id`.execute(conn.db);
  return result.rows.map((r) => ({
    accountId: String(r.account_id),
    name: String(r.name),
    wonByRangeMinor: query.ranges.map((_, i) => BigInt(r[`won_${i}`] ?? '0')),
    openMinor: BigInt(r.open ?? '0'),
  }));
}

export type MeetingRow = Meeting & {
  accountName: string | null;
  /** The related deal's close date as it stood when the meeting started (its first version if the meeting came first). */
  closeDateAtMeeting: string | null;
  deal: {
    name: string;
    isClosed: boolean;
    isWon: boolean;
    closeDate: string | null;
    corporateAmountMinor: bigint | null;
  } | null;
};

/** Meetings on accounts the caller may see, starting in [from, to), oldest first. */
export async function listMeetings(
  conn: Db,
  query: {
    scope: AccessScope;
    corporateCurrency: string;
    from?: Date;
    to?: Date;
    accountId?: string;
    meetingId?: string;
  },
): Promise<MeetingRow[]> {
  const filters: RawBuilder<unknown>[] = [accountVisibleSql('a', query.scope)];
  if (query.from) filters.push(sql`m.starts_at >= ${query.from}`);
  if (query.to) filters.push(sql`m.starts_at < ${query.to}`);
  if (query.accountId) filters.push(sql`m.account_id = ${query.accountId}`);
  if (query.meetingId) filters.push(sql`m.id = ${query.meetingId}`);
  const result = await sql<{
    id: string;
    account_id: string;
    account_name: string | null;
    opportunity_id: string | null;
    title: string;
    starts_at: Date;
    duration_minutes: number;
    status: string;
    planned: boolean;
    attendee_ids: string[];
    external_attendees: string[];
    outcome: string | null;
    next_steps: string | null;
    close_at_meeting: string | null;
    deal_name: string | null;
    is_closed: boolean | null;
    is_won: boolean | null;
    close_date: string | null;
    amount: string | null;
  }>`
    select m.*, a.name as account_name,
           coalesce(
             (select v.close_date::text from opportunity_versions v
               where v.id = m.opportunity_id and v.valid_from <= m.starts_at and v.valid_to > m.starts_at limit 1),
             (select v.close_date::text from opportunity_versions v where v.id = m.opportunity_id
               order by v.valid_from limit 1)) as close_at_meeting,
           o.name as deal_name, o.is_closed, o.is_won, o.close_date::text as close_date,
           ${corporateAmountSql('o', query.corporateCurrency)} as amount
    from meetings m
    join accounts a on a.id = m.account_id
    left join opportunities o on o.id = m.opportunity_id
    where ${sql.join(filters, sql` and `)}
    order by m.starts_at, m.id`.execute(conn.db);
  return result.rows.map((r) => ({
    id: r.id,
    accountId: r.account_id,
    accountName: r.account_name,
    opportunityId: r.opportunity_id,
    title: r.title,
    startsAt: r.starts_at.toISOString(),
    durationMinutes: r.duration_minutes,
    status: r.status as MeetingStatus,
    planned: r.planned,
    attendeeIds: r.attendee_ids,
    externalAttendees: r.external_attendees,
    outcome: r.outcome,
    nextSteps: r.next_steps,
    closeDateAtMeeting: r.close_at_meeting,
    deal:
      r.deal_name === null
        ? null
        : {
            name: r.deal_name,
            isClosed: r.is_closed === true,
            isWon: r.is_won === true,
            closeDate: r.close_date,
            corporateAmountMinor: r.amount === null ? null : BigInt(r.amount),
          },
  }));
}

/** Per account, the start of the latest programme meeting held before an instant. */
export async function listLastHeldMeetings(conn: Db, before: Date): Promise<Map<string, Date>> {
  const result = await sql<{ account_id: string; last: Date }>`
    select account_id, max(starts_at) as last from meetings
    where planned and status = 'held' and starts_at < ${before}
    group by account_id`.execute(conn.db);
  return new Map(result.rows.map((r) => [r.account_id, r.last]));
}
