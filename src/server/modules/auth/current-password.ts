import type { AuthedContext } from '../../http/context.ts';
import { invalid, fieldError } from '../../http/app-error.ts';
import { auditStandalone } from '../../kernel/audit/audit-writer.ts';
import { verifyPassword } from '../../security/password-hash.ts';
import { KdfBusy } from '../../security/kdf-gate.ts';
import { passwordHashOf } from '../users/users.service.ts';
import { RetryLater, signInGuardOf } from './sign-in-guard.ts';

/** The current password, checked through the KDF gate; a wrong one is audited and refused naming `field`. */
export async function assertCurrentPassword(ctx: AuthedContext, password: string, field: string, action: string) {
  const stored = await passwordHashOf(ctx.db, ctx.actor.userId);
  const guard = signInGuardOf(ctx.deps);
  let ok = false;
  try {
    ok =
      !!stored &&
      (await guard.kdf.run(`user:${ctx.actor.userId}`, 'known', () =>
        verifyPassword(ctx.deps.crypto, password, stored),
      ));
  } catch (err) {
    if (err instanceof KdfBusy) throw new RetryLater(1);
    throw err;
  }
  if (!ok) {
    await auditStandalone(ctx, { action, result: 'failure', objectType: 'user', objectId: ctx.actor.userId });
    throw invalid(fieldError(field, 'invalid_value'));
  }
}
