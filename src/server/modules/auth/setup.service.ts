import { timingSafeEqual } from 'node:crypto';
import type { RequestContext } from '../../http/context.ts';
import { AppError, invalid, fieldError } from '../../http/app-error.ts';
import { auditedChange } from '../../kernel/audit/audit-writer.ts';
import { addUser, administratorCount, usernameInUse } from '../users/users.service.ts';
import { addOrganisation } from '../organisations/organisations.service.ts';
import { hashPassword } from '../../security/password-hash.ts';
import { passwordErrors } from '../../security/password-rules.ts';
import { NATION_CODE } from '../regions/region-codes.ts';

export const OPERATOR_ORGANISATION = '平台运维单位';

export async function needsSetup(ctx: Pick<RequestContext, 'db'>) {
  return (await administratorCount(ctx.db)) === 0;
}

/**
 * The one-time setup token lives only in the memory of the process that printed it, so nobody who merely
 * reaches the port can claim a fresh instance.
 */
export class SetupToken {
  private value: string | null = null;
  issue(token: string) {
    this.value = token;
  }
  matches(candidate: string): boolean {
    if (!this.value) return false;
    const a = Buffer.from(this.value);
    const b = Buffer.from(candidate);
    return a.length === b.length && timingSafeEqual(a, b);
  }
  clear() {
    this.value = null;
  }
}

export interface InitialAdminInput {
  username: string;
  displayName: string;
  password: string;
}

/**
 * Creates the first administrator with the three 三员 roles so the instance can be run at all; the
 * administrator is expected to create separate system, security and audit administrators next (docs/SECURITY.md).
 */
export async function createInitialAdmin(ctx: RequestContext, input: InitialAdminInput) {
  const problems = passwordErrors('password', input.password, ctx.deps.config.passwordPolicy, input.username);
  if (problems.length) throw invalid(...problems);
  const passwordHash = await hashPassword(ctx.deps.crypto, input.password, ctx.deps.config.kdfIterations);
  return auditedChange(ctx, async (work) => {
    const { tx } = work;
    if ((await administratorCount(tx)) > 0) throw new AppError(409, 'setup_done');
    if (await usernameInUse(tx, input.username)) throw invalid(fieldError('username', 'duplicate_username'));
    const organisationId = await addOrganisation(work, {
      name: OPERATOR_ORGANISATION,
      kind: 'operator',
      regionCode: NATION_CODE,
    });
    const userId = await addUser(tx, {
      username: input.username,
      displayName: input.displayName,
      organisationId,
      roles: ['sys_admin', 'security_admin', 'audit_admin'],
      passwordHash,
    });
    work.audit({
      action: 'setup.initial_admin',
      result: 'success',
      objectType: 'user',
      objectId: userId,
      actorOverride: { userId, name: input.username },
    });
    return userId;
  });
}
