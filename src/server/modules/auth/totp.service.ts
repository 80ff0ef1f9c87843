import type { AuthedContext, RequestContext } from '../../http/context.ts';
import { AppError, fieldError, invalid, forbidden } from '../../http/app-error.ts';
import { auditedChange } from '../../kernel/audit/audit-writer.ts';
import { seal, open } from '../../security/sealed.ts';
import { checkTotp, newTotpSecret, totpUri } from '../../security/totp.ts';
import {
  confirmTotp,
  deleteTotp,
  findTotp,
  replaceRecoveryCodes,
  startTotp,
  consumeRecoveryCode,
  consumeTotpStep,
} from './totp.repository.ts';
import { assertCurrentPassword } from './current-password.ts';

const SEAL_PURPOSE = 'totp';
const RECOVERY_CODES = 10;
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** `user:code`, normalised (case and the dash ignored), hashed with SM3: the codes carry 50 bits, no KDF needed. */
const recoveryHash = (ctx: Pick<RequestContext, 'deps'>, userId: string, code: string) =>
  ctx.deps.crypto.sm3(`${userId}:${code.toLowerCase().replace(/[^a-z0-9]/g, '')}`);

function newRecoveryCode(ctx: Pick<RequestContext, 'deps'>): string {
  const bytes = ctx.deps.crypto.randomBytes(10);
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

export function totpRequiredFor(ctx: Pick<RequestContext, 'deps'>, roles: readonly string[]): boolean {
  return roles.some((r) => (ctx.deps.config.security.totpRequiredRoles as readonly string[]).includes(r));
}

/**
 * The second factor of a sign-in whose password was right: 'none' when the account has none, 'missing' when it has
 * one and no code came, 'wrong' for a bad, reused or used-up code, else which factor passed. A code is used at most
 * once: the step (or recovery code) is consumed in the same statement that checks it was unused.
 */
export async function checkSecondFactor(
  ctx: RequestContext,
  userId: string,
  input: { totpCode?: string; recoveryCode?: string },
): Promise<'none' | 'missing' | 'wrong' | 'totp' | 'recovery_code'> {
  const cred = await findTotp(ctx.db, userId);
  if (!cred?.confirmedAt) return 'none';
  if (input.recoveryCode) {
    const used = await consumeRecoveryCode(ctx.db, userId, recoveryHash(ctx, userId, input.recoveryCode), new Date());
    return used ? 'recovery_code' : 'wrong';
  }
  if (!input.totpCode) return 'missing';
  const secret = open(ctx.deps.crypto, ctx.deps.auditKey, SEAL_PURPOSE, cred.secretSealed);
  const step = await checkTotp(secret, input.totpCode, cred.lastStep);
  if (step === null) return 'wrong';
  return (await consumeTotpStep(ctx.db, userId, step)) ? 'totp' : 'wrong';
}

/** Starts (or restarts) enrolment: a new key, kept sealed and unconfirmed until a code from it comes back. */
export async function startTotpEnrolment(ctx: AuthedContext, currentPassword: string) {
  await assertCurrentPassword(ctx, currentPassword, 'currentPassword', 'auth.totp_enrol');
  if ((await findTotp(ctx.db, ctx.actor.userId))?.confirmedAt) throw new AppError(409, 'totp_already_enabled');
  const secret = newTotpSecret();
  await auditedChange(ctx, async ({ tx, audit }) => {
    await startTotp(tx, ctx.actor.userId, seal(ctx.deps.crypto, ctx.deps.auditKey, SEAL_PURPOSE, secret));
    audit({ action: 'auth.totp_enrol', result: 'success', objectType: 'user', objectId: ctx.actor.userId });
  });
  return { secret, otpauthUri: totpUri(secret, ctx.actor.username) };
}

/** A code from the new key turns it on and answers the recovery codes, shown this once. */
export async function confirmTotpEnrolment(ctx: AuthedContext, code: string) {
  const cred = await findTotp(ctx.db, ctx.actor.userId);
  if (!cred) throw invalid(fieldError('code', 'totp_not_started'));
  if (cred.confirmedAt) throw new AppError(409, 'totp_already_enabled');
  const secret = open(ctx.deps.crypto, ctx.deps.auditKey, SEAL_PURPOSE, cred.secretSealed);
  const step = await checkTotp(secret, code, null);
  if (step === null) throw invalid(fieldError('code', 'totp_invalid'));
  const codes = Array.from({ length: RECOVERY_CODES }, () => newRecoveryCode(ctx));
  await auditedChange(ctx, async ({ tx, audit }) => {
    await confirmTotp(tx, ctx.actor.userId, step, new Date());
    await replaceRecoveryCodes(
      tx,
      ctx.actor.userId,
      codes.map((c) => recoveryHash(ctx, ctx.actor.userId, c)),
    );
    audit({ action: 'auth.totp_enable', result: 'success', objectType: 'user', objectId: ctx.actor.userId });
  });
  return { recoveryCodes: codes };
}

/** Turning one's own second factor off needs the password, and is refused to roles that require it. */
export async function disableOwnTotp(ctx: AuthedContext, currentPassword: string) {
  if (totpRequiredFor(ctx, ctx.actor.roles)) throw forbidden([fieldError('totp', 'totp_required_for_role')]);
  await assertCurrentPassword(ctx, currentPassword, 'currentPassword', 'auth.totp_disable');
  await auditedChange(ctx, async ({ tx, audit }) => {
    await deleteTotp(tx, ctx.actor.userId);
    audit({ action: 'auth.totp_disable', result: 'success', objectType: 'user', objectId: ctx.actor.userId });
  });
}
