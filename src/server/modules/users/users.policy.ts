import type { Actor } from '../../http/context.ts';
import { hasPermission } from '../../../common/access/permissions.ts';
import { ADMIN_ROLES } from '../../../common/access/roles.ts';
import { forbidden, invalid, fieldError } from '../../http/app-error.ts';

const isAdminRole = (r: string) => (ADMIN_ROLES as readonly string[]).includes(r);
export const isAdminAccount = (roles: readonly string[]) => roles.some(isAdminRole);

/**
 * 三员 (等保 8.1.4.2, 8.1.5): the security administrator alone manages administrator accounts, the system administrator
 * the business accounts; nobody manages their own account through these routes (their own password goes through
 * /api/auth/password). `account` is the account's roles after the change (and before, for an existing account).
 */
export function assertCanManageAccount(
  actor: Actor,
  targetId: string | null,
  roles: readonly string[][],
  field = 'id',
) {
  if (targetId) assertNotSelf(actor, targetId);
  const admin = roles.some(isAdminAccount);
  if (admin && !hasPermission(actor.roles, 'user.manageAdminRoles'))
    throw forbidden([fieldError(field, 'admin_account_requires_security_admin')]);
  if (!admin && !hasPermission(actor.roles, 'user.manageBusiness'))
    throw forbidden([fieldError(field, 'business_account_requires_system_admin')]);
}

export function assertNotSelf(actor: Actor, targetId: string) {
  if (targetId === actor.userId) throw forbidden([fieldError('id', 'cannot_manage_self')]);
}

/**
 * Roles an account may hold: administrative and business roles never together, and no more than one 三员 role on a
 * new grant (the initial administrator starts with all three so the instance can be set up; they can only be taken away).
 */
export function assertRoleSet(before: readonly string[], after: readonly string[]) {
  const admin = after.filter(isAdminRole);
  if (admin.length && admin.length < after.length) throw invalid(fieldError('roles', 'mixed_roles'));
  const added = admin.filter((r) => !before.includes(r));
  if (admin.length > 1 && added.length) throw invalid(fieldError('roles', 'one_admin_role'));
}
