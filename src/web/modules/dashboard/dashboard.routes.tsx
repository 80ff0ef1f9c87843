import { useState } from 'react';
import { Navigate, type RouteObject } from 'react-router-dom';
import type { Permission } from '../../../common/access/permissions.ts';
import { ForbiddenResult } from '../../app/ErrorResult.tsx';
import { holdFirstScreen, releaseFirstScreen } from '../../app/first-screen.ts';
import { lazyPage } from '../../app/page-route.tsx';
import { useProgramme } from '../../app/programme.tsx';
import { useSession } from '../../app/session.tsx';
import { prefetchChinaMap } from '../../shared/map/map-files.ts';
import { prefetchDashboard } from './dashboard.api.ts';
import { loadDashboardPage, loadedDashboardPage, prefetchHome } from './dashboard-first.ts';

const LazyDashboardPage = lazyPage(loadDashboardPage, 'DashboardPage');

// At its home address the page's chunk, the map and the figures are on their way already (dashboard-first.ts); the
// frame's menu and header tools wait for the map to be drawn (app/first-screen.ts).
if (prefetchHome()) holdFirstScreen();

/** The dashboard's figures are asked for with the first showing only: later ones ask when the page mounts. */
let figuresAsked = false;

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
  // Chosen once for this Home: switching from the lazy page to the loaded one would mount the page again.
  const [Page] = useState(() => loadedDashboardPage() ?? LazyDashboardPage);
  if (can('dashboard.read')) {
    // The map's file and the figures come while the page's chunk loads (the map is drawn once all three are here).
    if (!figuresAsked) {
      figuresAsked = true;
      prefetchChinaMap();
      prefetchDashboard(requested);
    }
    return <Page />;
  }
  const first = HOME_FALLBACK.find(([, permission]) => can(permission));
  // No map to wait for: the frame is released at once (a no-op when it does not wait).
  releaseFirstScreen();
  return first ? <Navigate to={first[0]} replace /> : <ForbiddenResult />;
}

export const dashboardRoutes: RouteObject[] = [{ index: true, element: <Home /> }];
