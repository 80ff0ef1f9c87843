import type { RouteObject } from 'react-router-dom';
import { lazyPage, pageRoute } from '../../app/page-route.tsx';

const ParkListPage = lazyPage(() => import('./ParkListPage.tsx'), 'ParkListPage');
const ParkPage = lazyPage(() => import('./ParkPage.tsx'), 'ParkPage');

export const parkRoutes: RouteObject[] = [
  pageRoute('parks', ParkListPage, 'park.read'),
  pageRoute('parks/:id', ParkPage, 'park.read'),
];
