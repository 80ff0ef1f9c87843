import { Navigate, type RouteObject } from 'react-router-dom';
import type { Permission } from '../../../common/access/permissions.ts';
import { ForbiddenResult } from '../../app/ErrorResult.tsx';
import { lazyPage } from '../../app/page-route.tsx';
import { useProgramme } from '../../app/programme.tsx';
import { useSession } from '../../app/session.tsx';
import { prefetchChinaMap } from '../../shared/map/map-files.ts';
import { prefetchDashboard } from './dashboard.api.ts';

let pageLoaded = false;
const DashboardPage = lazyPage(
  () =>
    import('./DashboardPage.tsx').then((page) => {
      pageLoaded = true;
      return page;
    }),
  'DashboardPage',
);

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
  const { requested } = useProgramme();
  if (can('dashboard.read')) {
    // The map's file and the figures come while the page's chunk loads (the map is drawn once all three are here);
    // once the chunk is there the page asks for its figures itself.
    if (!pageLoaded) {
      prefetchChinaMap();
      prefetchDashboard(requested);
    }
    return <DashboardPage />;
  }
  const first = HOME_FALLBACK.find(([, permission]) => can(permission));
  return first ? <Navigate to={first[0]} replace /> : <ForbiddenResult />;
}

export const dashboardRoutes: RouteObject[] = [{ index: true, element: <Home /> }];
