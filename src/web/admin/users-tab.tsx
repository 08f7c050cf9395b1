import type { AdminTeam } from '../../api/admin-teams.js';
import type { AdminUser } from '../../api/admin-users.js';
import { describeError } from '../http/api-error.js';
import { ExportLinks } from '../ui/export-links.js';
import { Notice, Spinner } from '../ui/notice.js';
import { useAdminQuery } from './admin-api.js';
import { CreateUserForm } from './create-user-form.js';
import { UserRow } from './user-row.js';

export function UsersTab() {
  const users = useAdminQuery<{ users: AdminUser[] }>('users');
  const teams = useAdminQuery<{ teams: AdminTeam[] }>('teams');
  const teamList = teams.data?.teams ?? [];
  return (
    <>
      <CreateUserForm teams={teamList} />
      <section className="panel" aria-labelledby="people-title">
        <div className="panel-head">
          <h2 id="people-title" className="panel-title">
            People {users.data ? `(${users.data.users.length})` : ''}
          </h2>
          {users.data ? (
            <ExportLinks path="/api/admin/users/export" query={{}} what="people and roles" />
          ) : null}
        </div>
        {users.isPending ? <Spinner /> : null}
        {users.isError ? <Notice tone="error">{describeError(users.error)}</Notice> : null}
        {users.data ? (
          <div className="table-scroll table-scroll-auto">
            <table className="data-table admin-table">
              <thead>
                <tr>
                  <th>Name</th>
                  <th>E-mail</th>
                  <th>Status</th>
                  <th>Roles</th>
                  <th>
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {users.data.users.map((user) => (
                  <UserRow key={user.id} user={user} teams={teamList} />
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </>
  );
}
