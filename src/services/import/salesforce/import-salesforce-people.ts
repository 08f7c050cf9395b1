import {
  mapSalesforceAccount,
  mapSalesforceRole,
  mapSalesforceUser,
  placeholderUser,
  type MappedAccount,
} from '../../../core/import/salesforce/map-salesforce-people.js';
import type { Membership, TeamRecord } from '../../../core/org-entities.js';
import { findUsers } from '../../../store/import-records.js';
import type { Connection } from '../../../store/session.js';
import { readBatchRows } from '../for-each-row.js';
import type { ImportBatch } from '../import-batch.js';
import {
  upsertAccounts,
  upsertTeams,
  upsertUsers,
  type ImportedRecord,
  type ImportedUser,
} from '../upsert-records.js';
import type { SalesforceRun } from './salesforce-run.js';

/**
 * Users the import knows exist (in the ledger or in the files). An owner id that is neither gets a
 * placeholder user named after the id, so every deal, account and activity has an owner Candor
 * can show; a later export with the User file turns the placeholder into the person.
 */
export class UserDirectory {
  private readonly known = new Set<string>();

  constructor(private readonly batch: ImportBatch) {}

  add(id: string): void {
    this.known.add(id);
  }

  async placeholdersFor(conn: Connection, ids: Iterable<string | null>): Promise<ImportedUser[]> {
    const unknown = [...new Set([...ids].filter((id): id is string => id !== null && !this.known.has(id)))];
    const inLedger = await findUsers(conn, unknown);
    const placeholders: ImportedUser[] = [];
    for (const id of unknown) {
      this.known.add(id);
      if (inLedger.has(id)) continue;
      placeholders.push({
        id,
        record: placeholderUser(id),
        createdAt: this.batch.recordedTime,
        changedAt: this.batch.recordedTime,
        originKey: `sf:User:${id}:placeholder`,
        memberships: null,
      });
    }
    return placeholders;
  }
}

/**
 * Roles become the team tree (each role a team under its parent role); users become users, each a
 * member of their role's team: a manager when the role has roles under it, else a rep. Accounts
 * follow, and placeholder users for owners the files name but do not describe.
 */
export async function importSalesforcePeople(
  conn: Connection,
  run: SalesforceRun,
  users: UserDirectory,
  opportunityOwners: Iterable<string | null>,
): Promise<void> {
  const { batch } = run;
  const teams: ImportedRecord<TeamRecord>[] = [];
  const rolesFile = run.fileOf.get('UserRole');
  if (rolesFile !== undefined) {
    for await (const row of readBatchRows(batch, rolesFile, { requiredColumns: ['Id'] })) {
      const mapped = mapSalesforceRole(row);
      if (!mapped.value) batch.reject(rolesFile, row, mapped.problems);
      else
        teams.push({
          ...mapped.value,
          createdAt: batch.recordedTime,
          changedAt: batch.recordedTime,
          originKey: `sf:UserRole:${mapped.value.id}`,
        });
    }
  }
  const teamIds = new Set(teams.map((t) => t.id));
  const parents = new Set(teams.map((t) => t.record.parentId));
  await upsertTeams(conn, batch, teams);

  const people: ImportedUser[] = [];
  const usersFile = run.fileOf.get('User');
  if (usersFile !== undefined) {
    for await (const row of readBatchRows(batch, usersFile, { requiredColumns: ['Id'] })) {
      const mapped = mapSalesforceUser(row, run.org.settings.timeZone);
      if (!mapped.value) {
        batch.reject(usersFile, row, mapped.problems);
        continue;
      }
      const { id, record, roleId, createdAt, modifiedAt } = mapped.value;
      const memberships: Membership[] =
        roleId && teamIds.has(roleId)
          ? [{ teamId: roleId, role: parents.has(roleId) ? 'manager' : 'rep' }]
          : [];
      users.add(id);
      people.push({
        id,
        record,
        createdAt: createdAt ?? batch.recordedTime,
        changedAt: modifiedAt ?? batch.recordedTime,
        originKey: `sf:User:${id}`,
        memberships: rolesFile === undefined ? null : memberships,
      });
    }
  }

  const accounts: ImportedRecord<MappedAccount['record']>[] = [];
  const accountsFile = run.fileOf.get('Account');
  if (accountsFile !== undefined) {
    for await (const row of readBatchRows(batch, accountsFile, { requiredColumns: ['Id'] })) {
      const mapped = mapSalesforceAccount(row, run.org.settings.timeZone);
      if (!mapped.value) {
        if (mapped.problems.length > 0) batch.reject(accountsFile, row, mapped.problems);
        continue;
      }
      accounts.push({
        id: mapped.value.id,
        record: mapped.value.record,
        createdAt: mapped.value.createdAt ?? batch.recordedTime,
        changedAt: mapped.value.modifiedAt ?? batch.recordedTime,
        originKey: `sf:Account:${mapped.value.id}`,
      });
    }
  }
  const owners = [...opportunityOwners, ...accounts.map((a) => a.record.ownerId)];
  people.push(...(await users.placeholdersFor(conn, owners)));
  await upsertUsers(conn, batch, people, (_user, membership) => teamIds.has(membership.teamId));
  await upsertAccounts(conn, batch, accounts);
}
