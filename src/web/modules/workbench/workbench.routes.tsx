import type { RouteObject } from 'react-router-dom';
import { lazyPage, pageRoute } from '../../app/page-route.tsx';

const WorkbenchPage = lazyPage(() => import('./WorkbenchPage.tsx'), 'WorkbenchPage');

export const workbenchRoutes: RouteObject[] = [pageRoute('workbench', WorkbenchPage, 'workbench.read')];
