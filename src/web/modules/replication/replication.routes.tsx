import type { RouteObject } from 'react-router-dom';
import { lazyPage, pageRoute } from '../../app/page-route.tsx';

const PracticeListPage = lazyPage(() => import('./PracticeListPage.tsx'), 'PracticeListPage');
const PracticePage = lazyPage(() => import('./PracticePage.tsx'), 'PracticePage');

export const replicationRoutes: RouteObject[] = [
  pageRoute('replication', PracticeListPage, 'replication.read'),
  pageRoute('replication/:id', PracticePage, 'replication.read'),
];
