import type { AuthedContext } from '../../http/context.ts';
import { invalid, fieldError, notFound, conflict } from '../../http/app-error.ts';
import { writeAudit } from '../../kernel/audit/audit-writer.ts';
import { findOrganisation } from '../organisations/organisations.repository.ts';
import { deleteUserSessions } from '../auth/session.repository.ts';
import { hashPassword } from '../auth/password-hash.ts';
import { passwordErrors } from '../auth/password-rules.ts';
import { findUserById, insertUser, updateUser, usernameTaken } from './users.repository.ts';
import { assertCanAssignRoles } from './users.policy.ts';

export async function createUser(
  ctx: AuthedContext,
  input: { username: string; displayName: string; organisationId: string; roles: string[]; password: string },
) {
  assertCanAssignRoles(ctx.actor, [], input.roles);
  const problems = passwordErrors('password', input.password, ctx.deps.config.passwordPolicy, input.username);
  if (problems.length) throw invalid(...problems);
  const passwordHash = await hashPassword(ctx.deps.crypto, input.password, ctx.deps.config.kdfIterations);
  return ctx.db.transaction(async (tx) => {
    if (!(await findOrganisation(tx, ctx.actor, input.organisationId)))
      throw invalid(fieldError('organisationId', 'unknown_organisation'));
    if (await usernameTaken(tx, input.username)) throw invalid(fieldError('username', 'duplicate_username'));
    const roles = [...new Set(input.roles)];
    const id = await insertUser(tx, {
      username: input.username,
      displayName: input.displayName,
      organisationId: input.organisationId,
      roles,
      passwordHash,
    });
    await writeAudit(tx, ctx, {
      action: 'user.create',
      result: 'success',
      objectType: 'user',
      objectId: id,
      details: {
        after: {
          username: input.username,
          displayName: input.displayName,
          organisationId: input.organisationId,
          roles,
        },
      },
    });
    return id;
  });
}

export async function updateUserById(
  ctx: AuthedContext,
  id: string,
  input: { version: number; displayName?: string; organisationId?: string; roles?: string[]; active?: boolean },
) {
  return ctx.db.transaction(async (tx) => {
    const current = await findUserById(tx, id);
    if (!current) throw notFound();
    if (current.version !== input.version) throw conflict();
    if (input.roles) assertCanAssignRoles(ctx.actor, current.roles, input.roles);
    if (input.active === false && id === ctx.actor.userId)
      throw invalid(fieldError('active', 'cannot_deactivate_self'));
    if (input.organisationId && !(await findOrganisation(tx, ctx.actor, input.organisationId)))
      throw invalid(fieldError('organisationId', 'unknown_organisation'));
    const { version: _v, ...patch } = input;
    if (patch.roles) patch.roles = [...new Set(patch.roles)];
    await updateUser(tx, id, patch);
    // A changed role, organisation or a disabled account must not keep acting through old sessions.
    if (input.roles || input.organisationId || input.active === false) await deleteUserSessions(tx, id);
    const action =
      input.active === false && current.active ? 'user.deactivate' : input.roles ? 'user.roles_change' : 'user.update';
    await writeAudit(tx, ctx, {
      action,
      result: 'success',
      objectType: 'user',
      objectId: id,
      details: {
        before: { roles: current.roles, active: current.active, organisationId: current.organisationId },
        changes: patch,
      },
    });
  });
}

export async function unlockUser(ctx: AuthedContext, id: string) {
  await ctx.db.transaction(async (tx) => {
    if (!(await findUserById(tx, id))) throw notFound();
    await updateUser(tx, id, { lockedUntil: null, failedLogins: 0 });
    await writeAudit(tx, ctx, { action: 'user.unlock', result: 'success', objectType: 'user', objectId: id });
  });
}

export async function resetPassword(ctx: AuthedContext, id: string, password: string) {
  const user = await findUserById(ctx.db, id);
  if (!user) throw notFound();
  const problems = passwordErrors('password', password, ctx.deps.config.passwordPolicy, user.username);
  if (problems.length) throw invalid(...problems);
  const passwordHash = await hashPassword(ctx.deps.crypto, password, ctx.deps.config.kdfIterations);
  await ctx.db.transaction(async (tx) => {
    await updateUser(tx, id, { passwordHash, passwordChangedAt: new Date(), lockedUntil: null, failedLogins: 0 });
    await deleteUserSessions(tx, id);
    await writeAudit(tx, ctx, { action: 'user.password_reset', result: 'success', objectType: 'user', objectId: id });
  });
}
