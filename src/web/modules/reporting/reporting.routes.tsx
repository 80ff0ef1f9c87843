import type { RouteObject } from 'react-router-dom';
import { lazyPage, pageRoute } from '../../app/page-route.tsx';

const CycleListPage = lazyPage(() => import('./CycleListPage.tsx'), 'CycleListPage');
const CyclePage = lazyPage(() => import('./CyclePage.tsx'), 'CyclePage');
const ReportPage = lazyPage(() => import('./ReportPage.tsx'), 'ReportPage');
const InboxPage = lazyPage(() => import('./InboxPage.tsx'), 'InboxPage');
const NotificationsPage = lazyPage(() => import('./NotificationsPage.tsx'), 'NotificationsPage');

export const reportingRoutes: RouteObject[] = [
  pageRoute('reporting', CycleListPage, 'report.read'),
  pageRoute('reporting/cycles/:id', CyclePage, 'report.read'),
  pageRoute('reporting/reports/:id', ReportPage, 'report.read'),
  pageRoute('reporting/inbox', InboxPage, 'report.fill'),
  // Every signed-in user has notices.
  pageRoute('notifications', NotificationsPage),
];
