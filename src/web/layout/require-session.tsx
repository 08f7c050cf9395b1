import { Navigate, Outlet, useLocation } from 'react-router';
import { describeError } from '../http/api-error.js';
import { SessionContext } from '../session/session-context.js';
import { useSessionQuery } from '../session/session-queries.js';
import { Notice, Spinner } from '../ui/notice.js';
import { AppLayout } from './app-layout.js';

/** Pages behind sign-in: without a session, go to the sign-in page and come back afterwards. */
export function RequireSession() {
  const session = useSessionQuery();
  const location = useLocation();
  if (session.isPending) {
    return (
      <div className="page-loading">
        <Spinner />
      </div>
    );
  }
  if (session.isError) {
    return (
      <main className="page">
        <Notice tone="error" title="Candor could not be reached">
          {describeError(session.error)}
        </Notice>
      </main>
    );
  }
  if (!session.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return (
    <SessionContext.Provider value={session.data}>
      <AppLayout>
        <Outlet />
      </AppLayout>
    </SessionContext.Provider>
  );
}
