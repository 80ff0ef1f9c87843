import type { FastifyInstance } from 'fastify';
import { idParams, okResponse } from '../../../common/api/common.ts';
import {
  createIndicatorInput,
  indicator,
  indicatorList,
  indicatorValues as indicatorValuesResponse,
  targetsInput,
  targetsQuery,
  updateIndicatorInput,
  yearTargets,
  valuesQuery,
} from '../../../common/api/indicators.ts';
import { moduleRoutes } from '../../http/route.ts';
import { presentIndicator, presentIndicatorList } from './indicators.presenter.ts';
import {
  createIndicator,
  indicatorLibrary,
  indicatorValues,
  setTargets,
  targetsOfYear,
  updateIndicator,
} from './indicators.service.ts';

export function registerIndicatorRoutes(app: FastifyInstance) {
  const r = moduleRoutes(app, 'indicators');
  r.get('/api/indicators', { access: 'indicator.read', response: indicatorList, cacheable: true }, async ({ ctx }) =>
    presentIndicatorList(await indicatorLibrary(ctx)),
  );
  r.get(
    '/api/indicators/values',
    { access: 'indicator.read', query: valuesQuery, response: indicatorValuesResponse },
    ({ ctx, query }) => indicatorValues(ctx, query),
  );
  r.post(
    '/api/indicators',
    { access: 'indicator.manage', body: createIndicatorInput, response: indicator, status: 201 },
    async ({ ctx, body }) => {
      const id = await createIndicator(ctx, body);
      return presentIndicator((await indicatorLibrary(ctx)).find((i) => i.id === id)!);
    },
  );
  r.patch(
    '/api/indicators/:id',
    { access: 'indicator.manage', params: idParams, body: updateIndicatorInput, response: indicator },
    async ({ ctx, params, body }) => {
      await updateIndicator(ctx, params.id, body);
      return presentIndicator((await indicatorLibrary(ctx)).find((i) => i.id === params.id)!);
    },
  );
  r.get(
    '/api/indicators/:id/targets',
    { access: 'indicator.manage', params: idParams, query: targetsQuery, response: yearTargets },
    ({ ctx, params, query }) => targetsOfYear(ctx, params.id, query.year),
  );
  r.put(
    '/api/indicators/:id/targets',
    { access: 'indicator.manage', params: idParams, body: targetsInput, response: okResponse },
    async ({ ctx, params, body }) => {
      await setTargets(ctx, params.id, body);
      return { ok: true as const };
    },
  );
}
