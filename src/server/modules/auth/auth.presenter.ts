import type { DbOrTx } from '../../db/database.ts';
import type { AppConfig } from '../../config.ts';
import type { Me } from '../../../common/api/auth.ts';
import type { Role } from '../../../common/access/roles.ts';
import { findUserById } from '../users/users.repository.ts';
import { notFound } from '../../http/app-error.ts';

export async function presentMe(db: DbOrTx, config: AppConfig, userId: string, csrfToken: string): Promise<Me> {
  const user = await findUserById(db, userId);
  if (!user) throw notFound();
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
  };
}
