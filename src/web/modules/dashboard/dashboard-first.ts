import { rememberedProgramme } from '../../app/first-programmes.ts';
import { prefetchChinaMap } from '../../shared/map/map-files.ts';
import { prefetchDashboard } from './dashboard.api.ts';

type PageModule = typeof import('./DashboardPage.tsx');
let page: Promise<PageModule> | null = null;
/** The page once its chunk is here: shown as it is, without suspending. */
let loaded: PageModule['DashboardPage'] | null = null;

export function loadDashboardPage(): Promise<PageModule> {
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

export const loadedDashboardPage = () => loaded;

/**
 * Opened at its home address, the app fetches the dashboard's chunk, the map of China and the figures while it asks
 * who is signed in: once the answer allows the dashboard, the page is there and shows at once (a page that suspends
 * is revealed no sooner than 300 ms after its spinner, React's throttle of Suspense fallbacks). The figures are those
 * of the programme chosen last, known before the list of programmes. Called by the first script (src/web/early.ts),
 * before the app's code has arrived, and again by the app's routes (once only: each request is made once). True at
 * the home address.
 */
export function prefetchHome(): boolean {
  if (typeof window === 'undefined' || window.location.pathname !== '/') return false;
  // The map and the figures first: the browser opens six connections to a server and serves requests in the order
  // made, and the page's chunk comes with many small ones.
  prefetchChinaMap();
  prefetchDashboard(rememberedProgramme() ?? undefined, true);
  loadDashboardPage().catch(() => undefined);
  return true;
}
