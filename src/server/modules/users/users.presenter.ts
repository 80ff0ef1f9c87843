import type { UserItem } from '../../../common/api/users.ts';
import type { Role } from '../../../common/access/roles.ts';
import type { UserRow } from './users.repository.ts';

export const presentUser = (u: UserRow): UserItem => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  organisationId: u.organisationId,
  organisationName: u.organisationName,
  regionCode: u.regionCode,
  roles: u.roles as Role[],
  active: u.active,
  locked: u.locked,
  totpEnabled: u.totpEnabled,
  mustChangePassword: u.mustChangePassword,
  emailMasked: u.emailMasked,
  emailNotifications: u.emailNotifications,
  lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
  version: u.version,
  createdAt: u.createdAt.toISOString(),
  updatedAt: u.updatedAt.toISOString(),
});
