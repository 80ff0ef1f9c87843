import type { AuthedContext, RequestContext } from '../../http/context.ts';
import { AppError, invalid, fieldError } from '../../http/app-error.ts';
import { auditedChange, auditStandalone } from '../../kernel/audit/audit-writer.ts';
import { writingForUsers } from '../../db/routing.ts';
import { hashPassword, verifyPassword } from '../../security/password-hash.ts';
import { passwordErrors } from '../../security/password-rules.ts';
import { KdfBusy } from '../../security/kdf-gate.ts';
import { accountKey, endSessionsOf, markSignedIn, setOwnPassword, userForSignIn } from '../users/users.service.ts';
import { insertSession, deleteSession, endSessionsBeyond } from './session.repository.ts';
import { findThrottle, recordFailure, recordSuccess, strangerFailures } from './login-throttle.repository.ts';
import { newToken, tokenHash } from './session-token.ts';
import { RetryLater, signInGuardOf } from './sign-in-guard.ts';
import { checkSecondFactor } from './totp.service.ts';
import { assertCurrentPassword } from './current-password.ts';

/** An address that signed an account in within this time is "known" to it: strangers' failures do not shut it out. */
const KNOWN_ADDRESS_MS = 90 * 24 * 3_600_000;

/** Verifying against a fixed hash when the account does not exist keeps the response time the same (no user enumeration). */
let dummyHash: string | undefined;

export interface LoginInput {
  username: string;
  password: string;
  totpCode?: string;
  recoveryCode?: string;
}

/**
 * Sign-in, in this order: attempts per address (in memory), the account-and-address lock and its backoff, the
 * account's failures from unknown addresses, the password (through the KDF gate), the second factor, then the
 * account's state. Unknown and known account names go through the same steps, count and lock the same way, and get
 * the same answers, so the answers do not tell which names exist.
 */
