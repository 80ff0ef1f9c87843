import type { RouteObject } from 'react-router-dom';
import { lazyPage, pageRoute } from '../../app/page-route.tsx';

const ProgrammeListPage = lazyPage(() => import('./ProgrammeListPage.tsx'), 'ProgrammeListPage');

export const programmeRoutes: RouteObject[] = [pageRoute('programmes', ProgrammeListPage, 'programme.manage')];
