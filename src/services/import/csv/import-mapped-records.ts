import { canonicalJson } from '../../../core/canonical-json.js';
import {
  mapMappedAccount,
  mapMappedActivity,
  mapMappedTeams,
  mapMappedUser,
} from '../../../core/import/mapping/map-mapped-records.js';
import type { AccountRecord, ActivityRecord, TeamRecord } from '../../../core/org-entities.js';
import type { Connection } from '../../../store/session.js';
import { readBatchRows } from '../for-each-row.js';
import {
  upsertAccounts,
  upsertActivities,
  upsertTeams,
  upsertUsers,
  type ImportedRecord,
  type ImportedUser,
} from '../upsert-records.js';
import { FirstById, type CsvRun } from './csv-run.js';

const recordsPerAppend = 5_000;

function origin(run: CsvRun, entity: string, id: string): string {
  return `${run.context.mapping.source}:${entity}:${id}`;
}

function rows(run: CsvRun) {
  return readBatchRows(run.batch, run.fileIndex, { onProgress: run.onProgress });
}

function rejectDuplicate(
  run: CsvRun,
  row: { line: number; byteStart: number; byteEnd: number },
  id: string,
  firstLine: number,
): void {
  run.batch.reject(run.fileIndex, row, [
    { column: 'id', value: id, reason: `duplicate id: line ${firstLine} gives this id different values` },
  ]);
}

/** Teams: a tree from `path` columns (or id, name and parent); repeated rows name the same teams. */
export async function importMappedTeams(conn: Connection, run: CsvRun): Promise<void> {
  const first = new FirstById();
  const teams: ImportedRecord<TeamRecord>[] = [];
  for await (const row of rows(run)) {
    const mapped = mapMappedTeams(row, run.context);
    if (!mapped.value) {
      run.batch.reject(run.fileIndex, row, mapped.problems);
      continue;
    }
    for (const team of mapped.value) {
      const record: TeamRecord = { name: team.name, parentId: team.parentId };
      const seen = first.check(team.id, row.line, canonicalJson(record));
      if (seen.conflictLine !== null) rejectDuplicate(run, row, team.id, seen.conflictLine);
      if (seen.duplicate) continue;
      run.context.lookups.team.add(team.id, team.name);
      const at = run.batch.recordedTime;
      teams.push({
        id: team.id,
        record,
        createdAt: at,
        changedAt: at,
        originKey: origin(run, 'team', team.id),
      });
    }
  }
  await upsertTeams(conn, run.batch, teams);
}

/**
 * Users, each with the membership the file gives (a rep of their team unless `role` says otherwise).
 * A user the file moves to another team loses the same role in the old one; other roles stay.
 */
export async function importMappedUsers(conn: Connection, run: CsvRun): Promise<void> {
  const first = new FirstById();
  const users: ImportedUser[] = [];
  for await (const row of rows(run)) {
    const mapped = mapMappedUser(row, run.context);
    if (!mapped.value) {
      run.batch.reject(run.fileIndex, row, mapped.problems);
      continue;
    }
    const { id, record, teamId, role, createdAt, modifiedAt } = mapped.value;
    const seen = first.check(id, row.line, canonicalJson({ record, teamId, role }));
    if (seen.conflictLine !== null) rejectDuplicate(run, row, id, seen.conflictLine);
    if (seen.duplicate) continue;
    users.push({
      id,
      record,
      createdAt: createdAt ?? run.batch.recordedTime,
      changedAt: modifiedAt ?? run.batch.recordedTime,
      originKey: origin(run, 'user', id),
      memberships: teamId === null ? null : [{ teamId, role }],
    });
  }
  const roles = new Map(users.map((u) => [u.id, u.memberships?.[0]?.role]));
  await upsertUsers(conn, run.batch, users, (userId, membership) => membership.role === roles.get(userId));
}

export async function importMappedAccounts(conn: Connection, run: CsvRun): Promise<void> {
  const first = new FirstById();
  const accounts: ImportedRecord<AccountRecord>[] = [];
  for await (const row of rows(run)) {
    const mapped = mapMappedAccount(row, run.context);
    if (!mapped.value) {
      run.batch.reject(run.fileIndex, row, mapped.problems);
      continue;
    }
    const { id, record, createdAt, modifiedAt } = mapped.value;
    const seen = first.check(id, row.line, canonicalJson(record));
    if (seen.conflictLine !== null) rejectDuplicate(run, row, id, seen.conflictLine);
    if (seen.duplicate) continue;
    accounts.push({
      id,
      record,
      createdAt: createdAt ?? run.batch.recordedTime,
      changedAt: modifiedAt ?? run.batch.recordedTime,
      originKey: origin(run, 'account', id),
    });
  }
  await upsertAccounts(conn, run.batch, accounts);
}

/** Activities stream in bounded groups; each happened at its own time. */
export async function importMappedActivities(conn: Connection, run: CsvRun): Promise<void> {
  const first = new FirstById();
  let pending: ImportedRecord<ActivityRecord>[] = [];
  for await (const row of rows(run)) {
    const mapped = mapMappedActivity(row, run.context);
    if (!mapped.value) {
      run.batch.reject(run.fileIndex, row, mapped.problems);
      continue;
    }
    const { id, record } = mapped.value;
    const seen = first.check(id, row.line, canonicalJson(record));
    if (seen.conflictLine !== null) rejectDuplicate(run, row, id, seen.conflictLine);
    if (seen.duplicate) continue;
    const at = new Date(record.occurredAt);
    pending.push({
      id,
      record,
      createdAt: at,
      changedAt: run.batch.recordedTime,
      originKey: origin(run, 'activity', id),
    });
    if (pending.length >= recordsPerAppend) {
      await upsertActivities(conn, run.batch, pending);
      pending = [];
    }
  }
  await upsertActivities(conn, run.batch, pending);
}
