import { lazy } from 'react';
import { Route, Routes } from 'react-router-dom';
import { NotFoundResult } from '../../app/ErrorResult.tsx';
import { RequirePermission } from '../../app/RequirePermission.tsx';

// Each page is its own chunk: the ledger does not download the import page or the funnel.
const ProjectLedgerPage = lazy(() => import('./ProjectLedgerPage.tsx').then((m) => ({ default: m.ProjectLedgerPage })));
const ProjectStatsPage = lazy(() => import('./ProjectStatsPage.tsx').then((m) => ({ default: m.ProjectStatsPage })));
const ProjectImportPage = lazy(() => import('./ProjectImportPage.tsx').then((m) => ({ default: m.ProjectImportPage })));
const ProjectFormPage = lazy(() => import('./ProjectFormPage.tsx').then((m) => ({ default: m.ProjectFormPage })));
const ProjectPage = lazy(() => import('./ProjectPage.tsx').then((m) => ({ default: m.ProjectPage })));

/** The project pages under /projects (the router checks project.read; writing pages check their own permission). */
export function ProjectRoutes() {
  return (
    <Routes>
      <Route index element={<ProjectLedgerPage />} />
      <Route path="stats" element={<ProjectStatsPage />} />
      <Route
        path="import"
        element={
          <RequirePermission permission="project.import">
            <ProjectImportPage />
          </RequirePermission>
        }
      />
      <Route
        path="new"
        element={
          <RequirePermission permission="project.manage">
            <ProjectFormPage />
          </RequirePermission>
        }
      />
      <Route path=":id" element={<ProjectPage />} />
      <Route
        path=":id/edit"
        element={
          <RequirePermission permission="project.manage">
            <ProjectFormPage />
          </RequirePermission>
        }
      />
      <Route path="*" element={<NotFoundResult />} />
    </Routes>
  );
}
