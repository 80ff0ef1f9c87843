import type { RouteObject } from 'react-router-dom';
import { lazyPage, pageRoute } from '../../app/page-route.tsx';

const SummaryListPage = lazyPage(() => import('./SummaryListPage.tsx'), 'SummaryListPage');
const SummaryPage = lazyPage(() => import('./SummaryPage.tsx'), 'SummaryPage');

export const summaryRoutes: RouteObject[] = [
  pageRoute('summaries', SummaryListPage, 'summary.read'),
  pageRoute('summaries/:id', SummaryPage, 'summary.read'),
];
