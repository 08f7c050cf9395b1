import { useState, type FormEvent } from 'react';
import type { AdminTeam } from '../../api/admin-teams.js';
import { describeError } from '../http/api-error.js';
import { ExportLinks } from '../ui/export-links.js';
import { Notice, Spinner } from '../ui/notice.js';
import { adminPath, useAdminChange, useAdminQuery } from './admin-api.js';
import { SaveStatus } from './save-status.js';

/** The team tree. A role in a team reaches every team below it, so moving a team moves access. */
export function TeamsTab() {
  const teams = useAdminQuery<{ teams: AdminTeam[] }>('teams');
  const list = teams.data?.teams ?? [];
  return (
    <>
      <CreateTeamForm teams={list} />
      <section className="panel" aria-labelledby="tree-title">
        <div className="panel-head">
          <h2 id="tree-title" className="panel-title">
            Team tree
          </h2>
          {teams.data ? <ExportLinks path="/api/admin/teams/export" query={{}} what="the team tree" /> : null}
        </div>
        {teams.isPending ? <Spinner /> : null}
        {teams.isError ? <Notice tone="error">{describeError(teams.error)}</Notice> : null}
        <div className="team-tree-head" aria-hidden="true">
          <span>Team</span>
          <span>Reports to</span>
          <span>Members</span>
        </div>
        <ul className="team-tree">
          {list.map((team) => (
            <TeamRow key={team.id} team={team} teams={list} />
          ))}
        </ul>
      </section>
    </>
  );
}

/** A team may not move under itself or under any team below it. */
function possibleParents(team: AdminTeam, teams: readonly AdminTeam[]): AdminTeam[] {
  const below = new Set([team.id]);
  for (const candidate of teams)
    if (candidate.parentId && below.has(candidate.parentId)) below.add(candidate.id);
  return teams.filter((t) => !below.has(t.id));
}

function TeamRow({ team, teams }: { team: AdminTeam; teams: readonly AdminTeam[] }) {
  const change = useAdminChange('teams', 'users');
  const [name, setName] = useState(team.name);
  const [parentId, setParentId] = useState(team.parentId ?? '');
  const dirty = name.trim() !== team.name || (parentId || null) !== team.parentId;
  const save = (event: FormEvent) => {
    event.preventDefault();
    const body: { name?: string; parentId?: string | null } = {};
    if (name.trim() !== team.name) body.name = name.trim();
    if ((parentId || null) !== team.parentId) body.parentId = parentId || null;
    change.mutate({ method: 'PATCH', path: adminPath('teams', team.id), body });
  };
  const members = team.members.map((m) => `${m.name} (${m.role})`).join(', ');
  return (
    <li>
      <form className="team-row" onSubmit={save} aria-label={`Team ${team.name}`}>
        <label className="team-name-field">
          <span className="visually-hidden">Name of {team.name}</span>
          <span className="team-indent" aria-hidden="true">
            {team.depth > 0 ? `${'   '.repeat(team.depth - 1)}└─ ` : ''}
          </span>
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="team-parent-field">
          <span className="visually-hidden">{team.name} reports to</span>
          <select value={parentId} onChange={(e) => setParentId(e.target.value)}>
            <option value="">(top level)</option>
            {possibleParents(team, teams).map((parent) => (
              <option key={parent.id} value={parent.id}>
                {parent.path.join(' › ')}
              </option>
            ))}
          </select>
        </label>
        <span className="muted team-members" title={members}>
          {team.members.length} {team.members.length === 1 ? 'member' : 'members'}
        </span>
        <button type="submit" className="button button-small" disabled={!dirty || change.isPending}>
          Save
        </button>
      </form>
      <SaveStatus outcome={change} success={`Saved ${name.trim()}.`} />
    </li>
  );
}

function CreateTeamForm({ teams }: { teams: readonly AdminTeam[] }) {
  const create = useAdminChange('teams');
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState('');
  const [created, setCreated] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { method: 'POST', path: '/api/admin/teams', body: { name, parentId: parentId || null } },
      {
        onSuccess: () => {
          setCreated(name);
          setName('');
        },
      },
    );
  };
  return (
    <section className="panel" aria-labelledby="create-team-title">
      <h2 id="create-team-title" className="panel-title">
        Add a team
      </h2>
      <form className="inline-form" onSubmit={submit}>
        <label className="compact-field">
          <span>Name</span>
          <input value={name} onChange={(e) => setName(e.target.value)} required />
        </label>
        <label className="compact-field">
          <span>Reports to</span>
          <select value={parentId} onChange={(e) => setParentId(e.target.value)}>
            <option value="">(top level)</option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.path.join(' › ')}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          Add team
        </button>
      </form>
      <SaveStatus outcome={create} success={`${created} was added.`} />
    </section>
  );
}
