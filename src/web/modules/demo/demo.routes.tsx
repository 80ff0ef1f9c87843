import type { RouteObject } from 'react-router-dom';
import { lazyPage, pageRoute } from '../../app/page-route.tsx';

const DemoPage = lazyPage(() => import('./DemoPage.tsx'), 'DemoPage');

export const demoRoutes: RouteObject[] = [pageRoute('demo', DemoPage, 'demo.manage')];
