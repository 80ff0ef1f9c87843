import { Suspense, type ReactNode } from 'react';
import { Navigate, useLocation, useRoutes, type RouteObject } from 'react-router-dom';
import { Spin } from 'antd';
import { organisationRoutes } from '../modules/admin/organisations/organisations.routes.tsx';
import { userRoutes } from '../modules/admin/users/users.routes.tsx';
import { auditRoutes } from '../modules/audit/audit.routes.tsx';
import { demoRoutes } from '../modules/demo/demo.routes.tsx';
import { authRoutes } from '../modules/auth/auth.routes.tsx';
import { dashboardRoutes } from '../modules/dashboard/dashboard.routes.tsx';
import { eventRoutes } from '../modules/events/events.routes.tsx';
import { listingRoutes, registrationRoutes } from '../modules/listings/listings.routes.tsx';
import { meetingRoutes } from '../modules/meetings/meetings.routes.tsx';
import { portalRoutes } from '../modules/portal/portal.routes.tsx';
import { peopleRoutes } from '../modules/people/people.routes.tsx';
import { replicationRoutes } from '../modules/replication/replication.routes.tsx';
import { pairingRoutes } from '../modules/pairings/pairings.routes.tsx';
import { programmeRoutes } from '../modules/programmes/programmes.routes.tsx';
import { parkRoutes } from '../modules/parks/parks.routes.tsx';
import { planRoutes } from '../modules/plans/plans.routes.tsx';
import { projectRoutes } from '../modules/projects/projects.routes.tsx';
import { regionRoutes } from '../modules/regions/regions.routes.tsx';
import { reportingRoutes } from '../modules/reporting/reporting.routes.tsx';
import { taskRoutes } from '../modules/tasks/tasks.routes.tsx';
import { trackingRoutes } from '../modules/tracking/tracking.routes.tsx';
import { workbenchRoutes } from '../modules/workbench/workbench.routes.tsx';
import { indicatorRoutes } from '../modules/indicators/indicators.routes.tsx';
import { evaluationRoutes } from '../modules/evaluations/evaluations.routes.tsx';
import { summaryRoutes } from '../modules/summaries/summaries.routes.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { NotFoundResult } from './ErrorResult.tsx';
import { useSession } from './session.tsx';

const fullPageSpinner = <Spin size="large" style={{ display: 'block', marginTop: '30vh' }} />;

function RequireAuth({ children }: { children: ReactNode }) {
  const { me, signedOut } = useSession();
  const location = useLocation();
  if (me === undefined) return fullPageSpinner;
  if (me === null)
    return <Navigate to="/login" replace state={signedOut ? null : { from: location.pathname + location.search }} />;
  return children;
}

/** Every module's pages: sign-in outside the frame, the rest inside it for signed-in users. */
const routes: RouteObject[] = [
  ...authRoutes,
  ...registrationRoutes,
  {
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      ...dashboardRoutes,
      ...workbenchRoutes,
      ...indicatorRoutes,
      ...evaluationRoutes,
      ...summaryRoutes,
      ...pairingRoutes,
      ...programmeRoutes,
      ...regionRoutes,
      ...planRoutes,
      ...taskRoutes,
      ...projectRoutes,
      ...parkRoutes,
      ...eventRoutes,
      ...listingRoutes,
      ...meetingRoutes,
      ...peopleRoutes,
      ...replicationRoutes,
      ...portalRoutes,
      ...trackingRoutes,
      ...reportingRoutes,
      ...organisationRoutes,
      ...userRoutes,
      ...auditRoutes,
      ...demoRoutes,
      { path: '*', element: <NotFoundResult /> },
    ],
  },
];

export function AppRoutes() {
  const element = useRoutes(routes);
  return <Suspense fallback={fullPageSpinner}>{element}</Suspense>;
}
