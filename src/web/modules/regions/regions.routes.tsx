import type { RouteObject } from 'react-router-dom';
import { lazyPage, pageRoute } from '../../app/page-route.tsx';

const RegionsPage = lazyPage(() => import('./RegionsPage.tsx'), 'RegionsPage');

export const regionRoutes: RouteObject[] = [pageRoute('regions', RegionsPage, 'region.read')];
