import { SYSTEM_USER_ID } from '../../http/system-actor.ts';
import type { AuthedContext, RequestContext } from '../../http/context.ts';
import { invalid, fieldError, notFound, conflict } from '../../http/app-error.ts';
import { auditedChange } from '../../kernel/audit/audit-writer.ts';
import { hashPassword } from '../../security/password-hash.ts';
import { passwordErrors } from '../../security/password-rules.ts';
import { sealedEmail } from '../../kernel/user-email.ts';
import { maskEmail } from '../../kernel/personal-data.ts';
import { visibleOrganisation } from '../organisations/organisations.service.ts';
import type { DbOrTx } from '../../db/database.ts';
import {
  accountKey,
  findPasswordHash,
  findUserForLogin,
  recordLoginSuccess,
  clearLoginLocks,
  endUserSessions,
  findUserById,
  insertUser,
  listUsers,
  removeSecondFactor,
  updateUser,
  usernameTaken,
  countAdmins,
  type UserFilter,
  type UserRow,
} from './users.repository.ts';
import { assertCanManageAccount, assertNotSelf, assertRoleSet } from './users.policy.ts';

export async function userPage(ctx: AuthedContext, query: UserFilter & { page: number; pageSize: number }) {
  const { page, pageSize, ...filter } = query;
  return { ...(await listUsers(ctx.db, filter, page, pageSize)), page, pageSize };
}

export async function userDetail(ctx: Pick<RequestContext, 'db'>, id: string) {
  const row = await findUserById(ctx.db, id);
  if (!row) throw notFound();
  return row;
}

export async function createUser(
  ctx: AuthedContext,
  input: {
    username: string;
    displayName: string;
    organisationId: string;
    roles: string[];
    password: string;
    email?: string;
  },
) {
  const roles = [...new Set(input.roles)];
  assertCanManageAccount(ctx.actor, null, [roles], 'roles');
  assertRoleSet([], roles);
  const problems = passwordErrors('password', input.password, ctx.deps.config.passwordPolicy, input.username);
  if (problems.length) throw invalid(...problems);
  const passwordHash = await hashPassword(ctx.deps.crypto, input.password, ctx.deps.config.kdfIterations);
  return auditedChange(ctx, async (work) => {
    if (!(await visibleOrganisation(work, ctx.actor, input.organisationId)))
      throw invalid(fieldError('organisationId', 'unknown_organisation'));
    if (await usernameTaken(work.tx, input.username)) throw invalid(fieldError('username', 'duplicate_username'));
    const id = await insertUser(work.tx, {
      username: input.username,
      displayName: input.displayName,
      organisationId: input.organisationId,
      roles,
      passwordHash,
      // A password an administrator chose is theirs as much as the user's: the user replaces it at the first
      // sign-in. Accounts the platform makes itself (first start, command line, demo data) are not held.
      mustChangePassword: ctx.actor.userId !== SYSTEM_USER_ID,
    });
    // The address is sealed with the new row's id (what it is bound to), so it is written once the row exists.
    if (input.email) await updateUser(work.tx, id, sealedEmail(ctx.deps, id, input.email));
    work.audit({
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
          email: maskEmail(input.email || null),
        },
      },
    });
    return id;
  });
}

export async function updateUserById(
  ctx: AuthedContext,
  id: string,
  input: {
    version: number;
    displayName?: string;
    organisationId?: string;
    roles?: string[];
    active?: boolean;
    email?: string;
  },
) {
  return auditedChange(ctx, async (work) => {
    const current = await findUserById(work.tx, id);
    if (!current) throw notFound();
    const { version: _v, email, ...patch } = input;
    if (patch.roles) patch.roles = [...new Set(patch.roles)];
    assertCanManageAccount(ctx.actor, id, [current.roles, patch.roles ?? current.roles]);
    if (current.version !== input.version) throw conflict();
    if (patch.roles) assertRoleSet(current.roles, patch.roles);
    if (input.organisationId && !(await visibleOrganisation(work, ctx.actor, input.organisationId)))
      throw invalid(fieldError('organisationId', 'unknown_organisation'));
    await updateUser(work.tx, id, {
      ...patch,
      ...(email === undefined ? {} : sealedEmail(ctx.deps, id, email || null)),
    });
    // A changed role, organisation or a disabled account must not keep acting through old sessions.
    if (input.roles || input.organisationId || input.active === false) await endUserSessions(work.tx, id);
    const action =
      input.active === false && current.active ? 'user.deactivate' : input.roles ? 'user.roles_change' : 'user.update';
    work.audit({
      action,
      result: 'success',
      objectType: 'user',
      objectId: id,
      details: {
        before: { roles: current.roles, active: current.active, organisationId: current.organisationId },
        // Personal data: the audit trail keeps the address masked, as the lists show it.
        changes: email === undefined ? patch : { ...patch, email: maskEmail(email || null) },
      },
    });
  });
}

