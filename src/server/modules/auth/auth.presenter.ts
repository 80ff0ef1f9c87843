import type { AppConfig } from '../../config.ts';
import type { Me } from '../../../common/api/auth.ts';
import type { Role } from '../../../common/access/roles.ts';
import type { UserRow } from '../users/users.service.ts';

export function presentMe(
  config: AppConfig,
  user: UserRow,
  csrfToken: string,
  pending: Me['pending'],
  totpRequired: boolean,
): Me {
  return {
    user: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: user.roles as Role[],
      organisationId: user.organisationId,
      organisationName: user.organisationName,
      regionCode: user.regionCode,
    },
    csrfToken,
    passwordPolicy: config.passwordPolicy,
    idleTimeoutMinutes: Math.round(config.session.idleMs / 60_000),
    pending,
    totp: { enabled: user.totpEnabled, required: totpRequired },
  };
}
