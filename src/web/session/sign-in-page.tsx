import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { describeError, isApiError } from '../http/api-error.js';
import { DemoBadge } from '../ui/demo-badge.js';
import { Notice, Spinner } from '../ui/notice.js';
import { useAuthOptions, useSessionQuery, useSignIn } from './session-queries.js';
import { describeSsoError } from './sso-errors.js';

/** Only paths inside this app may be returned to after signing in (no open redirect). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/pipeline';
}

export function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const options = useAuthOptions();
  const session = useSessionQuery();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const next = safeNext(params.get('next'));
  const ssoError = params.get('error');

  if (session.data) return <Navigate to={next} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email, password }, { onSuccess: () => navigate(next, { replace: true }) });
  };

  const organisation = options.data?.organisation ?? null;
  const oidc = options.data?.oidc;
  const error = signIn.error;

  return (
    <main className="sign-in">
      <div className="sign-in-card">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true" />
          Candor
        </div>
        {organisation ? (
          <p className="sign-in-org">
            {organisation.name} {organisation.isDemo ? <DemoBadge /> : null}
          </p>
        ) : null}
        {organisation?.isDemo ? (
          <Notice tone="warning" title="Demo organisation">
            Everything here is fictional sample data. The demo sign-ins are printed when the server starts (
            <code>npm start</code>); each uses the password <code>candor-demo</code>.
          </Notice>
        ) : null}
        {options.isPending ? <Spinner /> : null}
        {options.data && organisation === null ? (
          <Notice tone="info">
            This server holds no organisation yet: import a CRM export with <code>candor import</code>.
          </Notice>
        ) : null}
        {ssoError ? (
          <Notice tone="error" title="Single sign-on did not complete">
            {describeSsoError(ssoError)}
          </Notice>
        ) : null}
        <h1 className="sign-in-title">Sign in</h1>
        <form onSubmit={submit} className="form-stack" noValidate={false}>
          <label className="field">
            <span>E-mail</span>
            <input
              type="email"
              name="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          </label>
          <label className="field">
            <span>Password</span>
            <input
              type="password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          </label>
          {error ? (
            <Notice tone="error">
              {isApiError(error) && error.status === 401
                ? 'That e-mail and password do not match an active account.'
                : describeError(error)}
            </Notice>
          ) : null}
          <button type="submit" className="button button-primary button-wide" disabled={signIn.isPending}>
            {signIn.isPending ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
        {oidc?.enabled ? (
          <>
            <div className="divider">
              <span>or</span>
            </div>
            <a
              className="button button-wide"
              href={`/api/auth/oidc/start?returnTo=${encodeURIComponent(next)}`}
            >
              {oidc.label || 'Sign in with single sign-on'}
            </a>
          </>
        ) : null}
      </div>
    </main>
  );
}
