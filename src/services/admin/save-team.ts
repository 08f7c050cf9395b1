import { checkTeamMove } from '../../core/admin/team-tree.js';
import { DomainError } from '../../core/domain-error.js';
import { listTeams, type TeamRow } from '../../store/admin-queries.js';
import type { Connection, DatabaseHandle } from '../../store/session.js';
import { runChange, type ChangeContext } from './change-context.js';
import { readAdminTeams, type AdminTeam } from './list-admin-teams.js';
import { newEntityId } from './new-entity-id.js';

export type CreateTeamOptions = ChangeContext & { name: string; parentId: string | null };

/** Adds a team (`team.created`) under an existing team or at the top; the id is generated. */
export async function createTeam(handle: DatabaseHandle, options: CreateTeamOptions): Promise<AdminTeam> {
  return runChange(handle, options, async (conn, record) => {
    const teams = await listTeams(conn);
    requireParent(teams, options.parentId);
    requireFreeName(teams, options.name, options.parentId, null);
    const id = await newEntityId(conn, 'team');
    await record([
      {
        entityType: 'team',
        entityId: id,
        kind: 'team.created',
        payload: { name: options.name, parentId: options.parentId },
      },
    ]);
    return readTeam(conn, id);
  });
}

export type ChangeTeamOptions = ChangeContext & {
  teamId: string;
  change: { name?: string; parentId?: string | null };
};

/**
 * Renames a team or moves it under another (`team.changed`). A move that would put a team under
 * itself or one of its sub-teams is refused: the tree would become a loop. Moving a team moves
 * everyone in it and below it, so managers' scopes follow at once.
 */
export async function changeTeam(handle: DatabaseHandle, options: ChangeTeamOptions): Promise<AdminTeam> {
  return runChange(handle, options, async (conn, record) => {
    const teams = await listTeams(conn);
    const team = teams.find((t) => t.id === options.teamId);
    if (!team) {
      throw new DomainError('not-found', `there is no team '${options.teamId}'`, [
        { where: 'id', value: options.teamId, reason: 'no team has this id' },
      ]);
    }
    const payload: { name?: string; parentId?: string | null } = {};
    const { name, parentId } = options.change;
    if (parentId !== undefined && parentId !== team.parentId) {
      requireParent(teams, parentId);
      checkTeamMove(teams, team.id, parentId);
      payload.parentId = parentId;
    }
    if (name !== undefined && name !== team.name) payload.name = name;
    if (Object.keys(payload).length === 0) {
      throw new DomainError('invalid-input', `nothing to change: ${team.name} already has these values`);
    }
    requireFreeName(teams, payload.name ?? team.name, payload.parentId ?? team.parentId, team.id);
    await record([{ entityType: 'team', entityId: team.id, kind: 'team.changed', payload }]);
    return readTeam(conn, team.id);
  });
}

function requireParent(teams: readonly TeamRow[], parentId: string | null): void {
  if (parentId === null || teams.some((t) => t.id === parentId)) return;
  throw new DomainError('invalid-input', `there is no team '${parentId}'`, [
    { where: 'parentId', value: parentId, reason: 'no team has this id' },
  ]);
}

/** Two sibling teams with one name could not be told apart in a menu. */
function requireFreeName(
  teams: readonly TeamRow[],
  name: string,
  parentId: string | null,
  exceptId: string | null,
): void {
  const twin = teams.find(
    (t) => t.id !== exceptId && t.parentId === parentId && t.name.toLowerCase() === name.toLowerCase(),
  );
  if (!twin) return;
  throw new DomainError('conflict', `there is already a team ${twin.name} at that place in the tree`, [
    { where: 'name', value: name, reason: 'sibling teams need different names' },
  ]);
}

async function readTeam(conn: Pick<Connection, 'db'>, id: string): Promise<AdminTeam> {
  const team = (await readAdminTeams(conn)).find((t) => t.id === id);
  if (!team) throw new DomainError('not-found', `there is no team '${id}'`);
  return team;
}
