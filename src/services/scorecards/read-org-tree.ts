import type { SubjectMember, SubjectTeam } from '../../core/scorecards/plan-scorecard-subjects.js';
import type { Connection } from '../../store/session.js';
import { readAdminTeams } from '../admin/list-admin-teams.js';

/** The team tree in reading order and every role held in it. */
export async function readOrgTree(
  conn: Pick<Connection, 'db'>,
): Promise<{ teams: SubjectTeam[]; members: SubjectMember[] }> {
  const teams = await readAdminTeams(conn);
  return {
    teams: teams.map((t) => ({ id: t.id, name: t.name, parentId: t.parentId, depth: t.depth, path: t.path })),
    members: teams.flatMap((t) =>
      t.members.map((m) => ({ userId: m.userId, name: m.name, teamId: t.id, role: m.role })),
    ),
  };
}
