import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  loginInput,
  meResponse,
  setupStatusResponse,
  setupInput,
  changePasswordInput,
  totpEnrolmentInput,
  totpEnrolmentResponse,
  totpConfirmInput,
  recoveryCodesResponse,
  totpDisableInput,
} from '../../../common/api/auth.ts';
import { okResponse } from '../../../common/api/common.ts';
import { AppError } from '../../http/app-error.ts';
import type { AuthedContext } from '../../http/context.ts';
import { moduleRoutes } from '../../http/route.ts';
import { userDetail } from '../users/users.service.ts';
import { login, logout, changeOwnPassword } from './auth.service.ts';
import { needsSetup, createInitialAdmin, type SetupToken } from './setup.service.ts';
import { confirmTotpEnrolment, disableOwnTotp, startTotpEnrolment, totpRequiredFor } from './totp.service.ts';
import { SESSION_COOKIE } from './session-token.ts';
import { RetryLater } from './sign-in-guard.ts';
import { presentMe } from './auth.presenter.ts';

/** A refusal that says when to come back carries Retry-After, as the API's rate limit does. */
async function withRetryAfter<T>(reply: FastifyReply, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof RetryLater) reply.header('retry-after', String(err.seconds));
    throw err;
  }
}

export function registerAuthRoutes(app: FastifyInstance, setupToken: SetupToken) {
  const r = moduleRoutes(app, 'auth');
  const cookieOptions = () => ({
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: app.deps.config.session.cookieSecure,
  });
  const me = async (
    ctx: AuthedContext,
    userId: string,
    csrfToken: string,
    pending: 'password_change' | 'totp_enrolment' | null,
  ) => {
    const user = await userDetail(ctx, userId);
    return presentMe(app.deps.config, user, csrfToken, pending, totpRequiredFor(ctx, user.roles));
  };

  r.get('/api/setup/status', { access: 'public', response: setupStatusResponse }, async ({ ctx }) => ({
    needsSetup: await needsSetup(ctx),
    passwordPolicy: app.deps.config.passwordPolicy,
  }));

  r.post(
    '/api/setup',
    { access: 'public', body: setupInput, response: okResponse, status: 201 },
    async ({ ctx, body }) => {
      if (!(await needsSetup(ctx))) throw new AppError(409, 'setup_done');
      if (!setupToken.matches(body.token)) throw new AppError(403, 'setup_token');
      await createInitialAdmin(ctx, body);
      setupToken.clear();
      return { ok: true as const };
    },
  );

  r.post(
    '/api/auth/login',
    { access: 'public', body: loginInput, response: meResponse },
    async ({ ctx, body, req, reply }) => {
      const session = await withRetryAfter(reply, () => login(ctx, body, req.headers['user-agent'] ?? null));
      reply.setCookie(SESSION_COOKIE, session.token, cookieOptions());
      const user = await userDetail(ctx, session.userId);
      const totpRequired = totpRequiredFor(ctx, user.roles);
      const pending = user.mustChangePassword
        ? 'password_change'
        : totpRequired && !user.totpEnabled
          ? 'totp_enrolment'
          : null;
      return presentMe(app.deps.config, user, session.csrfToken, pending, totpRequired);
    },
  );

  r.post('/api/auth/logout', { access: 'authenticated', response: okResponse }, async ({ ctx, reply }) => {
    await logout(ctx);
    reply.clearCookie(SESSION_COOKIE, cookieOptions());
    return { ok: true as const };
  });

  r.get('/api/auth/me', { access: 'authenticated', response: meResponse }, async ({ ctx, req }) =>
    me(ctx, ctx.actor.userId, ctx.actor.csrfToken, req.sessionState?.pending ?? null),
  );

  r.post(
    '/api/auth/password',
    { access: 'authenticated', body: changePasswordInput, response: okResponse },
    async ({ ctx, body, reply }) => {
      await withRetryAfter(reply, () => changeOwnPassword(ctx, body));
      return { ok: true as const };
    },
  );

  r.post(
    '/api/auth/totp/enrolment',
    { access: 'authenticated', body: totpEnrolmentInput, response: totpEnrolmentResponse },
    async ({ ctx, body, reply }) => withRetryAfter(reply, () => startTotpEnrolment(ctx, body.currentPassword)),
  );

  r.post(
    '/api/auth/totp/confirm',
    { access: 'authenticated', body: totpConfirmInput, response: recoveryCodesResponse },
    async ({ ctx, body }) => confirmTotpEnrolment(ctx, body.code),
  );

  r.post(
    '/api/auth/totp/disable',
    { access: 'authenticated', body: totpDisableInput, response: okResponse },
    async ({ ctx, body, reply }) => {
      await withRetryAfter(reply, () => disableOwnTotp(ctx, body.currentPassword));
      return { ok: true as const };
    },
  );
}
