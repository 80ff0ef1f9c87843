import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  loginInput,
  meResponse,
  setupStatusResponse,
  setupInput,
  changePasswordInput,
} from '../../../common/api/auth.ts';
import { okResponse } from '../../../common/api/common.ts';
import { AppError } from '../../http/app-error.ts';
import type { AuthedContext } from '../../http/context.ts';
import { login, logout, changeOwnPassword } from './auth.service.ts';
import { needsSetup, createInitialAdmin, type SetupToken } from './setup.service.ts';
import { SESSION_COOKIE } from './session-token.ts';
import { presentMe } from './auth.presenter.ts';

export function registerAuthRoutes(app: FastifyInstance, setupToken: SetupToken) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cookieOptions = () => ({
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: app.deps.config.session.cookieSecure,
  });

  r.get(
    '/api/setup/status',
    { config: { access: 'public' }, schema: { tags: ['auth'], response: { 200: setupStatusResponse } } },
    async (req) => ({
      needsSetup: await needsSetup(req.ctx),
      passwordPolicy: app.deps.config.passwordPolicy,
    }),
  );

  r.post(
    '/api/setup',
    { config: { access: 'public' }, schema: { tags: ['auth'], body: setupInput, response: { 201: okResponse } } },
    async (req, reply) => {
      if (!(await needsSetup(req.ctx))) throw new AppError(409, 'setup_done');
      if (!setupToken.matches(req.body.token)) throw new AppError(403, 'setup_token');
      await createInitialAdmin(req.ctx, req.body);
      setupToken.clear();
      return reply.status(201).send({ ok: true as const });
    },
  );

  r.post(
    '/api/auth/login',
    { config: { access: 'public' }, schema: { tags: ['auth'], body: loginInput, response: { 200: meResponse } } },
    async (req, reply) => {
      const session = await login(req.ctx, req.body, req.headers['user-agent'] ?? null);
      reply.setCookie(SESSION_COOKIE, session.token, cookieOptions());
      return presentMe(req.ctx.db, app.deps.config, session.userId, session.csrfToken);
    },
  );

  r.post(
    '/api/auth/logout',
    { config: { access: 'authenticated' }, schema: { tags: ['auth'], response: { 200: okResponse } } },
    async (req, reply) => {
      await logout(req.ctx);
      reply.clearCookie(SESSION_COOKIE, cookieOptions());
      return { ok: true as const };
    },
  );

  r.get(
    '/api/auth/me',
    { config: { access: 'authenticated' }, schema: { tags: ['auth'], response: { 200: meResponse } } },
    async (req) => presentMe(req.ctx.db, app.deps.config, req.actor!.userId, req.actor!.csrfToken),
  );

  r.post(
    '/api/auth/password',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['auth'], body: changePasswordInput, response: { 200: okResponse } },
    },
    async (req) => {
      await changeOwnPassword(req.ctx as AuthedContext, req.body);
      return { ok: true as const };
    },
  );
}