export async function login(ctx: RequestContext, input: LoginInput, userAgent: string | null) {
  const { deps } = ctx;
  const cfg = deps.config;
  const guard = signInGuardOf(deps);
  const now = new Date();
  const account = accountKey(input.username);
  const address = ctx.ip || 'unknown';
  guard.countAttempt(address, now.getTime());

  const windowStart = new Date(now.getTime() - cfg.login.lockMs);
  const knownSince = new Date(now.getTime() - KNOWN_ADDRESS_MS);
  const pair = await findThrottle(ctx.db, account, address);
  const known = !!pair?.lastSuccessAt && pair.lastSuccessAt > knownSince;
  const user = await userForSignIn(ctx.db, input.username);
  const failure = async (reason: string, action = 'auth.login') =>
    auditStandalone(ctx, {
      action,
      result: 'failure',
      objectType: 'user',
      objectId: user?.id,
      actorOverride: { userId: user?.id, name: input.username.slice(0, 64) },
      details: { reason },
    });
  const lockedAnswer = (until: Date) =>
    new AppError(423, 'account_locked', [], {
      minutes: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000)),
    });

  if (pair?.lockedUntil && pair.lockedUntil > now) {
    await failure('locked');
    throw lockedAnswer(pair.lockedUntil);
  }
  if (
    !known &&
    (await strangerFailures(ctx.db, account, windowStart, knownSince)) >= cfg.security.login.accountMaxFailures
  ) {
    await failure('locked_for_unknown_addresses');
    throw lockedAnswer(new Date(now.getTime() + cfg.login.lockMs));
  }
  const base = cfg.security.login.backoffSeconds;
  if (base && pair?.lastFailureAt && pair.lastFailureAt > windowStart && pair.failures >= 2) {
    const waitMs = Math.min(base * 2 ** (pair.failures - 2), 60) * 1000;
    const left = pair.lastFailureAt.getTime() + waitMs - now.getTime();
    if (left > 0) throw new RetryLater(Math.ceil(left / 1000));
  }

  dummyHash ??= await hashPassword(deps.crypto, 'dummy-password', cfg.kdfIterations);
  let passwordOk: boolean;
  try {
    passwordOk = await guard.kdf.run(address, known ? 'known' : 'stranger', () =>
      verifyPassword(deps.crypto, input.password, user?.passwordHash ?? dummyHash!),
    );
  } catch (err) {
    if (!(err instanceof KdfBusy)) throw err;
    throw err.reason === 'client_busy' ? new RetryLater(1) : new RetryLater(2, 'server_busy');
  }

  const countFailure = async (reason: string, code: 'login_failed' | 'totp_invalid') => {
    const lockedUntil = await auditedChange(ctx, async ({ tx, audit }) => {
      const until = await recordFailure(
        tx,
        account,
        address,
        now,
        windowStart,
        cfg.login.maxFailures,
        new Date(now.getTime() + cfg.login.lockMs),
      );
      audit({
        action: until ? 'auth.lock' : 'auth.login',
        result: 'failure',
        objectType: 'user',
        objectId: user?.id,
        actorOverride: { userId: user?.id, name: input.username.slice(0, 64) },
        details: { reason, ...(until ? { address } : {}) },
      });
      return until;
    });
    if (lockedUntil) throw lockedAnswer(lockedUntil);
    throw new AppError(401, code);
  };
  if (!user || !passwordOk) return countFailure(user ? 'wrong_password' : 'unknown_user', 'login_failed');

  const second = await checkSecondFactor(ctx, user.id, input);
  if (second === 'missing') throw new AppError(401, 'totp_required');
  if (second === 'wrong') return countFailure('wrong_second_factor', 'totp_invalid');

  if (!user.active || !user.organisationActive) {
    await failure('disabled');
    throw new AppError(403, 'account_disabled');
  }
  const token = newToken(deps.crypto);
  const csrfToken = newToken(deps.crypto);
  await auditedChange(ctx, async ({ tx, audit }) => {
    // Only this user's rows of sessions and sign-ins change: other users' cached sessions stay (data-version.ts).
    const ended = await writingForUsers([user.id], async () => {
      await markSignedIn(tx, user.id, now);
      await recordSuccess(tx, account, address, now);
      const endedBeyond = await endSessionsBeyond(tx, user.id, cfg.security.maxSessions);
      await insertSession(tx, {
        tokenHash: tokenHash(deps.crypto, token),
        userId: user.id,
        csrfToken,
        expiresAt: new Date(now.getTime() + cfg.session.absoluteMs),
        ip: ctx.ip || null,
        userAgent: userAgent?.slice(0, 300) ?? null,
      });
      return endedBeyond;
    });
    audit({
      action: 'auth.login',
      result: 'success',
      objectType: 'user',
      objectId: user.id,
      actorOverride: { userId: user.id, name: user.username },
      ...(second === 'none' && !ended ? {} : { details: { secondFactor: second, endedSessions: ended } }),
    });
  });
  return { token, csrfToken, userId: user.id };
}

export async function logout(ctx: RequestContext) {
  const actor = ctx.actor;
  if (!actor) return;
  await auditedChange(ctx, async ({ tx, audit }) => {
    await writingForUsers([actor.userId], () => deleteSession(tx, actor.sessionTokenHash));
    audit({ action: 'auth.logout', result: 'success', objectType: 'user', objectId: actor.userId });
  });
}

export async function changeOwnPassword(ctx: AuthedContext, input: { currentPassword: string; newPassword: string }) {
  const { deps, actor } = ctx;
  await assertCurrentPassword(ctx, input.currentPassword, 'currentPassword', 'user.password_change');
  const problems = passwordErrors('newPassword', input.newPassword, deps.config.passwordPolicy, actor.username);
  if (input.newPassword === input.currentPassword) problems.push(fieldError('newPassword', 'password_unchanged'));
  if (problems.length) throw invalid(...problems);
  const hash = await hashPassword(deps.crypto, input.newPassword, deps.config.kdfIterations);
  await auditedChange(ctx, async ({ tx, audit }) => {
    await writingForUsers([actor.userId], async () => {
      await setOwnPassword(tx, actor.userId, hash);
      await endSessionsOf(tx, actor.userId, actor.sessionTokenHash);
    });
    audit({ action: 'user.password_change', result: 'success', objectType: 'user', objectId: actor.userId });
  });
}
