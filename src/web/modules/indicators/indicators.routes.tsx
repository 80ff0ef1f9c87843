import type { RouteObject } from 'react-router-dom';
import { lazyPage, pageRoute } from '../../app/page-route.tsx';

const IndicatorLibraryPage = lazyPage(() => import('./IndicatorLibraryPage.tsx'), 'IndicatorLibraryPage');

export const indicatorRoutes: RouteObject[] = [pageRoute('indicators', IndicatorLibraryPage, 'indicator.read')];
