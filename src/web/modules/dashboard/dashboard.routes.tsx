import { Navigate, type RouteObject } from 'react-router-dom';
import type { Permission } from '../../../common/access/permissions.ts';
import { ForbiddenResult } from '../../app/ErrorResult.tsx';
import { lazyPage } from '../../app/page-route.tsx';
import { useSession } from '../../app/session.tsx';
import { prefetchChinaMap } from '../../shared/map/map-files.ts';

const DashboardPage = lazyPage(() => import('./DashboardPage.tsx'), 'DashboardPage');

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
  if (can('dashboard.read')) {
    // The map's file comes while the page's chunk loads (the map is drawn once both are here).
    prefetchChinaMap();
    return <DashboardPage />;
  }
  const first = HOME_FALLBACK.find(([, permission]) => can(permission));
  return first ? <Navigate to={first[0]} replace /> : <ForbiddenResult />;
}

export const dashboardRoutes: RouteObject[] = [{ index: true, element: <Home /> }];
