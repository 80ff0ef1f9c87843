import type { FastifyInstance } from 'fastify';
import { idParams, okResponse } from '../../../common/api/common.ts';
import {
  userItem,
  userListQuery,
  userListResponse,
  createUserInput,
  updateUserInput,
  resetPasswordInput,
  emailSettings,
  emailSettingsInput,
  revealEmailInput,
  revealedEmail,
} from '../../../common/api/users.ts';
import { moduleRoutes } from '../../http/route.ts';
import { presentUser } from './users.presenter.ts';
import {
  createUser,
  resetPassword,
  resetSecondFactor,
  unlockUser,
  updateUserById,
  userDetail,
  userPage,
} from './users.service.ts';
import { ownEmailSettings, revealUserEmail, setOwnEmailSettings } from './user-email.service.ts';

/**
 * Accounts are the system and security administrators' business; no business role reads them. Which of the two
 * may change an account depends on the account (users.policy.ts).
 */
export function registerUserRoutes(app: FastifyInstance) {
  const r = moduleRoutes(app, 'users');
  r.get(
    '/api/users',
    { access: 'user.read', query: userListQuery, response: userListResponse },
    async ({ ctx, query }) => {
      const page = await userPage(ctx, query);
      return { ...page, items: page.items.map(presentUser) };
    },
  );
  r.get('/api/users/:id', { access: 'user.read', params: idParams, response: userItem }, async ({ ctx, params }) =>
    presentUser(await userDetail(ctx, params.id)),
  );
  r.post(
    '/api/users',
    { access: 'user.manage', body: createUserInput, response: userItem, status: 201 },
    async ({ ctx, body }) => presentUser(await userDetail(ctx, await createUser(ctx, body))),
  );
  r.patch(
    '/api/users/:id',
    { access: 'user.manage', params: idParams, body: updateUserInput, response: userItem },
    async ({ ctx, params, body }) => {
      await updateUserById(ctx, params.id, body);
      return presentUser(await userDetail(ctx, params.id));
    },
  );
  r.post(
    '/api/users/:id/email/reveal',
    { access: 'user.read', params: idParams, body: revealEmailInput, response: revealedEmail },
    async ({ ctx, params, body }) => ({ email: await revealUserEmail(ctx, params.id, body.reason) }),
  );
  // Every signed-in user's own e-mail settings (the address and which notices reach them by e-mail).
  r.get('/api/account/email', { access: 'authenticated', response: emailSettings }, async ({ ctx }) =>
    ownEmailSettings(ctx),
  );
  r.patch(
    '/api/account/email',
    { access: 'authenticated', body: emailSettingsInput, response: emailSettings },
    async ({ ctx, body }) => setOwnEmailSettings(ctx, body),
  );
  r.post(
    '/api/users/:id/unlock',
    { access: 'user.unlock', params: idParams, response: okResponse },
    async ({ ctx, params }) => {
      await unlockUser(ctx, params.id);
      return { ok: true as const };
    },
  );
  r.post(
    '/api/users/:id/password',
    { access: 'user.manage', params: idParams, body: resetPasswordInput, response: okResponse },
    async ({ ctx, params, body }) => {
      await resetPassword(ctx, params.id, body.password);
      return { ok: true as const };
    },
  );
  r.post(
    '/api/users/:id/totp/reset',
    { access: 'user.manage', params: idParams, response: okResponse },
    async ({ ctx, params }) => {
      await resetSecondFactor(ctx, params.id);
      return { ok: true as const };
    },
  );
}
