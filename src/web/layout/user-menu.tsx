import { useNavigate } from 'react-router';
import { describeError } from '../http/api-error.js';
import { useSession } from '../session/session-context.js';
import { useSignOut } from '../session/session-queries.js';

/** The signed-in person, what they can see in plain words, and the ways to sign out. */
export function UserMenu() {
  const session = useSession();
  const navigate = useNavigate();
  const signOut = useSignOut(session.csrfToken);
  const leave = (everywhere: boolean) =>
    signOut.mutate(everywhere, { onSettled: () => navigate('/sign-in', { replace: true }) });
  const roles = session.roles.map((r) => `${r.role} · ${r.teamName}`);

  return (
    <details className="user-menu">
      <summary>
        <span className="user-name">{session.user.name}</span>
        <span className="user-scope" data-testid="scope-description" title={session.scope.description}>
          {session.scope.description}
        </span>
      </summary>
      <div className="user-menu-panel">
        <p className="user-menu-email">{session.user.email ?? 'no e-mail on file'}</p>
        <dl className="user-menu-facts">
          <dt>Sees</dt>
          <dd>{session.scope.description}</dd>
          <dt>Roles</dt>
          <dd>{roles.length > 0 ? roles.join(', ') : 'none'}</dd>
          <dt>Signed in with</dt>
          <dd>{session.method === 'oidc' ? 'single sign-on' : 'password'}</dd>
        </dl>
        {signOut.isError ? <p className="inline-error">{describeError(signOut.error)}</p> : null}
        <div className="button-row">
          <button type="button" className="button" onClick={() => leave(false)} disabled={signOut.isPending}>
            Sign out
          </button>
          <button
            type="button"
            className="button"
            onClick={() => leave(true)}
            disabled={signOut.isPending}
            title="Ends your sessions on every device and browser"
          >
            Sign out everywhere
          </button>
        </div>
      </div>
    </details>
  );
}