/** Lifting a lock is the security administrator's (permission user.unlock), for any account but their own. */
export async function unlockUser(ctx: AuthedContext, id: string) {
  await auditedChange(ctx, async (work) => {
    const user = await findUserById(work.tx, id);
    if (!user) throw notFound();
    assertNotSelf(ctx.actor, id);
    await clearLoginLocks(work.tx, user.username);
    work.audit({ action: 'user.unlock', result: 'success', objectType: 'user', objectId: id });
  });
}

/**
 * A reset password is known to the administrator who set it, so the user must choose a new one at the next sign-in.
 * It does not lift a lock (only unlocking does) and ends the account's sessions.
 */
export async function resetPassword(ctx: AuthedContext, id: string, password: string) {
  const user = await userDetail(ctx, id);
  assertCanManageAccount(ctx.actor, id, [user.roles]);
  const problems = passwordErrors('password', password, ctx.deps.config.passwordPolicy, user.username);
  if (problems.length) throw invalid(...problems);
  const passwordHash = await hashPassword(ctx.deps.crypto, password, ctx.deps.config.kdfIterations);
  await auditedChange(ctx, async (work) => {
    await updateUser(work.tx, id, { passwordHash, passwordChangedAt: new Date(), mustChangePassword: true });
    await endUserSessions(work.tx, id);
    work.audit({ action: 'user.password_reset', result: 'success', objectType: 'user', objectId: id });
  });
}

/** For a user who lost their authenticator and recovery codes: they enrol again at the next sign-in. */
export async function resetSecondFactor(ctx: AuthedContext, id: string) {
  await auditedChange(ctx, async (work) => {
    const user = await findUserById(work.tx, id);
    if (!user) throw notFound();
    assertCanManageAccount(ctx.actor, id, [user.roles]);
    const removed = await removeSecondFactor(work.tx, id);
    await endUserSessions(work.tx, id);
    work.audit({
      action: 'user.totp_reset',
      result: 'success',
      objectType: 'user',
      objectId: id,
      details: { removed },
    });
  });
}

/* What sign-in (the auth module) needs of accounts. */
export { accountKey };
export const userForSignIn = (db: DbOrTx, username: string) => findUserForLogin(db, username);
export const passwordHashOf = (db: DbOrTx, id: string) => findPasswordHash(db, id);
export const markSignedIn = (tx: DbOrTx, id: string, now: Date) => recordLoginSuccess(tx, id, now);
export const setOwnPassword = (tx: DbOrTx, id: string, passwordHash: string) =>
  updateUser(tx, id, { passwordHash, passwordChangedAt: new Date(), mustChangePassword: false });
export const endSessionsOf = (tx: DbOrTx, id: string, exceptTokenHash?: string) =>
  endUserSessions(tx, id, exceptTokenHash);
export type { UserRow };
export const administratorCount = (db: DbOrTx) => countAdmins(db);
export const usernameInUse = (db: DbOrTx, username: string) => usernameTaken(db, username);
export const addUser = (tx: DbOrTx, row: Parameters<typeof insertUser>[1]) => insertUser(tx, row);
/** Disables (its sessions end with it) or enables an account; the caller has checked who may and audits it. */
export async function setUserActive(tx: DbOrTx, id: string, active: boolean) {
  await updateUser(tx, id, { active });
  if (!active) await endUserSessions(tx, id);
}
