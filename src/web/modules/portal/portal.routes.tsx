import type { RouteObject } from 'react-router-dom';
import { lazyPage, pageRoute } from '../../app/page-route.tsx';

const NewsListPage = lazyPage(() => import('./NewsListPage.tsx'), 'NewsListPage');
const NewsPage = lazyPage(() => import('./NewsPage.tsx'), 'NewsPage');
const PortalFiguresPage = lazyPage(() => import('./PortalFiguresPage.tsx'), 'PortalFiguresPage');

export const portalRoutes: RouteObject[] = [
  pageRoute('news', NewsListPage, 'news.read'),
  pageRoute('news/:id', NewsPage, 'news.read'),
  pageRoute('portal-figures', PortalFiguresPage, 'portal.figures'),
];
