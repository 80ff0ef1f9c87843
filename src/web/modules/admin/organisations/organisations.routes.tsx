import type { RouteObject } from 'react-router-dom';
import { lazyPage, pageRoute } from '../../../app/page-route.tsx';

const OrganisationsPage = lazyPage(() => import('./OrganisationsPage.tsx'), 'OrganisationsPage');

export const organisationRoutes: RouteObject[] = [
  pageRoute('admin/organisations', OrganisationsPage, 'organisation.read'),
];
