import type { JsonValue } from '../../core/canonical-json.js';
import { planMembershipEvents, planRecordEvent } from '../../core/import/plan-record-event.js';
import type { EntityType, NewEvent } from '../../core/ledger-event.js';
import type {
  AccountRecord,
  ActivityRecord,
  Membership,
  TeamRecord,
  UserRecord,
} from '../../core/org-entities.js';
import { findAccounts, findActivities, findTeams, findUsers } from '../../store/import-records.js';
import type { Connection } from '../../store/session.js';
import type { ImportBatch } from './import-batch.js';

/** A record a file describes, with the times and origin its events take. */
export type ImportedRecord<T> = {
  id: string;
  record: T;
  /** Business time of its creation (the source's created date, else the import's time). */
  createdAt: Date;
  /** Business time of a change found on re-import (the source's modified date, else the import's time). */
  changedAt: Date;
  /** Stable key of the record in its source, e.g. `sf:Account:001…`; change events extend it. */
  originKey: string;
};

type Payload = { [key: string]: JsonValue };

const kinds = {
  team: ['team.created', 'team.changed'],
  user: ['user.created', 'user.changed'],
  account: ['account.created', 'account.changed'],
  activity: ['activity.logged', 'activity.changed'],
} as const;

/**
 * Compares records with what the ledger holds and records the difference: a created event for a
 * new record, a changed event with the members that differ for a known one, nothing for the same.
 * Re-importing a file therefore adds nothing, and an edited row becomes one change event.
 */
export function planRecordEvents<T extends Payload>(
  batch: ImportBatch,
  entityType: keyof typeof kinds,
  records: readonly ImportedRecord<T>[],
  existing: ReadonlyMap<string, T>,
): NewEvent[] {
  const events: NewEvent[] = [];
  for (const item of records) {
    const plan = planRecordEvent(existing.get(item.id) ?? null, item.record);
    if (!plan) continue;
    const created = plan.change === 'created';
    events.push(
      batch.event({
        businessTime: created ? item.createdAt : item.changedAt,
        entityType: entityType as EntityType,
        entityId: item.id,
        kind: kinds[entityType][created ? 0 : 1],
        payload: plan.payload,
        originKey: created ? item.originKey : `${item.originKey}:changed@${batch.id}`,
      }),
    );
  }
  return events;
}

export async function upsertTeams(
  conn: Connection,
  batch: ImportBatch,
  records: readonly ImportedRecord<TeamRecord>[],
): Promise<void> {
  const existing = await findTeams(
    conn,
    records.map((r) => r.id),
  );
  await batch.append(conn, planRecordEvents(batch, 'team', records, existing));
}

export async function upsertAccounts(
  conn: Connection,
  batch: ImportBatch,
  records: readonly ImportedRecord<AccountRecord>[],
): Promise<void> {
  const existing = await findAccounts(
    conn,
    records.map((r) => r.id),
  );
  await batch.append(conn, planRecordEvents(batch, 'account', records, existing));
}

export async function upsertActivities(
  conn: Connection,
  batch: ImportBatch,
  records: readonly ImportedRecord<ActivityRecord>[],
): Promise<void> {
  const existing = await findActivities(
    conn,
    records.map((r) => r.id),
  );
  await batch.append(conn, planRecordEvents(batch, 'activity', records, existing));
}

/** A user and, when the file says, the memberships it should have among the teams the import manages. */
export type ImportedUser = ImportedRecord<UserRecord> & { memberships: Membership[] | null };

export async function upsertUsers(
  conn: Connection,
  batch: ImportBatch,
  users: readonly ImportedUser[],
  manages: (userId: string, membership: Membership) => boolean,
): Promise<void> {
  const existing = await findUsers(
    conn,
    users.map((u) => u.id),
  );
  const records = new Map([...existing].map(([id, { memberships: _, ...record }]) => [id, record]));
  const events = planRecordEvents(batch, 'user', users, records);
  for (const user of users) {
    if (!user.memberships) continue;
    const plan = planMembershipEvents(existing.get(user.id)?.memberships ?? [], user.memberships, (m) =>
      manages(user.id, m),
    );
    for (const [kind, list] of [
      ['user.role_granted', plan.grant],
      ['user.role_revoked', plan.revoke],
    ] as const) {
      for (const membership of list) {
        events.push(
          batch.event({
            businessTime: existing.has(user.id) ? user.changedAt : user.createdAt,
            entityType: 'user',
            entityId: user.id,
            kind,
            payload: { ...membership },
            originKey: `${user.originKey}:${kind.slice(5)}:${membership.teamId}:${membership.role}@${batch.id}`,
          }),
        );
      }
    }
  }
  await batch.append(conn, events);
}
