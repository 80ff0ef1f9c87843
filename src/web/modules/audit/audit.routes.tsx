import type { RouteObject } from 'react-router-dom';
import { lazyPage, pageRoute } from '../../app/page-route.tsx';

const AuditPage = lazyPage(() => import('./AuditPage.tsx'), 'AuditPage');

export const auditRoutes: RouteObject[] = [pageRoute('audit', AuditPage, 'audit.read')];
