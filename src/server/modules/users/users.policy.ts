import type { Actor } from '../../http/context.ts';
import { hasPermission } from '../../../common/access/permissions.ts';
import { ADMIN_ROLES } from '../../../common/access/roles.ts';
import { forbidden, fieldError } from '../../http/app-error.ts';

/** 三员 separation: only the security administrator grants or removes administrator roles. */
export function assertCanAssignRoles(actor: Actor, before: readonly string[], after: readonly string[]) {
  const touched = [...before.filter((r) => !after.includes(r)), ...after.filter((r) => !before.includes(r))];
  if (
    touched.some((r) => (ADMIN_ROLES as readonly string[]).includes(r)) &&
    !hasPermission(actor.roles, 'user.manageAdminRoles')
  ) {
    throw forbidden([fieldError('roles', 'admin_role_requires_security_admin')]);
  }
}
