import type { OrganisationUserInput, OrganisationUserUpdate } from '../../../common/api/listings.ts';
import { conflict, fieldError, invalid, notFound } from '../../http/app-error.ts';
import type { AuthedContext } from '../../http/context.ts';
import { auditedChange } from '../../kernel/audit/audit-writer.ts';
import { hashPassword } from '../../security/password-hash.ts';
import { passwordErrors } from '../../security/password-rules.ts';
import { addUser, setUserActive, userDetail, userPage, usernameInUse } from '../users/users.service.ts';
import { standingOf } from './listing-reading.service.ts';
import { assertManagesOwnUsers, assertNotOwnAccount } from './listings.policy.ts';

/** The accounts of the actor's own organisation (an approved registrant's), by username. */
export async function ownUsers(ctx: AuthedContext, page: number, pageSize: number) {
  assertManagesOwnUsers(ctx.actor, await standingOf(ctx));
  return userPage(ctx, { organisationId: ctx.actor.organisationId, page, pageSize });
}

/** Another organisation's account is not there for this actor (404), as a record of another region is. */
async function ownUser(ctx: AuthedContext, id: string) {
  const user = await userDetail(ctx, id).catch(() => null);
  if (!user || user.organisationId !== ctx.actor.organisationId) throw notFound();
  return user;
}

export async function ownUserDetail(ctx: AuthedContext, id: string) {
  assertManagesOwnUsers(ctx.actor, await standingOf(ctx));
  return ownUser(ctx, id);
}

/**
 * Invites a colleague: an enterprise account of the same organisation, whose password (set here, so known to the
 * inviter) is replaced at the first sign-in. Audited.
 */
export async function inviteOwnUser(ctx: AuthedContext, input: OrganisationUserInput) {
  assertManagesOwnUsers(ctx.actor, await standingOf(ctx));
  const problems = passwordErrors('password', input.password, ctx.deps.config.passwordPolicy, input.username);
  if (problems.length) throw invalid(...problems);
  const passwordHash = await hashPassword(ctx.deps.crypto, input.password, ctx.deps.config.kdfIterations);
  return auditedChange(ctx, async ({ tx, audit }) => {
    if (await usernameInUse(tx, input.username)) throw invalid(fieldError('username', 'duplicate_username'));
    const id = await addUser(tx, {
      username: input.username,
      displayName: input.displayName,
      organisationId: ctx.actor.organisationId,
      roles: ['enterprise'],
      passwordHash,
      mustChangePassword: true,
    });
    audit({
      action: 'user.create',
      result: 'success',
      objectType: 'user',
      objectId: id,
      details: {
        after: { username: input.username, displayName: input.displayName, organisationId: ctx.actor.organisationId },
        by: 'organisation',
      },
    });
    return id;
  });
}

/** Disables (its sessions end) or enables an account of the actor's organisation, never the actor's own. Audited. */
export async function setOwnUserActive(ctx: AuthedContext, id: string, input: OrganisationUserUpdate) {
  assertManagesOwnUsers(ctx.actor, await standingOf(ctx));
  const user = await ownUser(ctx, id);
  assertNotOwnAccount(ctx.actor, id);
  if (user.version !== input.version) throw conflict();
  if (user.active === input.active) return;
  return auditedChange(ctx, async ({ tx, audit }) => {
    await setUserActive(tx, id, input.active);
    audit({
      action: input.active ? 'user.update' : 'user.deactivate',
      result: 'success',
      objectType: 'user',
      objectId: id,
      details: { before: { active: user.active }, changes: { active: input.active }, by: 'organisation' },
    });
  });
}
