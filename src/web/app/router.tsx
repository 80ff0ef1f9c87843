import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { Spin } from 'antd';
import type { Permission } from '../../common/access/permissions.ts';
import { useSession } from './session.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { ForbiddenResult, NotFoundResult } from './ErrorResult.tsx';
import { RequirePermission } from './RequirePermission.tsx';

// Each page is its own chunk: the login screen does not download the map, the dashboard does not download
// the admin forms.
const LoginPage = lazy(() => import('../modules/auth/login/LoginPage.tsx').then((m) => ({ default: m.LoginPage })));
const SetupPage = lazy(() => import('../modules/auth/setup/SetupPage.tsx').then((m) => ({ default: m.SetupPage })));
const DashboardPage = lazy(() =>
  import('../modules/dashboard/DashboardPage.tsx').then((m) => ({ default: m.DashboardPage })),
);
const PairingListPage = lazy(() =>
  import('../modules/pairings/PairingListPage.tsx').then((m) => ({ default: m.PairingListPage })),
);
const PairingDetailPage = lazy(() =>
  import('../modules/pairings/PairingDetailPage.tsx').then((m) => ({ default: m.PairingDetailPage })),
);
const RegionsPage = lazy(() => import('../modules/regions/RegionsPage.tsx').then((m) => ({ default: m.RegionsPage })));
const OrganisationsPage = lazy(() =>
  import('../modules/admin/organisations/OrganisationsPage.tsx').then((m) => ({ default: m.OrganisationsPage })),
);
const UsersPage = lazy(() => import('../modules/admin/users/UsersPage.tsx').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('../modules/audit/AuditPage.tsx').then((m) => ({ default: m.AuditPage })));
const PlanListPage = lazy(() => import('../modules/plans/PlanListPage.tsx').then((m) => ({ default: m.PlanListPage })));
const PlanImportPage = lazy(() =>
  import('../modules/plans/PlanImportPage.tsx').then((m) => ({ default: m.PlanImportPage })),
);
const AnnualPlanPage = lazy(() =>
  import('../modules/plans/AnnualPlanPage.tsx').then((m) => ({ default: m.AnnualPlanPage })),
);
const PlanPage = lazy(() => import('../modules/plans/PlanPage.tsx').then((m) => ({ default: m.PlanPage })));
const MyTasksPage = lazy(() => import('../modules/tasks/MyTasksPage.tsx').then((m) => ({ default: m.MyTasksPage })));
const TaskPage = lazy(() => import('../modules/tasks/TaskPage.tsx').then((m) => ({ default: m.TaskPage })));
const ProjectRoutes = lazy(() =>
  import('../modules/projects/ProjectRoutes.tsx').then((m) => ({ default: m.ProjectRoutes })),
);
const ParkListPage = lazy(() => import('../modules/parks/ParkListPage.tsx').then((m) => ({ default: m.ParkListPage })));
const ParkPage = lazy(() => import('../modules/parks/ParkPage.tsx').then((m) => ({ default: m.ParkPage })));
const EventListPage = lazy(() =>
  import('../modules/events/EventListPage.tsx').then((m) => ({ default: m.EventListPage })),
);
const EventPage = lazy(() => import('../modules/events/EventPage.tsx').then((m) => ({ default: m.EventPage })));
const CycleListPage = lazy(() =>
  import('../modules/reporting/CycleListPage.tsx').then((m) => ({ default: m.CycleListPage })),
);
const CyclePage = lazy(() => import('../modules/reporting/CyclePage.tsx').then((m) => ({ default: m.CyclePage })));
const ReportPage = lazy(() => import('../modules/reporting/ReportPage.tsx').then((m) => ({ default: m.ReportPage })));
const InboxPage = lazy(() => import('../modules/reporting/InboxPage.tsx').then((m) => ({ default: m.InboxPage })));
const NotificationsPage = lazy(() =>
  import('../modules/reporting/NotificationsPage.tsx').then((m) => ({ default: m.NotificationsPage })),
);

const fullPageSpinner = <Spin size="large" style={{ display: 'block', marginTop: '30vh' }} />;

function RequireAuth({ children }: { children: ReactNode }) {
  const { me, signedOut } = useSession();
  const location = useLocation();
  if (me === undefined) return fullPageSpinner;
  if (me === null)
    return <Navigate to="/login" replace state={signedOut ? null : { from: location.pathname + location.search }} />;
  return children;
}

