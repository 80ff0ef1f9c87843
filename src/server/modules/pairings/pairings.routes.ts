import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../common/api/common.ts';
import {
  pairingListQuery,
  pairingListResponse,
  pairingDetail,
  createPairingInput,
  updatePairingInput,
} from '../../../common/api/pairings.ts';
import { notFound } from '../../http/app-error.ts';
import type { AuthedContext } from '../../http/context.ts';
import { listPairings, findPairing, subPairsOf, officesOf, contactsOf } from './pairings.repository.ts';
import { presentSummaries, presentDetail } from './pairings.presenter.ts';
import { createPairing, updatePairing } from './pairings.service.ts';

async function loadDetail(ctx: AuthedContext, id: string) {
  const row = await findPairing(ctx.db, ctx.actor, id);
  if (!row) throw notFound();
  const [parent, offices, contacts, subPairs] = await Promise.all([
    row.parentId ? findPairing(ctx.db, ctx.actor, row.parentId) : Promise.resolve(undefined),
    officesOf(ctx.db, id),
    contactsOf(ctx.db, id),
    subPairsOf(ctx.db, ctx.actor, id),
  ]);
  return presentDetail(ctx.db, {
    row: row as never,
    parent: parent ? { id: parent.id, name: parent.name } : null,
    offices: offices.map(({ pairingId: _p, sourceDocumentId: _d, ...o }) => o),
    contacts: contacts.map(({ pairingId: _p, ...c }) => c),
    subPairs,
  });
}

export function registerPairingRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/pairings',
    {
      config: { access: 'pairing.read', cacheable: true },
      schema: { tags: ['pairings'], querystring: pairingListQuery, response: { 200: pairingListResponse } },
    },
    async (req) => {
      const { page, pageSize, sort, order, ...filter } = req.query;
      const { items, total } = await listPairings(req.ctx.db, req.actor!, filter, { page, pageSize, sort, order });
      return { items: await presentSummaries(req.ctx.db, items), total, page, pageSize };
    },
  );
  r.get(
    '/api/pairings/:id',
    {
      config: { access: 'pairing.read' },
      schema: { tags: ['pairings'], params: idParams, response: { 200: pairingDetail } },
    },
    async (req) => loadDetail(req.ctx as AuthedContext, req.params.id),
  );
  r.post(
    '/api/pairings',
    {
      config: { access: 'pairing.create' },
      schema: { tags: ['pairings'], body: createPairingInput, response: { 201: pairingDetail } },
    },
    async (req, reply) => {
      const id = await createPairing(req.ctx as AuthedContext, req.body);
      // The creator's scope was computed before the pairing existed.
      const ctx = req.ctx as AuthedContext;
      const actor = ctx.actor.scope.all
        ? ctx.actor
        : { ...ctx.actor, scope: { all: false as const, pairingIds: [...ctx.actor.scope.pairingIds, id] } };
      return reply.status(201).send(await loadDetail({ ...ctx, actor }, id));
    },
  );
  r.patch(
    '/api/pairings/:id',
    {
      config: { access: 'pairing.update' },
      schema: { tags: ['pairings'], params: idParams, body: updatePairingInput, response: { 200: pairingDetail } },
    },
    async (req) => {
      await updatePairing(req.ctx as AuthedContext, req.params.id, req.body);
      return loadDetail(req.ctx as AuthedContext, req.params.id);
    },
  );
}
