import { useState, type FormEvent } from 'react';
import type { AdminTeam } from '../../api/admin-teams.js';
import type { CreateUserRequest } from '../../api/admin-users.js';
import { useAdminChange } from './admin-api.js';
import { RolePicker, type RoleChoice } from './role-picker.js';
import { SaveStatus } from './save-status.js';

const emptyRole: RoleChoice = { teamId: '', role: 'rep' };

export function CreateUserForm({ teams }: { teams: readonly AdminTeam[] }) {
  const create = useAdminChange('users', 'teams');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [title, setTitle] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<RoleChoice>(emptyRole);
  const [created, setCreated] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: CreateUserRequest = {
      name,
      email,
      ...(title.trim() ? { title } : {}),
      ...(password ? { password } : {}),
      ...(role.teamId ? { roles: [role] } : {}),
    };
    create.mutate(
      { method: 'POST', path: '/api/admin/users', body },
      {
        onSuccess: () => {
          setCreated(name);
          setName('');
          setEmail('');
          setTitle('');
          setPassword('');
          setRole(emptyRole);
        },
      },
    );
  };

  return (
    <section className="panel" aria-labelledby="create-user-title">
      <h2 id="create-user-title" className="panel-title">
        Add a person
      </h2>
      <form className="form-grid" onSubmit={submit}>
        <label className="compact-field">
          <span>Name</span>
          <input value={name} onChange={(e) => setName(e.target.value)} required />
        </label>
        <label className="compact-field">
          <span>E-mail</span>
          <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
        </label>
        <label className="compact-field">
          <span>Title (optional)</span>
          <input value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label className="compact-field">
          <span>Initial password (optional)</span>
          <input
            type="password"
            autoComplete="new-password"
            value={password}
            minLength={10}
            onChange={(e) => setPassword(e.target.value)}
            placeholder="10+ characters, or SSO only"
          />
        </label>
        <RolePicker teams={teams} value={role} onChange={setRole} idPrefix="new-user" />
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending ? 'Adding…' : 'Add person'}
        </button>
      </form>
      <SaveStatus outcome={create} success={`${created} was added.`} />
    </section>
  );
}
