import type { AuthedContext } from '../../http/context.ts';
import { fieldError, invalid, notFound } from '../../http/app-error.ts';
import { auditedChange } from '../../kernel/audit/audit-writer.ts';
import {
  deleteGrant,
  findUserIdByUsername,
  grantCount,
  insertGrant,
  programmeGrantRows,
} from './programme-grants.repository.ts';
import { findProgramme } from './programmes.repository.ts';
import { worksIn } from './programmes.service.ts';

/** The users granted a programme, for an office that works in it. */
export async function programmeGrants(ctx: AuthedContext, id: string) {
  if (!(await findProgramme(ctx.db, id)) || !worksIn(ctx.actor, id)) throw notFound();
  return programmeGrantRows(ctx.db, id);
}

/** Grants a programme to a national-office user: that user then sees its records (and only those of its grants). */
export async function grantProgramme(ctx: AuthedContext, id: string, username: string) {
  return auditedChange(ctx, async ({ tx, audit }) => {
    if (!(await findProgramme(tx, id)) || !worksIn(ctx.actor, id)) throw notFound();
    const user = await findUserIdByUsername(tx, username);
    if (!user) throw invalid(fieldError('username', 'unknown_user'));
    if (!user.roles.includes('national_office')) throw invalid(fieldError('username', 'grant_national_only'));
    await insertGrant(tx, user.id, id);
    audit({
      action: 'programme.grant',
      result: 'success',
      objectType: 'programme',
      objectId: id,
      details: { username },
    });
    return programmeGrantRows(tx, id);
  });
}

/**
 * Takes a programme back from a user, with the reason in the audit row. A user's last grant is refused: with no
 * grant a national office sees every programme, so revoking it would widen, not narrow, what the user sees.
 */
export async function revokeProgramme(ctx: AuthedContext, id: string, userId: string, reason: string) {
  return auditedChange(ctx, async ({ tx, audit }) => {
    if (!(await findProgramme(tx, id)) || !worksIn(ctx.actor, id)) throw notFound();
    const grant = (await programmeGrantRows(tx, id)).find((g) => g.userId === userId);
    if (!grant) throw notFound();
    if ((await grantCount(tx, userId)) <= 1) throw invalid(fieldError('userId', 'grant_last'));
    await deleteGrant(tx, userId, id);
    audit({
      action: 'programme.revoke',
      result: 'success',
      objectType: 'programme',
      objectId: id,
      details: { username: grant.username, reason },
    });
    return programmeGrantRows(tx, id);
  });
}
