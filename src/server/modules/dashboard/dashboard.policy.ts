import { hasPermission } from '../../../common/access/permissions.ts';
import type { Actor } from '../../http/context.ts';

/** Project figures only for those who may read the ledgers they come from (scoped like the ledgers). */
export function seesProjectFigures(actor: Actor): boolean {
  return hasPermission(actor.roles, 'project.read');
}
