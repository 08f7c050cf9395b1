import type { AdminTeam } from '../../api/admin-teams.js';
import { roleDescriptions, roles, type Role } from '../format/contract-values.js';

export type RoleChoice = { teamId: string; role: Role };

/** A team and a role in it: how access is granted (a role reaches the team and every team below). */
export function RolePicker({
  teams,
  value,
  onChange,
  idPrefix,
}: {
  teams: readonly AdminTeam[];
  value: RoleChoice;
  onChange: (value: RoleChoice) => void;
  idPrefix: string;
}) {
  return (
    <>
      <label className="compact-field">
        <span>Team</span>
        <select
          id={`${idPrefix}-team`}
          value={value.teamId}
          onChange={(e) => onChange({ ...value, teamId: e.target.value })}
        >
          <option value="">Choose a team…</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {`${'\u2003'.repeat(team.depth)}${team.name}`}
            </option>
          ))}
        </select>
      </label>
      <label className="compact-field">
        <span>Role</span>
        <select value={value.role} onChange={(e) => onChange({ ...value, role: e.target.value as Role })}>
          {roles.map((role) => (
            <option key={role} value={role} title={roleDescriptions[role]}>
              {role}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
