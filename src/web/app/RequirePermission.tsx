import type { ReactNode } from 'react';
import type { Permission } from '../../common/access/permissions.ts';
import { ForbiddenResult } from './ErrorResult.tsx';
import { useSession } from './session.tsx';

/** The page for those whose roles give `permission`; the forbidden page for the others. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useSession();
  return can(permission) ? children : <ForbiddenResult />;
}
