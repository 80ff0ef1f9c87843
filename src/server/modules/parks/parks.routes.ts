import type { FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import { idParams } from '../../../common/api/common.ts';
import { publishInput, unpublishInput } from '../../../common/api/portal.ts';
import { publishPark, unpublishPark } from './park-publishing.service.ts';
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
import { moduleRoutes } from '../../http/route.ts';
import { sendXlsx } from '../../xlsx/list-workbook.ts';
import { exportParkList } from './park-list-export.ts';
import { uploadedFile, type UploadRules } from '../../http/upload.ts';
import { DEFAULT_SHEET_LIMITS } from '../../kernel/sheet/sheet-file-guard.ts';
import { SheetFileError } from '../../kernel/sheet/sheet-file-error.ts';
import { presentParkDetail, presentParkSummary, presentLedger } from './parks.presenter.ts';
import {
  addEnterprise,
  addLedgerEntry,
  createPark,
  createSharingAgreement,
  parkDetail as loadParkDetail,
  parkLedger,
  parkPage,
  updatePark,
} from './parks.service.ts';
import { statementFor, statementWorkbook } from './statement.service.ts';
import { importLedgerSheet, ledgerSheetRefusal, ledgerTemplate } from './ledger-import.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (fileName: string) =>
  `attachment; filename="download.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/** The ledger sheet of a multipart upload; an oversized one is refused as the sheet limits say. */
const ledgerUpload: UploadRules = {
  requiredCode: 'park_upload_required',
  defaultName: 'ledger.xlsx',
  maxBytes: DEFAULT_SHEET_LIMITS.maxBytes,
  tooLarge: (limit) => ledgerSheetRefusal(new SheetFileError('too_large', { limit })),
};

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
  const r = moduleRoutes(app, 'parks');
  r.get(
    '/api/parks',
    { access: 'park.read', query: parkListQuery, response: parkListResponse },
    async ({ ctx, query }) => {
      const page = await parkPage(ctx, query);
      return { ...page, items: page.items.map(presentParkSummary) };
    },
  );
  r.get(
    '/api/parks/export.xlsx',
    { access: 'park.read', query: parkListQuery.omit({ page: true, pageSize: true }) },
    async ({ ctx, query, reply }) => {
      const { fileName, file } = await exportParkList(ctx, query);
      return sendXlsx(reply, fileName, file);
    },
  );
  r.get('/api/parks/:id', { access: 'park.read', params: idParams, response: parkDetail }, async ({ ctx, params }) =>
    presentParkDetail(await loadParkDetail(ctx, params.id)),
  );
  r.post(
    '/api/parks',
    { access: 'park.manage', body: createParkInput, response: parkDetail, status: 201 },
    async ({ ctx, body }) => presentParkDetail(await loadParkDetail(ctx, await createPark(ctx, body))),
  );
  r.patch(
    '/api/parks/:id',
    { access: 'park.manage', params: idParams, body: updateParkInput, response: parkDetail },
    async ({ ctx, params, body }) => {
      await updatePark(ctx, params.id, body);
      return presentParkDetail(await loadParkDetail(ctx, params.id));
    },
  );
  r.post(
    '/api/parks/:id/publish',
    { access: 'park.publish', params: idParams, body: publishInput, response: parkDetail },
    async ({ ctx, params, body }) => {
      await publishPark(ctx, params.id, body);
      return presentParkDetail(await loadParkDetail(ctx, params.id));
    },
  );
  r.post(
    '/api/parks/:id/unpublish',
    { access: 'park.publish', params: idParams, body: unpublishInput, response: parkDetail },
    async ({ ctx, params, body }) => {
      await unpublishPark(ctx, params.id, body.version);
      return presentParkDetail(await loadParkDetail(ctx, params.id));
    },
  );
  r.post(
    '/api/parks/:id/enterprises',
    { access: 'park.manage', params: idParams, body: enterpriseInput, response: parkDetail, status: 201 },
    async ({ ctx, params, body }) => {
      await addEnterprise(ctx, params.id, body);
      return presentParkDetail(await loadParkDetail(ctx, params.id));
    },
  );
  r.post(
    '/api/parks/:id/agreements',
    { access: 'park.manage', params: idParams, body: sharingAgreementInput, response: parkDetail, status: 201 },
    async ({ ctx, params, body }) => {
      await createSharingAgreement(ctx, params.id, body);
      return presentParkDetail(await loadParkDetail(ctx, params.id));
    },
  );
  r.get(
    '/api/parks/:id/ledger',
    { access: 'park.read', params: idParams, query: ledgerQuery, response: ledgerResponse },
    async ({ ctx, params, query }) => {
      const { rows, years } = await parkLedger(ctx, params.id, query.year);
      return presentLedger(rows, years, query.year !== undefined);
    },
  );
  r.get(
    '/api/parks/:id/ledger/template.xlsx',
    { access: 'park.manage', params: idParams },
    async ({ ctx, params, reply }) => {
      const { fileName, buffer } = await ledgerTemplate(ctx, params.id);
      return reply.type(XLSX).header('Content-Disposition', attachment(fileName)).send(buffer);
    },
  );
  r.post(
    '/api/parks/:id/ledger/import',
    { access: 'park.manage', params: idParams, consumes: ['multipart/form-data'], response: ledgerImportResult },
    async ({ ctx, params, req }) => importLedgerSheet(ctx, params.id, () => uploadedFile(req, ledgerUpload)),
  );
  r.post(
    '/api/parks/:id/ledger',
    { access: 'park.manage', params: idParams, body: ledgerEntryInput },
    async ({ ctx, params, body, reply }) => {
      const id = await addLedgerEntry(ctx, params.id, body);
      return reply.status(201).send({ id });
    },
  );
  r.get(
    '/api/parks/:id/agreements/:agreementId/statement',
    { access: 'park.read', params: parkAgreementParams, query: statementQuery, response: statementResponse },
    async ({ ctx, params, query }) => statementFor(ctx, params.id, params.agreementId, query.year, query.asOf),
  );
  r.get(
    '/api/parks/:id/agreements/:agreementId/statement.xlsx',
    { access: 'park.read', params: parkAgreementParams, query: statementQuery },
    async ({ ctx, params, query, reply }) => {
      const { fileName, buffer } = await statementWorkbook(ctx, params.id, params.agreementId, query.year, query.asOf);
      return reply.type(XLSX).header('Content-Disposition', attachment(fileName)).send(buffer);
    },
  );
}
