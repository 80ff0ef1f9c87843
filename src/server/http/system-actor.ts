import type { Actor, AppDeps, AuthedContext } from './context.ts';

/** The actor of work the platform does by itself (first-start loading, command-line tools); audited as `system`. */
export const SYSTEM_USER_ID = '00000000-0000-0000-0000-000000000000';

export function systemContext(deps: AppDeps, requestId = 'system'): AuthedContext {
  const actor: Actor = {
    userId: SYSTEM_USER_ID,
    username: 'system',
    displayName: 'system',
    roles: ['national_office', 'sys_admin', 'security_admin'],
    organisationId: SYSTEM_USER_ID,
    organisationName: 'system',
    regionCode: '000000',
    sessionTokenHash: '',
    csrfToken: '',
    scope: { all: true },
  };
  return { db: deps.db, actor, requestId, ip: '', deps };
}
