import type { RouteObject } from 'react-router-dom';
import { lazyPage, pageRoute } from '../../app/page-route.tsx';

const ProjectLedgerPage = lazyPage(() => import('./ProjectLedgerPage.tsx'), 'ProjectLedgerPage');
const ProjectStatsPage = lazyPage(() => import('./ProjectStatsPage.tsx'), 'ProjectStatsPage');
const ProjectImportPage = lazyPage(() => import('./ProjectImportPage.tsx'), 'ProjectImportPage');
const ProjectFormPage = lazyPage(() => import('./ProjectFormPage.tsx'), 'ProjectFormPage');
const ProjectPage = lazyPage(() => import('./ProjectPage.tsx'), 'ProjectPage');

export const projectRoutes: RouteObject[] = [
  pageRoute('projects', ProjectLedgerPage, 'project.read'),
  pageRoute('projects/stats', ProjectStatsPage, 'project.read'),
  pageRoute('projects/import', ProjectImportPage, 'project.import'),
  pageRoute('projects/new', ProjectFormPage, 'project.manage'),
  pageRoute('projects/:id', ProjectPage, 'project.read'),
  pageRoute('projects/:id/edit', ProjectFormPage, 'project.manage'),
];
