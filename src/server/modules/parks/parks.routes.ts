import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../common/api/common.ts';
import {
  createParkInput, enterpriseInput, sharingAgreementInput, ledgerEntryInput, parkDetail, parkListQuery, parkListResponse, ledgerQuery, ledgerResponse,
  statementQuery, statementResponse, parkAgreementParams,
} from '../../../common/api/parks.ts';
import { notFound } from '../../http/app-error.ts';
import type { AuthedContext } from '../../http/context.ts';
import { listParks, findPark, findParkSummary, branchesOf, enterprisesOf, agreementsOf, ledgerOf } from './parks.repository.ts';
import { presentParkDetail, presentParkSummary } from './parks.presenter.ts';
import { createPark, addEnterprise, createSharingAgreement, addLedgerEntry } from './parks.service.ts';
import { statementFor, statementWorkbook } from './statement.service.ts';

async function loadDetail(ctx: AuthedContext, id: string) {
  const [row, summary] = await Promise.all([findPark(ctx.db, ctx.actor, id), findParkSummary(ctx.db, ctx.actor, id)]);
  if (!row || !summary) throw notFound();
  const [branches, enterprises, agreements] = await Promise.all([branchesOf(ctx.db, id), enterprisesOf(ctx.db, id), agreementsOf(ctx.db, id)]);
  return presentParkDetail(summary, row, branches, enterprises, agreements);
}

export function registerParkRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/parks', { config: { access: 'park.read' }, schema: { tags: ['parks'], querystring: parkListQuery, response: { 200: parkListResponse } } }, async (req) => {
    const { page, pageSize, ...filter } = req.query;
    const { items, total } = await listParks(req.ctx.db, req.actor!, filter, page, pageSize);
    return { items: items.map(presentParkSummary), total, page, pageSize };
  });
  r.get('/api/parks/:id', { config: { access: 'park.read' }, schema: { tags: ['parks'], params: idParams, response: { 200: parkDetail } } }, async (req) =>
    loadDetail(req.ctx as AuthedContext, req.params.id),
  );
  r.post('/api/parks', { config: { access: 'park.manage' }, schema: { tags: ['parks'], body: createParkInput, response: { 201: parkDetail } } }, async (req, reply) => {
    const id = await createPark(req.ctx as AuthedContext, req.body);
    return reply.status(201).send(await loadDetail(req.ctx as AuthedContext, id));
  });
  r.post('/api/parks/:id/enterprises', { config: { access: 'park.manage' }, schema: { tags: ['parks'], params: idParams, body: enterpriseInput, response: { 201: parkDetail } } }, async (req, reply) => {
    await addEnterprise(req.ctx as AuthedContext, req.params.id, req.body);
    return reply.status(201).send(await loadDetail(req.ctx as AuthedContext, req.params.id));
  });
  r.post('/api/parks/:id/agreements', { config: { access: 'park.manage' }, schema: { tags: ['parks'], params: idParams, body: sharingAgreementInput, response: { 201: parkDetail } } }, async (req, reply) => {
    await createSharingAgreement(req.ctx as AuthedContext, req.params.id, req.body);
    return reply.status(201).send(await loadDetail(req.ctx as AuthedContext, req.params.id));
  });
  r.get('/api/parks/:id/ledger', { config: { access: 'park.read' }, schema: { tags: ['parks'], params: idParams, querystring: ledgerQuery, response: { 200: ledgerResponse } } }, async (req) => {
    if (!(await findPark(req.ctx.db, req.actor!, req.params.id))) throw notFound();
    const rows = await ledgerOf(req.ctx.db, req.params.id, req.query.year);
    const superseded = new Set(rows.map((r) => r.entry.supersedesId).filter(Boolean));
    return {
      items: rows.map(({ entry: e, enterpriseName }) => ({
        id: e.id,
        enterpriseId: e.enterpriseId,
        enterpriseName,
        figure: e.figure,
        period: { year: e.periodYear, month: e.periodMonth },
        amount: e.amountYuan,
        supersedesId: e.supersedesId,
        superseded: superseded.has(e.id),
        recordedAt: e.recordedAt.toISOString(),
        isDemo: e.isDemo,
      })),
    };
  });
  r.post('/api/parks/:id/ledger', { config: { access: 'park.manage' }, schema: { tags: ['parks'], params: idParams, body: ledgerEntryInput } }, async (req, reply) => {
    const id = await addLedgerEntry(req.ctx as AuthedContext, req.params.id, req.body);
    return reply.status(201).send({ id });
  });
  r.get('/api/parks/:id/agreements/:agreementId/statement', { config: { access: 'park.read' }, schema: { tags: ['parks'], params: parkAgreementParams, querystring: statementQuery, response: { 200: statementResponse } } }, async (req) =>
    statementFor(req.ctx as AuthedContext, req.params.id, req.params.agreementId, req.query.year, req.query.asOf),
  );
  r.get('/api/parks/:id/agreements/:agreementId/statement.xlsx', { config: { access: 'park.read' }, schema: { tags: ['parks'], params: parkAgreementParams, querystring: statementQuery } }, async (req, reply) => {
    const { fileName, buffer } = await statementWorkbook(req.ctx as AuthedContext, req.params.id, req.params.agreementId, req.query.year, req.query.asOf);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('Content-Disposition', `attachment; filename="statement.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
      .send(buffer);
  });
}
