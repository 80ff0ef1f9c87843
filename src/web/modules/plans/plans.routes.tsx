import type { RouteObject } from 'react-router-dom';
import { lazyPage, pageRoute } from '../../app/page-route.tsx';

const PlanListPage = lazyPage(() => import('./PlanListPage.tsx'), 'PlanListPage');
const PlanImportPage = lazyPage(() => import('./PlanImportPage.tsx'), 'PlanImportPage');
const PlanPage = lazyPage(() => import('./PlanPage.tsx'), 'PlanPage');
const AnnualPlanPage = lazyPage(() => import('./AnnualPlanPage.tsx'), 'AnnualPlanPage');
const BulkAssignPage = lazyPage(() => import('../tasks/BulkAssignPage.tsx'), 'BulkAssignPage');

export const planRoutes: RouteObject[] = [
  pageRoute('plans', PlanListPage, 'plan.read'),
  pageRoute('plans/import', PlanImportPage, 'plan.import'),
  pageRoute('plans/:id', PlanPage, 'plan.read'),
  pageRoute('plans/:id/annual', AnnualPlanPage, 'plan.import'),
  pageRoute('plans/:id/assign', BulkAssignPage, 'task.update'),
];
