import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import { idParams } from '../../../common/api/common.ts';
import {
  createParkInput,
  updateParkInput,
  enterpriseInput,
  sharingAgreementInput,
  ledgerEntryInput,
  parkDetail,
  parkListQuery,
  parkListResponse,
  ledgerQuery,
  ledgerResponse,
  statementQuery,
  statementResponse,
  parkAgreementParams,
  ledgerImportResult,
} from '../../../common/api/parks.ts';
import { notFound } from '../../http/app-error.ts';
import { uploadedFile } from '../../http/upload.ts';
import type { AuthedContext } from '../../http/context.ts';
import { DEFAULT_SHEET_LIMITS } from '../../kernel/sheet/sheet-file-guard.ts';
import { SheetFileError } from '../../kernel/sheet/sheet-file-error.ts';
import {
  listParks,
  findPark,
  findParkSummary,
  branchesOf,
  enterprisesOf,
  agreementsOf,
  ledgerOf,
  ledgerYears,
} from './parks.repository.ts';
import { presentParkDetail, presentParkSummary, presentLedger } from './parks.presenter.ts';
import { createPark, updatePark, addEnterprise, createSharingAgreement, addLedgerEntry } from './parks.service.ts';
import { statementFor, statementWorkbook } from './statement.service.ts';
import { importLedgerSheet, ledgerSheetRefusal, ledgerTemplate } from './ledger-import.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (fileName: string) =>
  `attachment; filename="download.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/** The ledger sheet of a multipart upload; an oversized one is refused as the sheet limits say. */
const ledgerUpload = {
  requiredCode: 'park_upload_required',
  defaultName: 'ledger.xlsx',
  maxBytes: DEFAULT_SHEET_LIMITS.maxBytes,
  tooLarge: (limit: string) => ledgerSheetRefusal(new SheetFileError('too_large', { limit })),
};

async function loadDetail(ctx: AuthedContext, id: string) {
  const [row, summary] = await Promise.all([findPark(ctx.db, ctx.actor, id), findParkSummary(ctx.db, ctx.actor, id)]);
  if (!row || !summary) throw notFound();
  const [branches, enterprises, agreements] = await Promise.all([
    branchesOf(ctx.db, id),
    enterprisesOf(ctx.db, id),
    agreementsOf(ctx.db, id),
  ]);
  return presentParkDetail(summary, row, branches, enterprises, agreements);
}

export function registerParkRoutes(app: FastifyInstance) {
  app.register(async (scope) => {
    // Only the ledger import parses multipart bodies, with the sheet's own size limit.
    await scope.register(multipart, {
      limits: { fileSize: DEFAULT_SHEET_LIMITS.maxBytes, files: 1, fields: 2, parts: 3, fieldSize: 200 },
    });
    parkRoutes(scope);
  });
}

function parkRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/parks',
    {
      config: { access: 'park.read' },
      schema: { tags: ['parks'], querystring: parkListQuery, response: { 200: parkListResponse } },
    },
    async (req) => {
      const { page, pageSize, ...filter } = req.query;
      const { items, total } = await listParks(req.ctx.db, req.actor!, filter, page, pageSize);
      return { items: items.map(presentParkSummary), total, page, pageSize };
    },
  );
  r.get(
    '/api/parks/:id',
    { config: { access: 'park.read' }, schema: { tags: ['parks'], params: idParams, response: { 200: parkDetail } } },
    async (req) => loadDetail(req.ctx as AuthedContext, req.params.id),
  );
  r.post(
    '/api/parks',
    {
      config: { access: 'park.manage' },
      schema: { tags: ['parks'], body: createParkInput, response: { 201: parkDetail } },
    },
    async (req, reply) => {
      const id = await createPark(req.ctx as AuthedContext, req.body);
      return reply.status(201).send(await loadDetail(req.ctx as AuthedContext, id));
    },
  );
  r.patch(
    '/api/parks/:id',
    {
      config: { access: 'park.manage' },
      schema: { tags: ['parks'], params: idParams, body: updateParkInput, response: { 200: parkDetail } },
    },
    async (req) => {
      await updatePark(req.ctx as AuthedContext, req.params.id, req.body);
      return loadDetail(req.ctx as AuthedContext, req.params.id);
    },
  );
  r.post(
    '/api/parks/:id/enterprises',
    {
      config: { access: 'park.manage' },
      schema: { tags: ['parks'], params: idParams, body: enterpriseInput, response: { 201: parkDetail } },
    },
    async (req, reply) => {
      await addEnterprise(req.ctx as AuthedContext, req.params.id, req.body);
      return reply.status(201).send(await loadDetail(req.ctx as AuthedContext, req.params.id));
    },
  );
  r.post(
    '/api/parks/:id/agreements',
    {
      config: { access: 'park.manage' },
      schema: { tags: ['parks'], params: idParams, body: sharingAgreementInput, response: { 201: parkDetail } },
    },
    async (req, reply) => {
      await createSharingAgreement(req.ctx as AuthedContext, req.params.id, req.body);
      return reply.status(201).send(await loadDetail(req.ctx as AuthedContext, req.params.id));
    },
  );
  r.get(
    '/api/parks/:id/ledger',
    {
      config: { access: 'park.read' },
      schema: { tags: ['parks'], params: idParams, querystring: ledgerQuery, response: { 200: ledgerResponse } },
    },
    async (req) => {
      if (!(await findPark(req.ctx.db, req.actor!, req.params.id))) throw notFound();
      const [rows, years] = await Promise.all([
        ledgerOf(req.ctx.db, req.params.id, req.query.year),
        ledgerYears(req.ctx.db, req.params.id),
      ]);
      return presentLedger(rows, years, req.query.year !== undefined);
    },
  );
  r.get(
    '/api/parks/:id/ledger/template.xlsx',
    { config: { access: 'park.manage' }, schema: { tags: ['parks'], params: idParams } },
    async (req, reply) => {
      const { fileName, buffer } = await ledgerTemplate(req.ctx as AuthedContext, req.params.id);
      return reply.type(XLSX).header('Content-Disposition', attachment(fileName)).send(buffer);
    },
  );
  r.post(
    '/api/parks/:id/ledger/import',
    {
      config: { access: 'park.manage' },
      schema: {
        tags: ['parks'],
        params: idParams,
        consumes: ['multipart/form-data'],
        response: { 200: ledgerImportResult },
      },
    },
    async (req) => {
      const ctx = req.ctx as AuthedContext;
      if (!(await findPark(ctx.db, ctx.actor, req.params.id))) throw notFound();
      return importLedgerSheet(ctx, req.params.id, await uploadedFile(req, ledgerUpload));
    },
  );
  r.post(
    '/api/parks/:id/ledger',
    { config: { access: 'park.manage' }, schema: { tags: ['parks'], params: idParams, body: ledgerEntryInput } },
    async (req, reply) => {
      const id = await addLedgerEntry(req.ctx as AuthedContext, req.params.id, req.body);
      return reply.status(201).send({ id });
    },
  );
  r.get(
    '/api/parks/:id/agreements/:agreementId/statement',
    {
      config: { access: 'park.read' },
      schema: {
        tags: ['parks'],
        params: parkAgreementParams,
        querystring: statementQuery,
        response: { 200: statementResponse },
      },
    },
    async (req) =>
      statementFor(req.ctx as AuthedContext, req.params.id, req.params.agreementId, req.query.year, req.query.asOf),
  );
  r.get(
    '/api/parks/:id/agreements/:agreementId/statement.xlsx',
    {
      config: { access: 'park.read' },
      schema: { tags: ['parks'], params: parkAgreementParams, querystring: statementQuery },
    },
    async (req, reply) => {
      const { fileName, buffer } = await statementWorkbook(
        req.ctx as AuthedContext,
        req.params.id,
        req.params.agreementId,
        req.query.year,
        req.query.asOf,
      );
      return reply.type(XLSX).header('Content-Disposition', attachment(fileName)).send(buffer);
    },
  );
}
