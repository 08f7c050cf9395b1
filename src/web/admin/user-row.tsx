import { Fragment, useState, type FormEvent } from 'react';
import type { AdminTeam } from '../../api/admin-teams.js';
import type { AdminUser } from '../../api/admin-users.js';
import { useSession } from '../session/session-context.js';
import { adminPath, useAdminChange } from './admin-api.js';
import { RolePicker, type RoleChoice } from './role-picker.js';
import { SaveStatus } from './save-status.js';

/** One person: their roles (each revocable), and a panel to grant a role, set a password, deactivate. */
export function UserRow({ user, teams }: { user: AdminUser; teams: readonly AdminTeam[] }) {
  const session = useSession();
  const change = useAdminChange('users', 'teams');
  const [open, setOpen] = useState(false);
  const [grant, setGrant] = useState<RoleChoice>({ teamId: '', role: 'rep' });
  const [password, setPassword] = useState('');
  const [done, setDone] = useState('');
  const isMe = user.id === session.user.id;

  const run = (message: string, method: 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown) =>
    change.mutate({ method, path, body }, { onSuccess: () => setDone(message) });

  const grantRole = (event: FormEvent) => {
    event.preventDefault();
    const team = teams.find((t) => t.id === grant.teamId)?.name ?? grant.teamId;
    run(`${user.name} is now ${grant.role} in ${team}.`, 'POST', adminPath('users', user.id, 'roles'), grant);
  };
  const setNewPassword = (event: FormEvent) => {
    event.preventDefault();
    run(
      `Password set; ${user.name}'s sessions were ended.`,
      'POST',
      adminPath('users', user.id, 'password'),
      { password },
    );
    setPassword('');
  };

  return (
    <Fragment>
      <tr data-user-id={user.id}>
        <td>
          <strong>{user.name}</strong>
          {user.title ? <div className="muted">{user.title}</div> : null}
        </td>
        <td>{user.email ?? '—'}</td>
        <td>
          <span className={`badge ${user.active ? 'badge-ok' : 'badge-off'}`}>
            {user.active ? 'active' : 'deactivated'}
          </span>
          {!user.hasPassword ? <div className="muted">SSO only</div> : null}
        </td>
        <td>
          <div className="role-list">
            {user.roles.length === 0 ? <span className="muted">no roles</span> : null}
            {user.roles.map((role) => (
              <span key={`${role.teamId}-${role.role}`} className="role-chip">
                {role.role} · {role.teamName}
                <button
                  type="button"
                  aria-label={`Revoke ${role.role} in ${role.teamName} from ${user.name}`}
                  disabled={change.isPending}
                  onClick={() =>
                    run(
                      `Revoked ${role.role} in ${role.teamName}.`,
                      'DELETE',
                      adminPath('users', user.id, 'roles'),
                      {
                        teamId: role.teamId,
                        role: role.role,
                      },
                    )
                  }
                >
                  ×
                </button>
              </span>
            ))}
          </div>
        </td>
        <td className="row-actions-cell">
          <button
            type="button"
            className="button button-small"
            aria-expanded={open}
            onClick={() => {
              change.reset();
              setOpen(!open);
            }}
          >
            {open ? 'Close' : 'Manage'}
          </button>
        </td>
      </tr>
      {open || change.isError || change.isSuccess ? (
        <tr className="detail-row">
          <td colSpan={5}>
            <div className="subpanel">
              {open ? (
                <>
                  <form
                    className="inline-form"
                    onSubmit={grantRole}
                    aria-label={`Grant a role to ${user.name}`}
                  >
                    <RolePicker
                      teams={teams}
                      value={grant}
                      onChange={setGrant}
                      idPrefix={`grant-${user.id}`}
                    />
                    <button
                      type="submit"
                      className="button button-small"
                      disabled={!grant.teamId || change.isPending}
                    >
                      Grant role
                    </button>
                  </form>
                  <form
                    className="inline-form"
                    onSubmit={setNewPassword}
                    aria-label={`Set ${user.name}'s password`}
                  >
                    <label className="compact-field">
                      <span>New password</span>
                      <input
                        type="password"
                        autoComplete="new-password"
                        value={password}
                        onChange={(e) => setPassword(e.target.value)}
                        placeholder="at least 10 characters"
                      />
                    </label>
                    <button
                      type="submit"
                      className="button button-small"
                      disabled={!password || change.isPending}
                    >
                      Set password
                    </button>
                  </form>
                  <div className="row-actions">
                    <button
                      type="button"
                      className={`button button-small${user.active ? ' button-danger' : ''}`}
                      disabled={change.isPending || (isMe && user.active)}
                      title={isMe ? 'You cannot deactivate yourself' : undefined}
                      onClick={() =>
                        run(
                          user.active
                            ? `${user.name} is deactivated; their sessions ended.`
                            : `${user.name} is active again.`,
                          'PATCH',
                          adminPath('users', user.id),
                          { active: !user.active },
                        )
                      }
                    >
                      {user.active ? 'Deactivate' : 'Reactivate'}
                    </button>
                  </div>
                </>
              ) : null}
              <SaveStatus outcome={change} success={done} />
            </div>
          </td>
        </tr>
      ) : null}
    </Fragment>
  );
}
