import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, useLocation } from 'react-router';
import { DealsPage } from './deals/deals-page.js';
import { RequireSession } from './layout/require-session.js';
import { PipelinePage } from './pipeline/pipeline-page.js';
import { useSession } from './session/session-context.js';
import { SignInPage } from './session/sign-in-page.js';
import { EmptyState, Spinner } from './ui/notice.js';

// The first page a person sees (pipeline, deals) is in the initial bundle; the others load on
// first visit, so admin screens and the import uploader cost nothing to someone who never opens them.
const DealPage = lazy(() => import('./deal/deal-page.js').then((m) => ({ default: m.DealPage })));
const AuditPage = lazy(() => import('./audit/audit-page.js').then((m) => ({ default: m.AuditPage })));
const ForecastPage = lazy(() =>
  import('./forecast/forecast-page.js').then((m) => ({ default: m.ForecastPage })),
);
const AccuracyPage = lazy(() =>
  import('./accuracy/accuracy-page.js').then((m) => ({ default: m.AccuracyPage })),
);
const ImportsPage = lazy(() => import('./imports/imports-page.js').then((m) => ({ default: m.ImportsPage })));
const AdminPage = lazy(() => import('./admin/admin-page.js').then((m) => ({ default: m.AdminPage })));
const ScorecardsPage = lazy(() =>
  import('./scorecards/scorecards-page.js').then((m) => ({ default: m.ScorecardsPage })),
);
const InspectionPage = lazy(() =>
  import('./inspection/inspection-page.js').then((m) => ({ default: m.InspectionPage })),
);
const BridgePage = lazy(() => import('./bridge/bridge-page.js').then((m) => ({ default: m.BridgePage })));
const InsightsPage = lazy(() =>
  import('./insights/insights-page.js').then((m) => ({ default: m.InsightsPage })),
);
const EngagementPage = lazy(() =>
  import('./engagement/engagement-page.js').then((m) => ({ default: m.EngagementPage })),
);
const AccountPage = lazy(() =>
  import('./accounts/account-page.js').then((m) => ({ default: m.AccountPage })),
);

function Loading({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Spinner />}>{children}</Suspense>;
}

function AdminsOnly({ children }: { children: ReactNode }) {
  const session = useSession();
  if (!session.can.administer) {
    return (
      <EmptyState title="This page is for admins">
        Your roles do not include admin. Ask an admin if you need access.
      </EmptyState>
    );
  }
  return <Loading>{children}</Loading>;
}

function NotFound() {
  const location = useLocation();
  return (
    <EmptyState title="No such page">
      There is nothing at <code>{location.pathname}</code>.
    </EmptyState>
  );
}

export function createAppRouter() {
  return createBrowserRouter([
    { path: '/sign-in', element: <SignInPage /> },
    {
      element: <RequireSession />,
      children: [
        { index: true, element: <Navigate to="/pipeline" replace /> },
        { path: 'pipeline', element: <PipelinePage /> },
        { path: 'deals', element: <DealsPage /> },
        {
          path: 'deals/:id',
          element: (
            <Loading>
              <DealPage />
            </Loading>
          ),
        },
        {
          path: 'inspection',
          element: (
            <Loading>
              <InspectionPage />
            </Loading>
          ),
        },
        {
          path: 'insights',
          element: (
            <Loading>
              <InsightsPage />
            </Loading>
          ),
        },
        {
          path: 'engagement',
          element: (
            <Loading>
              <EngagementPage />
            </Loading>
          ),
        },
        {
          path: 'accounts/:id',
          element: (
            <Loading>
              <AccountPage />
            </Loading>
          ),
        },
        {
          path: 'bridge',
          element: (
            <Loading>
              <BridgePage />
            </Loading>
          ),
        },
        {
          path: 'forecast',
          element: (
            <Loading>
              <ForecastPage />
            </Loading>
          ),
        },
        {
          path: 'accuracy',
          element: (
            <Loading>
              <AccuracyPage />
            </Loading>
          ),
        },
        {
          path: 'scorecards',
          element: (
            <Loading>
              <ScorecardsPage />
            </Loading>
          ),
        },
        {
          path: 'audit',
          element: (
            <Loading>
              <AuditPage />
            </Loading>
          ),
        },
        {
          path: 'imports',
          element: (
            <AdminsOnly>
              <ImportsPage />
            </AdminsOnly>
          ),
        },
        {
          path: 'admin',
          element: (
            <AdminsOnly>
              <AdminPage />
            </AdminsOnly>
          ),
        },
        { path: '*', element: <NotFound /> },
      ],
    },
  ]);
}
