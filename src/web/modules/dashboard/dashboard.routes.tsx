import { useState } from 'react';
import { Navigate, type RouteObject } from 'react-router-dom';
import type { Permission } from '../../../common/access/permissions.ts';
import { ForbiddenResult } from '../../app/ErrorResult.tsx';
import { holdFirstScreen, releaseFirstScreen } from '../../app/first-screen.ts';
import { lazyPage } from '../../app/page-route.tsx';
import { rememberedProgramme, useProgramme } from '../../app/programme.tsx';
import { useSession } from '../../app/session.tsx';
import { prefetchChinaMap } from '../../shared/map/map-files.ts';
import { prefetchDashboard } from './dashboard.api.ts';

type PageModule = typeof import('./DashboardPage.tsx');
let page: Promise<PageModule> | null = null;
/** The page once its chunk is here: shown as it is, without suspending. */
let loaded: PageModule['DashboardPage'] | null = null;

function loadPage(): Promise<PageModule> {
  page ??= import('./DashboardPage.tsx').then(
    (module) => {
      loaded = module.DashboardPage;
      return module;
    },
    (err: unknown) => {
      page = null;
      throw err;
    },
  );
  return page;
}

const LazyDashboardPage = lazyPage(loadPage, 'DashboardPage');

// Opened at its home address, the app fetches the dashboard's chunk and the map of China while it asks who is signed
// in. Once the answer allows the dashboard, the page is there and shows at once: a page that suspends is revealed no
// sooner than 300 ms after its loading spinner (React's throttle of Suspense fallbacks).
// The figures are asked for at the same time (the programme the page will ask for is the one chosen last, known
// before the list of programmes), so they do not wait for the answer about who is signed in. The frame's menu and
// header tools wait for the map to be drawn (app/first-screen.ts).
if (typeof window !== 'undefined' && window.location.pathname === '/') {
  holdFirstScreen();
  loadPage().catch(() => undefined);
  prefetchChinaMap();
  prefetchDashboard(rememberedProgramme() ?? undefined, true);
}

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
  const [Page] = useState(() => loaded ?? LazyDashboardPage);
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
