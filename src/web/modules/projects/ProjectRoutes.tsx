import { lazy, type ReactNode } from 'react';
import { Route, Routes } from 'react-router-dom';
import type { Permission } from '../../../common/access/permissions.ts';
import { ForbiddenResult, NotFoundResult } from '../../app/ErrorResult.tsx';
import { useSession } from '../../app/session.tsx';

// Each page is its own chunk: the ledger does not download the import page or the funnel.
const ProjectLedgerPage = lazy(() => import('./ProjectLedgerPage.tsx').then((m) => ({ default: m.ProjectLedgerPage })));
const ProjectStatsPage = lazy(() => import('./ProjectStatsPage.tsx').then((m) => ({ default: m.ProjectStatsPage })));
const ProjectImportPage = lazy(() => import('./ProjectImportPage.tsx').then((m) => ({ default: m.ProjectImportPage })));
const ProjectFormPage = lazy(() => import('./ProjectFormPage.tsx').then((m) => ({ default: m.ProjectFormPage })));
const ProjectPage = lazy(() => import('./ProjectPage.tsx').then((m) => ({ default: m.ProjectPage })));

function Allowed({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useSession();
  return can(permission) ? children : <ForbiddenResult />;
}

/** The project pages under /projects (the router checks project.read; writing pages check their own permission). */
export function ProjectRoutes() {
  return (
    <Routes>
      <Route index element={<ProjectLedgerPage />} />
      <Route path="stats" element={<ProjectStatsPage />} />
      <Route path="import" element={<Allowed permission="project.import"><ProjectImportPage /></Allowed>} />
      <Route path="new" element={<Allowed permission="project.manage"><ProjectFormPage /></Allowed>} />
      <Route path=":id" element={<ProjectPage />} />
      <Route path=":id/edit" element={<Allowed permission="project.manage"><ProjectFormPage /></Allowed>} />
      <Route path="*" element={<NotFoundResult />} />
    </Routes>
  );
}
