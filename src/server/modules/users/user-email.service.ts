import type { EmailSettings, EmailSettingsBody } from '../../../common/api/users.ts';
import { fieldError, invalid, notFound } from '../../http/app-error.ts';
import type { AuthedContext } from '../../http/context.ts';
import { auditedChange } from '../../kernel/audit/audit-writer.ts';
import { openEmail, sealedEmail } from '../../kernel/user-email.ts';
import { findEmailCipher, findUserById, updateUser } from './users.repository.ts';

/** The signed-in user's e-mail settings. */
export async function ownEmailSettings(ctx: AuthedContext): Promise<EmailSettings> {
  const user = await findUserById(ctx.db, ctx.actor.userId);
  if (!user) throw notFound();
  return {
    emailMasked: user.emailMasked,
    emailNotifications: user.emailNotifications,
    mailConfigured: ctx.deps.config.smtp !== null,
  };
}

/**
 * A user sets their own address and chooses which notices reach them by e-mail. Choosing any needs an address and
 * a mail server (SMTP_URL); the audit row says what changed, never the address.
 */
export async function setOwnEmailSettings(ctx: AuthedContext, input: EmailSettingsBody): Promise<EmailSettings> {
  const id = ctx.actor.userId;
  await auditedChange(ctx, async ({ tx, audit }) => {
    const current = await findUserById(tx, id);
    if (!current) throw notFound();
    const hasAddress = input.email === undefined ? current.emailMasked !== null : input.email !== '';
    if (input.emailNotifications !== 'off') {
      if (!ctx.deps.config.smtp) throw invalid(fieldError('emailNotifications', 'mail_not_configured'));
      if (!hasAddress) throw invalid(fieldError('email', 'email_required'));
    }
    const address = input.email === undefined ? null : sealedEmail(ctx.deps, id, input.email || null);
    await updateUser(tx, id, { ...(address ?? {}), emailNotifications: input.emailNotifications });
    audit({
      action: 'user.email_settings',
      result: 'success',
      objectType: 'user',
      objectId: id,
      details: {
        before: { email: current.emailMasked, emailNotifications: current.emailNotifications },
        after: {
          email: address ? address.emailMasked : current.emailMasked,
          emailNotifications: input.emailNotifications,
        },
      },
    });
  });
  return ownEmailSettings(ctx);
}

/** Shows a user's address in full to an administrator who reads accounts, and records who, whose and why. */
export async function revealUserEmail(ctx: AuthedContext, id: string, reason: string): Promise<string | null> {
  return auditedChange(ctx, async ({ tx, audit }) => {
    const user = await findUserById(tx, id);
    if (!user) throw notFound();
    const cipher = await findEmailCipher(tx, id);
    audit({
      action: 'user.email_reveal',
      result: 'success',
      objectType: 'user',
      objectId: id,
      details: { username: user.username, reason },
    });
    return cipher ? openEmail(ctx.deps, id, cipher) : null;
  });
}
