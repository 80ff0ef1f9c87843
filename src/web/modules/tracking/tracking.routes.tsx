import type { RouteObject } from 'react-router-dom';
import { lazyPage, pageRoute } from '../../app/page-route.tsx';

const ItemListPage = lazyPage(() => import('./ItemListPage.tsx'), 'ItemListPage');
const MyItemsPage = lazyPage(() => import('./ItemListPage.tsx'), 'MyItemsPage');
const ItemPage = lazyPage(() => import('./ItemPage.tsx'), 'ItemPage');

export const trackingRoutes: RouteObject[] = [
  pageRoute('tracking', ItemListPage, 'item.read'),
  pageRoute('tracking/mine', MyItemsPage, 'item.progress'),
  pageRoute('tracking/:id', ItemPage, 'item.read'),
];
