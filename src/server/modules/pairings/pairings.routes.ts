import type { FastifyInstance } from 'fastify';
import { idParams } from '../../../common/api/common.ts';
import {
  createPairingInput,
  pairingDetail,
  pairingListQuery,
  pairingListResponse,
  updatePairingInput,
} from '../../../common/api/pairings.ts';
import { moduleRoutes } from '../../http/route.ts';
import { sendXlsx } from '../../xlsx/list-workbook.ts';
import { exportPairingList } from './pairing-list-export.ts';
import { presentPairingDetail, presentPairingPage } from './pairings.presenter.ts';
import {
  createdPairingDetail,
  createPairing,
  pairingDetail as loadPairingDetail,
  pairingPage,
  updatePairing,
} from './pairings.service.ts';

export function registerPairingRoutes(app: FastifyInstance) {
  const r = moduleRoutes(app, 'pairings');
  r.get(
    '/api/pairings',
    {
      access: 'pairing.read',
      query: pairingListQuery,
      response: pairingListResponse,
      cacheable: true,
      sharedAnswer: true,
    },
    async ({ ctx, query }) => presentPairingPage(await pairingPage(ctx, query)),
  );
  r.get(
    '/api/pairings/export.xlsx',
    { access: 'pairing.read', query: pairingListQuery.omit({ page: true, pageSize: true }) },
    async ({ ctx, query, reply }) => {
      const { fileName, file } = await exportPairingList(ctx, query);
      return sendXlsx(reply, fileName, file);
    },
  );
  r.get(
    '/api/pairings/:id',
    { access: 'pairing.read', cacheable: true, sharedAnswer: true, params: idParams, response: pairingDetail },
    async ({ ctx, params }) => presentPairingDetail(await loadPairingDetail(ctx, params.id)),
  );
  r.post(
    '/api/pairings',
    { access: 'pairing.create', body: createPairingInput, response: pairingDetail, status: 201 },
    async ({ ctx, body }) => presentPairingDetail(await createdPairingDetail(ctx, await createPairing(ctx, body))),
  );
  r.patch(
    '/api/pairings/:id',
    { access: 'pairing.update', params: idParams, body: updatePairingInput, response: pairingDetail },
    async ({ ctx, params, body }) => {
      await updatePairing(ctx, params.id, body);
      return presentPairingDetail(await loadPairingDetail(ctx, params.id));
    },
  );
}
