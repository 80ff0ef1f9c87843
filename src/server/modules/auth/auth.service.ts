import type { RequestContext } from '../../http/context.ts';
import { AppError, invalid, fieldError } from '../../http/app-error.ts';
import { writeAudit, auditStandalone } from '../../kernel/audit/audit-writer.ts';
import {
  findUserForLogin,
  recordLoginFailure,
  recordLoginSuccess,
  findPasswordHash,
  updateUser,
} from '../users/users.repository.ts';
import { insertSession, deleteSession, deleteUserSessions } from './session.repository.ts';
import { hashPassword, verifyPassword } from './password-hash.ts';
import { newToken, tokenHash } from './session-token.ts';
import { passwordErrors } from './password-rules.ts';

/** Verifying against a fixed hash when the account does not exist keeps the response time the same (no user enumeration). */
let dummyHash: string | undefined;

export async function login(
  ctx: RequestContext,
  input: { username: string; password: string },
  userAgent: string | null,
) {
  const { deps } = ctx;
  const user = await findUserForLogin(ctx.db, input.username);
  dummyHash ??= await hashPassword(deps.crypto, 'dummy-password', deps.config.kdfIterations);
  const passwordOk = await verifyPassword(deps.crypto, input.password, user?.passwordHash ?? dummyHash);
  const now = new Date();
  const failure = async (reason: string, extra: Record<string, unknown> = {}) =>
    auditStandalone(ctx, {
      action: 'auth.login',
      result: 'failure',
      objectType: 'user',
      objectId: user?.id,
      actorOverride: { userId: user?.id, name: input.username.slice(0, 64) },
      details: { reason, ...extra },
    });
  if (!user) {
    await failure('unknown_user');
    throw new AppError(401, 'login_failed');
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    await failure('locked');
    throw new AppError(423, 'account_locked', [], {
      minutes: Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000),
    });
  }
  if (!passwordOk) {
    const lockedUntil = await ctx.db.transaction(async (tx) => {
      const until = await recordLoginFailure(
        tx,
        user.id,
        deps.config.login.maxFailures,
        new Date(now.getTime() + deps.config.login.lockMs),
      );
      const locked = until !== null && until > now;
      await writeAudit(tx, ctx, {
        action: locked ? 'auth.lock' : 'auth.login',
        result: 'failure',
        objectType: 'user',
        objectId: user.id,
        actorOverride: { userId: user.id, name: user.username },
        details: { reason: 'wrong_password' },
      });
      return locked ? until : null;
    });
    if (lockedUntil)
      throw new AppError(423, 'account_locked', [], { minutes: Math.ceil(deps.config.login.lockMs / 60_000) });
    throw new AppError(401, 'login_failed');
  }
  if (!user.active || !user.organisationActive) {
    await failure('disabled');
    throw new AppError(403, 'account_disabled');
  }
  const token = newToken(deps.crypto);
  const csrfToken = newToken(deps.crypto);
  await ctx.db.transaction(async (tx) => {
    await recordLoginSuccess(tx, user.id, now);
    await insertSession(tx, {
      tokenHash: tokenHash(deps.crypto, token),
      userId: user.id,
      csrfToken,
      expiresAt: new Date(now.getTime() + deps.config.session.absoluteMs),
      ip: ctx.ip || null,
      userAgent: userAgent?.slice(0, 300) ?? null,
    });
    await writeAudit(tx, ctx, {
      action: 'auth.login',
      result: 'success',
      objectType: 'user',
      objectId: user.id,
      actorOverride: { userId: user.id, name: user.username },
    });
  });
  return { token, csrfToken, userId: user.id };
}

export async function logout(ctx: RequestContext) {
  const actor = ctx.actor;
  if (!actor) return;
  await ctx.db.transaction(async (tx) => {
    await deleteSession(tx, actor.sessionTokenHash);
    await writeAudit(tx, ctx, { action: 'auth.logout', result: 'success', objectType: 'user', objectId: actor.userId });
  });
}

export async function changeOwnPassword(
  ctx: RequestContext & { actor: NonNullable<RequestContext['actor']> },
  input: { currentPassword: string; newPassword: string },
) {
  const { deps, actor } = ctx;
  const stored = await findPasswordHash(ctx.db, actor.userId);
  if (!stored || !(await verifyPassword(deps.crypto, input.currentPassword, stored))) {
    await auditStandalone(ctx, {
      action: 'user.password_change',
      result: 'failure',
      objectType: 'user',
      objectId: actor.userId,
    });
    throw invalid(fieldError('currentPassword', 'invalid_value'));
  }
  const problems = passwordErrors('newPassword', input.newPassword, deps.config.passwordPolicy, actor.username);
  if (problems.length) throw invalid(...problems);
  const hash = await hashPassword(deps.crypto, input.newPassword, deps.config.kdfIterations);
  await ctx.db.transaction(async (tx) => {
    await updateUser(tx, actor.userId, { passwordHash: hash, passwordChangedAt: new Date() });
    await deleteUserSessions(tx, actor.userId, actor.sessionTokenHash);
    await writeAudit(tx, ctx, {
      action: 'user.password_change',
      result: 'success',
      objectType: 'user',
      objectId: actor.userId,
    });
  });
}
