import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams, okResponse } from '../../../common/api/common.ts';
import {
  userItem,
  userListQuery,
  userListResponse,
  createUserInput,
  updateUserInput,
  resetPasswordInput,
  type UserItem,
} from '../../../common/api/users.ts';
import type { Role } from '../../../common/access/roles.ts';
import { notFound } from '../../http/app-error.ts';
import type { AuthedContext, RequestContext } from '../../http/context.ts';
import { findUserById, listUsers, type UserRow } from './users.repository.ts';
import { createUser, updateUserById, unlockUser, resetPassword } from './users.service.ts';

const present = (u: NonNullable<UserRow>): UserItem => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  organisationId: u.organisationId,
  organisationName: u.organisationName,
  regionCode: u.regionCode,
  roles: u.roles as Role[],
  active: u.active,
  locked: !!u.lockedUntil && u.lockedUntil > new Date(),
  lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
  version: u.version,
  createdAt: u.createdAt.toISOString(),
  updatedAt: u.updatedAt.toISOString(),
});

async function load(ctx: RequestContext, id: string) {
  const row = await findUserById(ctx.db, id);
  if (!row) throw notFound();
  return present(row);
}

/** Accounts are the system and security administrators' business; no business role reads them. */
export function registerUserRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/users',
    {
      config: { access: 'user.read' },
      schema: { tags: ['users'], querystring: userListQuery, response: { 200: userListResponse } },
    },
    async (req) => {
      const { page, pageSize, ...filter } = req.query;
      const { items, total } = await listUsers(req.ctx.db, filter, page, pageSize);
      return { items: items.map(present), total, page, pageSize };
    },
  );
  r.get(
    '/api/users/:id',
    { config: { access: 'user.read' }, schema: { tags: ['users'], params: idParams, response: { 200: userItem } } },
    async (req) => load(req.ctx, req.params.id),
  );
  r.post(
    '/api/users',
    {
      config: { access: 'user.manage' },
      schema: { tags: ['users'], body: createUserInput, response: { 201: userItem } },
    },
    async (req, reply) => {
      const id = await createUser(req.ctx as AuthedContext, req.body);
      return reply.status(201).send(await load(req.ctx, id));
    },
  );
  r.patch(
    '/api/users/:id',
    {
      config: { access: 'user.manage' },
      schema: { tags: ['users'], params: idParams, body: updateUserInput, response: { 200: userItem } },
    },
    async (req) => {
      await updateUserById(req.ctx as AuthedContext, req.params.id, req.body);
      return load(req.ctx, req.params.id);
    },
  );
  r.post(
    '/api/users/:id/unlock',
    { config: { access: 'user.unlock' }, schema: { tags: ['users'], params: idParams, response: { 200: okResponse } } },
    async (req) => {
      await unlockUser(req.ctx as AuthedContext, req.params.id);
      return { ok: true as const };
    },
  );
  r.post(
    '/api/users/:id/password',
    {
      config: { access: 'user.manage' },
      schema: { tags: ['users'], params: idParams, body: resetPasswordInput, response: { 200: okResponse } },
    },
    async (req) => {
      await resetPassword(req.ctx as AuthedContext, req.params.id, req.body.password);
      return { ok: true as const };
    },
  );
}
