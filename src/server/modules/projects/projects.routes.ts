import type { FastifyInstance } from 'fastify';
import { publishInput, unpublishInput } from '../../../common/api/portal.ts';
import { publishProject, unpublishProject } from './project-publishing.service.ts';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import { idParams, uuid } from '../../../common/api/common.ts';
import {
  createProjectInput,
  updateProjectInput,
  stageMoveInput,
  figureReportInput,
  projectDetail,
  projectListQuery,
  projectListResponse,
  projectStatsQuery,
  projectStats,
  importJob,
  industryCatalogue,
} from '../../../common/api/projects.ts';
import { moduleRoutes } from '../../http/route.ts';
import { uploadedFile } from '../../http/upload.ts';
import { DEFAULT_SHEET_LIMITS } from '../../kernel/sheet/sheet-file-guard.ts';
import { presentDetail, presentIndustryCatalogue, presentProjectPage } from './projects.presenter.ts';
import {
  createProject,
  industryCatalogue as loadIndustryCatalogue,
  moveStage,
  projectDetail as loadProjectDetail,
  projectFigures,
  projectPage,
  reportFigure,
  updateProject,
} from './projects.service.ts';
import { exportProjectLedger } from './project-ledger-export.service.ts';
import { requestLocale } from '../../http/request-locale.ts';
import { exportProjectStats } from './project-stats-export.ts';
import { sendXlsx } from '../../xlsx/list-workbook.ts';
import { revealContact } from './project-contact.service.ts';
import { projectContact } from '../../../common/api/projects.ts';
import {
  PROJECT_SHEET_UPLOAD,
  projectImportJob,
  projectSheetTemplate,
  startProjectImport,
} from './sheet/project-sheet.service.ts';
import { translate } from '../../../common/i18n/messages.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function attachment(fileName: string) {
  return `attachment; filename="download.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function registerProjectRoutes(app: FastifyInstance) {
  app.register(async (scope) => {
    // Only the import parses multipart bodies; the limit is the sheet's own, so an oversized upload stops early.
    await scope.register(multipart, {
      limits: { fileSize: DEFAULT_SHEET_LIMITS.maxBytes, files: 1, fields: 3, parts: 4, fieldSize: 200 },
    });
    const r = moduleRoutes(scope, 'projects');

    // GB/T 4754 is public reference data: the self-registration form chooses its industry from it before sign-in.
    r.get('/api/industries', { access: 'public', response: industryCatalogue }, () =>
      presentIndustryCatalogue(loadIndustryCatalogue()),
    );

    // The ledger of the reader's scope, the same for every role that may read it.
    r.get(
      '/api/projects',
      {
        access: 'project.read',
        cacheable: true,
        sharedAnswer: { acrossRoles: () => '' },
        query: projectListQuery,
        response: projectListResponse,
      },
      async ({ ctx, query }) => presentProjectPage(await projectPage(ctx, query), query),
    );

    // The figures of the reader's scope, the same for every role that may read them.
    r.get(
      '/api/projects/stats',
      {
        access: 'project.read',
        cacheable: true,
        sharedAnswer: { acrossRoles: () => '' },
        query: projectStatsQuery,
        response: projectStats,
      },
      ({ ctx, query }) => projectFigures(ctx, query),
    );

    r.get(
      '/api/projects/stats.xlsx',
      { access: 'project.read', query: projectStatsQuery },
      async ({ ctx, query, reply }) => {
        const { fileName, file } = await exportProjectStats(ctx, query);
        return sendXlsx(reply, fileName, file);
      },
    );

    r.get(
      '/api/projects/template.xlsx',
      { access: 'project.import', query: z.strictObject({ pairingId: uuid.optional() }) },
      async ({ ctx, query, reply }) => {
        const buffer = await projectSheetTemplate(ctx, query.pairingId);
        return reply
          .type(XLSX)
          .header('Content-Disposition', attachment(`${translate('zh-CN', 'ui.output.files.projectTemplate')}.xlsx`))
          .send(buffer);
      },
    );

    r.get(
      '/api/projects/export.xlsx',
      {
        access: 'project.read',
        query: projectListQuery.omit({ page: true, pageSize: true, sort: true, order: true }),
      },
      async ({ ctx, query, req, reply }) => {
        const { fileName, buffer } = await exportProjectLedger(ctx, query, requestLocale(req));
        return reply.type(XLSX).header('Content-Disposition', attachment(fileName)).send(buffer);
      },
    );

    r.post(
      '/api/projects/import',
      { access: 'project.import', consumes: ['multipart/form-data'], response: importJob, status: 202 },
      async ({ ctx, req }) => startProjectImport(ctx, await uploadedFile(req, PROJECT_SHEET_UPLOAD)),
    );

    r.get(
      '/api/projects/import/:id',
      {
        access: 'project.import',
        params: idParams,
        query: z.strictObject({ wait: z.enum(['true', 'false']).optional() }),
        response: importJob,
      },
      ({ ctx, params, query }) => projectImportJob(ctx, params.id, query.wait === 'true'),
    );

    // The page is the same for every reader allowed to see the project (no field depends on the roles; the contact
    // is masked for all and revealed by the audited route below): one kept answer serves everyone whose scope holds
    // its pairing, whatever else that scope holds.
    r.get(
      '/api/projects/:id',
      {
        access: 'project.read',
        cacheable: true,
        sharedAnswer: { acrossScopes: () => '' },
        params: idParams,
        response: projectDetail,
      },
      async ({ ctx, params }) => presentDetail(await loadProjectDetail(ctx, params.id)),
    );

    // The contact is shown masked; revealing it is a read of personal data, audited.
    r.get(
      '/api/projects/:id/contact',
      { access: 'project.read', params: idParams, response: projectContact },
      async ({ ctx, params }) => revealContact(ctx, params.id),
    );

    r.post(
      '/api/projects',
      { access: 'project.manage', body: createProjectInput, response: projectDetail, status: 201 },
      async ({ ctx, body }) => presentDetail(await loadProjectDetail(ctx, await createProject(ctx, body))),
    );

    r.patch(
      '/api/projects/:id',
      { access: 'project.manage', params: idParams, body: updateProjectInput, response: projectDetail },
      async ({ ctx, params, body }) => {
        await updateProject(ctx, params.id, body);
        return presentDetail(await loadProjectDetail(ctx, params.id));
      },
    );

    r.post(
      '/api/projects/:id/moves',
      { access: 'project.manage', params: idParams, body: stageMoveInput, response: projectDetail },
      async ({ ctx, params, body }) => presentDetail(await moveStage(ctx, params.id, body)),
    );

    r.post(
      '/api/projects/:id/publish',
      { access: 'project.publish', params: idParams, body: publishInput, response: projectDetail },
      async ({ ctx, params, body }) => {
        await publishProject(ctx, params.id, body);
        return presentDetail(await loadProjectDetail(ctx, params.id));
      },
    );
    r.post(
      '/api/projects/:id/unpublish',
      { access: 'project.publish', params: idParams, body: unpublishInput, response: projectDetail },
      async ({ ctx, params, body }) => {
        await unpublishProject(ctx, params.id, body.version);
        return presentDetail(await loadProjectDetail(ctx, params.id));
      },
    );

    r.post(
      '/api/projects/:id/figures',
      { access: 'project.manage', params: idParams, body: figureReportInput, response: projectDetail },
      async ({ ctx, params, body: { version, ...report } }) =>
        presentDetail(await reportFigure(ctx, params.id, report, version)),
    );
  });
}