/** Where a user without the dashboard lands (the 三员 first see their own job). */
const HOME_FALLBACK: [string, Permission][] = [
  ['/admin/users', 'user.read'],
  ['/admin/organisations', 'organisation.read'],
  ['/audit', 'audit.read'],
  ['/pairings', 'pairing.read'],
  ['/regions', 'region.read'],
];

/** The dashboard for those who may see it; administrators land on the first page their roles allow. */
function Home() {
  const { can } = useSession();
  if (can('dashboard.read')) return <DashboardPage />;
  const first = HOME_FALLBACK.find(([, permission]) => can(permission));
  return first ? <Navigate to={first[0]} replace /> : <ForbiddenResult />;
}

export function AppRoutes() {
  return (
    <Suspense fallback={fullPageSpinner}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/setup" element={<SetupPage />} />
        <Route
          element={
            <RequireAuth>
              <AppLayout />
            </RequireAuth>
          }
        >
          <Route index element={<Home />} />
          <Route
            path="pairings"
            element={
              <RequirePermission permission="pairing.read">
                <PairingListPage />
              </RequirePermission>
            }
          />
          <Route
            path="pairings/:id"
            element={
              <RequirePermission permission="pairing.read">
                <PairingDetailPage />
              </RequirePermission>
            }
          />
          <Route
            path="regions"
            element={
              <RequirePermission permission="region.read">
                <RegionsPage />
              </RequirePermission>
            }
          />
          <Route
            path="plans"
            element={
              <RequirePermission permission="plan.read">
                <PlanListPage />
              </RequirePermission>
            }
          />
          <Route
            path="plans/import"
            element={
              <RequirePermission permission="plan.import">
                <PlanImportPage />
              </RequirePermission>
            }
          />
          <Route
            path="plans/:id"
            element={
              <RequirePermission permission="plan.read">
                <PlanPage />
              </RequirePermission>
            }
          />
          <Route
            path="plans/:id/annual"
            element={
              <RequirePermission permission="plan.import">
                <AnnualPlanPage />
              </RequirePermission>
            }
          />
          <Route
            path="tasks/mine"
            element={
              <RequirePermission permission="task.read">
                <MyTasksPage />
              </RequirePermission>
            }
          />
          <Route
            path="tasks/:id"
            element={
              <RequirePermission permission="task.read">
                <TaskPage />
              </RequirePermission>
            }
          />
          <Route
            path="projects/*"
            element={
              <RequirePermission permission="project.read">
                <ProjectRoutes />
              </RequirePermission>
            }
          />
          <Route
            path="parks"
            element={
              <RequirePermission permission="park.read">
                <ParkListPage />
              </RequirePermission>
            }
          />
          <Route
            path="parks/:id"
            element={
              <RequirePermission permission="park.read">
                <ParkPage />
              </RequirePermission>
            }
          />
          <Route
            path="events"
            element={
              <RequirePermission permission="event.read">
                <EventListPage />
              </RequirePermission>
            }
          />
          <Route
            path="events/:id"
            element={
              <RequirePermission permission="event.read">
                <EventPage />
              </RequirePermission>
            }
          />
          <Route
            path="reporting"
            element={
              <RequirePermission permission="report.read">
                <CycleListPage />
              </RequirePermission>
            }
          />
          <Route
            path="reporting/cycles/:id"
            element={
              <RequirePermission permission="report.read">
                <CyclePage />
              </RequirePermission>
            }
          />
          <Route
            path="reporting/reports/:id"
            element={
              <RequirePermission permission="report.read">
                <ReportPage />
              </RequirePermission>
            }
          />
          <Route
            path="reporting/inbox"
            element={
              <RequirePermission permission="report.fill">
                <InboxPage />
              </RequirePermission>
            }
          />
          <Route path="notifications" element={<NotificationsPage />} />
          <Route
            path="admin/organisations"
            element={
              <RequirePermission permission="organisation.read">
                <OrganisationsPage />
              </RequirePermission>
            }
          />
          <Route
            path="admin/users"
            element={
              <RequirePermission permission="user.read">
                <UsersPage />
              </RequirePermission>
            }
          />
          <Route
            path="audit"
            element={
              <RequirePermission permission="audit.read">
                <AuditPage />
              </RequirePermission>
            }
          />
          <Route path="*" element={<NotFoundResult />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
