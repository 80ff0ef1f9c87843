import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
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
import { AppError, fieldError, invalid, notFound } from '../../http/app-error.ts';
import { uploadedFile } from '../../http/upload.ts';
import type { AuthedContext } from '../../http/context.ts';
import { findProject, findProjectListRow, listProjects, pairingName } from './projects.repository.ts';
import { inPairingScope } from '../../kernel/pairing-scope.repository.ts';
import { money, presentDetail, presentSummary } from './projects.presenter.ts';
import { createProject, updateProject, moveStage, reportFigure } from './projects.service.ts';
import { projectStats as computeStats } from './project-stats.ts';
import { exportProjectLedger } from './project-ledger-export.ts';
import { industries } from '../../kernel/industries.ts';
import { buildProjectTemplate } from './sheet/project-sheet-template.ts';
import { guardSpreadsheet, DEFAULT_SHEET_LIMITS } from '../../kernel/sheet/sheet-file-guard.ts';
import { SheetFileError } from '../../kernel/sheet/sheet-file-error.ts';
import { startJob, getJob } from '../../kernel/jobs/job-store.ts';
import { runProjectImport } from './sheet/project-import.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function attachment(fileName: string) {
  return `attachment; filename="download.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export async function loadDetail(ctx: AuthedContext, id: string) {
  const [row, summary] = await Promise.all([
    findProject(ctx.db, ctx.actor, id),
    findProjectListRow(ctx.db, ctx.actor, id),
  ]);
  if (!row || !summary) throw notFound();
  return presentDetail(ctx.db, summary, row);
}

/** A refused sheet answers at once, before a job starts: 400 with the reason in both languages. */
function sheetRefusal(err: SheetFileError) {
  return new AppError(400, 'project_sheet_refused', [
    {
      field: 'file',
      code: `sheet_${err.code}`,
      zh: err.messageZh,
      en: err.messageEn,
      message: `${err.messageZh} / ${err.messageEn}`,
    },
  ]);
}

/** The project sheet and the pairing it is for, as a multipart request carries them. */
const sheetUpload = {
  requiredCode: 'project_upload_required',
  defaultName: 'projects.xlsx',
  maxBytes: DEFAULT_SHEET_LIMITS.maxBytes,
  tooLarge: (limit: string) => sheetRefusal(new SheetFileError('too_large', { limit })),
  fields: ['pairingId'],
};

export function registerProjectRoutes(app: FastifyInstance) {
  app.register(async (scope) => {
    // Only the import parses multipart bodies; the limit is the sheet's own, so an oversized upload stops early.
    await scope.register(multipart, {
      limits: { fileSize: DEFAULT_SHEET_LIMITS.maxBytes, files: 1, fields: 3, parts: 4, fieldSize: 200 },
    });
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/api/industries',
      { config: { access: 'project.read' }, schema: { tags: ['projects'], response: { 200: industryCatalogue } } },
      async () => {
        const c = industries();
        return {
          standard: c.standard,
          sections: c.sections.map((s) => ({
            code: s.code,
            name: s.name,
            nameEn: s.nameEn,
            divisions: s.divisions.map(({ code, name, nameEn }) => ({ code, name, nameEn })),
          })),
        };
      },
    );

    r.get(
      '/api/projects',
      {
        config: { access: 'project.read', cacheable: true },
        schema: { tags: ['projects'], querystring: projectListQuery, response: { 200: projectListResponse } },
      },
      async (req) => {
        const { items, totals } = await listProjects(req.ctx.db, req.actor!, req.query);
        return {
          items: items.map(presentSummary),
          total: totals.total,
          page: req.query.page,
          pageSize: req.query.pageSize,
          totals: {
            signed: money(totals.signed)!,
            planned: money(totals.planned)!,
            arrived: money(totals.arrived)!,
            completed: money(totals.completed)!,
          },
        };
      },
    );

    r.get(
      '/api/projects/stats',
      {
        config: { access: 'project.read', cacheable: true },
        schema: { tags: ['projects'], querystring: projectStatsQuery, response: { 200: projectStats } },
      },
      async (req) => computeStats(req.ctx.db, req.actor!, req.query),
    );

    r.get(
      '/api/projects/template.xlsx',
      {
        config: { access: 'project.import' },
        schema: { tags: ['projects'], querystring: z.strictObject({ pairingId: uuid.optional() }) },
      },
      async (req, reply) => {
        const name =
          req.query.pairingId && inPairingScope(req.actor!, req.query.pairingId)
            ? await pairingName(req.ctx.db, req.query.pairingId)
            : null;
        const buffer = await buildProjectTemplate({ pairingName: name ?? undefined });
        return reply.type(XLSX).header('Content-Disposition', attachment('合作项目导入模板.xlsx')).send(buffer);
      },
    );

    r.get(
      '/api/projects/export.xlsx',
      {
        config: { access: 'project.read' },
        schema: {
          tags: ['projects'],
          querystring: projectListQuery.omit({ page: true, pageSize: true, sort: true, order: true }),
        },
      },
      async (req, reply) => {
        const { fileName, buffer } = await exportProjectLedger(req.ctx as AuthedContext, req.query);
        return reply.type(XLSX).header('Content-Disposition', attachment(fileName)).send(buffer);
      },
    );

    r.post(
      '/api/projects/import',
      {
        config: { access: 'project.import' },
        schema: { tags: ['projects'], consumes: ['multipart/form-data'], response: { 202: importJob } },
      },
      async (req, reply) => {
        const ctx = req.ctx as AuthedContext;
        const upload = await uploadedFile(req, sheetUpload);
        const parsed = uuid.safeParse(upload.fields.pairingId);
        if (!parsed.success || !inPairingScope(ctx.actor, parsed.data))
          throw invalid(fieldError('pairingId', parsed.success ? 'unknown_pairing' : 'pairing_required'));
        try {
          guardSpreadsheet(upload.buffer);
        } catch (err) {
          if (err instanceof SheetFileError) throw sheetRefusal(err);
          throw err;
        }
        const job = await startJob(ctx.db, 'project_import', ctx.actor.userId, (progress) =>
          runProjectImport(ctx, parsed.data, upload, progress),
        );
        return reply.status(202).send(job);
      },
    );

    r.get(
      '/api/projects/import/:id',
      {
        config: { access: 'project.import' },
        schema: {
          tags: ['projects'],
          params: idParams,
          querystring: z.strictObject({ wait: z.enum(['true', 'false']).optional() }),
          response: { 200: importJob },
        },
      },
      async (req) => {
        const job = await getJob(req.ctx.db, req.actor!.userId, req.params.id, req.query.wait === 'true');
        if (!job) throw notFound();
        return job;
      },
    );

    r.get(
      '/api/projects/:id',
      {
        config: { access: 'project.read' },
        schema: { tags: ['projects'], params: idParams, response: { 200: projectDetail } },
      },
      async (req) => loadDetail(req.ctx as AuthedContext, req.params.id),
    );

    r.post(
      '/api/projects',
      {
        config: { access: 'project.manage' },
        schema: { tags: ['projects'], body: createProjectInput, response: { 201: projectDetail } },
      },
      async (req, reply) => {
        const id = await createProject(req.ctx as AuthedContext, req.body);
        return reply.status(201).send(await loadDetail(req.ctx as AuthedContext, id));
      },
    );

    r.patch(
      '/api/projects/:id',
      {
        config: { access: 'project.manage' },
        schema: { tags: ['projects'], params: idParams, body: updateProjectInput, response: { 200: projectDetail } },
      },
      async (req) => {
        await updateProject(req.ctx as AuthedContext, req.params.id, req.body);
        return loadDetail(req.ctx as AuthedContext, req.params.id);
      },
    );

    r.post(
      '/api/projects/:id/moves',
      {
        config: { access: 'project.manage' },
        schema: { tags: ['projects'], params: idParams, body: stageMoveInput, response: { 200: projectDetail } },
      },
      async (req) => {
        await moveStage(req.ctx as AuthedContext, req.params.id, req.body);
        return loadDetail(req.ctx as AuthedContext, req.params.id);
      },
    );

    r.post(
      '/api/projects/:id/figures',
      {
        config: { access: 'project.manage' },
        schema: { tags: ['projects'], params: idParams, body: figureReportInput, response: { 200: projectDetail } },
      },
      async (req) => {
        await reportFigure(req.ctx as AuthedContext, req.params.id, req.body);
        return loadDetail(req.ctx as AuthedContext, req.params.id);
      },
    );
  });
}
