import type { RouteObject } from 'react-router-dom';
import { lazyPage, pageRoute } from '../../../app/page-route.tsx';

const UsersPage = lazyPage(() => import('./UsersPage.tsx'), 'UsersPage');

export const userRoutes: RouteObject[] = [pageRoute('admin/users', UsersPage, 'user.read')];
