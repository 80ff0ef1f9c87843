import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  openDataCsvQuery,
  openDataDictionary as dictionarySchema,
  openDataQuery,
  openEvaluationResults,
  openIatiQuery,
  openProjectAggregates,
  openPublishedFigures,
} from '../../../common/api/open-data.ts';
import { AppError } from '../../http/app-error.ts';
import { moduleRoutes } from '../../http/route.ts';
import { portalLocale, portalPage } from '../portal/public-shell.ts';
import { openDataPage } from './open-data-page.ts';
import { datasetCsv } from './open-data-csv.ts';
import { OPEN_FIELDS, openDataDictionary } from './open-data-dictionary.ts';
import { presentEvaluationResult, presentOpenFigure, presentProjectTotal } from './open-data.presenter.ts';
import {
  iatiFile,
  publishedEvaluationResults,
  publishedFigureRows,
  publishedProjectTotals,
} from './open-data.service.ts';

const csvReply = (reply: FastifyReply, name: string, body: string) =>
  reply.type('text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="${name}.csv"`).send(body);

/**
 * The open-data API: no sign-in, published rows only. Besides the API's general limit it has its own per address
 * (RATE_LIMIT_OPEN_DATA_PER_MINUTE), counted for anyone, signed in or not, as scrapers are its likely heavy users.
 */
export function registerOpenDataRoutes(app: FastifyInstance) {
  app.register(async (scope) => {
    const perMinute = app.deps.config.security.openDataPerMinute;
    if (perMinute)
      await scope.register(rateLimit, {
        global: true,
        max: perMinute,
        timeWindow: 60_000,
        cache: 20_000,
        keyGenerator: (req) => `open:${req.ip}`,
        errorResponseBuilder: (_req, context) =>
          new AppError(429, 'rate_limited', [], { seconds: Math.ceil(context.ttl / 1000) }),
      });
    // Other sites' pages may read open data from their visitors' browsers (no cookies are sent or needed).
    scope.addHook('onSend', async (_req, reply, payload) => {
      reply.header('Access-Control-Allow-Origin', '*');
      return payload;
    });
    declareOpenDataRoutes(scope);
  });
}

/** The data page, a page of the public site (its shell, no script): declared in the portal's scope and limit. */
export function declareOpenDataPage(scope: FastifyInstance) {
  moduleRoutes(scope, 'open-data').get(
    '/public/data',
    { access: 'public', query: z.object({ lang: z.string().max(10).optional() }) },
    async ({ query, reply }) => {
      const page = openDataPage(portalLocale(query.lang));
      return reply
        .type('text/html; charset=utf-8')
        .header('Cache-Control', 'public, max-age=300')
        .send(portalPage({ ...page, publicUrl: scope.deps.config.publicUrl }));
    },
  );
}

function declareOpenDataRoutes(app: FastifyInstance) {
  const r = moduleRoutes(app, 'open-data');
  r.get('/api/open/dictionary', { access: 'public', cacheable: true, response: dictionarySchema }, () =>
    openDataDictionary(),
  );

  r.get(
    '/api/open/projects.json',
    { access: 'public', cacheable: true, query: openDataQuery, response: openProjectAggregates },
    async ({ ctx, query }) => ({
      generatedAt: new Date().toISOString(),
      items: (await publishedProjectTotals(ctx, query)).map(presentProjectTotal),
    }),
  );
  r.get(
    '/api/open/projects.csv',
    { access: 'public', cacheable: true, query: openDataCsvQuery },
    async ({ ctx, query, reply }) => {
      const rows = (await publishedProjectTotals(ctx, query)).map(presentProjectTotal);
      return csvReply(reply, 'projects', datasetCsv(OPEN_FIELDS.projects, rows, query.lang));
    },
  );

  r.get(
    '/api/open/figures.json',
    { access: 'public', cacheable: true, query: openDataQuery, response: openPublishedFigures },
    async ({ ctx, query }) => ({
      generatedAt: new Date().toISOString(),
      items: (await publishedFigureRows(ctx, query)).map(presentOpenFigure),
    }),
  );
  r.get(
    '/api/open/figures.csv',
    { access: 'public', cacheable: true, query: openDataCsvQuery },
    async ({ ctx, query, reply }) => {
      const rows = (await publishedFigureRows(ctx, query)).map(presentOpenFigure);
      return csvReply(reply, 'figures', datasetCsv(OPEN_FIELDS.figures, rows, query.lang));
    },
  );

  r.get(
    '/api/open/evaluations.json',
    { access: 'public', cacheable: true, query: openDataQuery, response: openEvaluationResults },
    async ({ ctx, query }) => ({
      generatedAt: new Date().toISOString(),
      items: (await publishedEvaluationResults(ctx, query)).map(presentEvaluationResult),
    }),
  );
  r.get(
    '/api/open/evaluations.csv',
    { access: 'public', cacheable: true, query: openDataCsvQuery },
    async ({ ctx, query, reply }) => {
      const rows = (await publishedEvaluationResults(ctx, query)).map(presentEvaluationResult);
      return csvReply(reply, 'evaluations', datasetCsv(OPEN_FIELDS.evaluations, rows, query.lang));
    },
  );

  r.get(
    '/api/open/iati.xml',
    {
      access: 'public',
      cacheable: true,
      query: openIatiQuery,
      summary: 'IATI 2.03 activity file of published projects',
    },
    async ({ ctx, query, reply }) => {
      const { xml } = await iatiFile(ctx, query);
      return reply
        .type('application/xml; charset=utf-8')
        .header('Content-Disposition', 'attachment; filename="iati-activities.xml"')
        .send(xml);
    },
  );
}
