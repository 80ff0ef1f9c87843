import { hasPermission } from '../../../common/access/permissions.ts';
import type { Actor } from '../../http/context.ts';

/** Offices see all their pairings' items; a lead unit sees the items it owns, as with tasks. */
export function seesOnlyOwnItems(actor: Actor): boolean {
  return !hasPermission(actor.roles, 'item.manage');
}

/** What an actor may do with an item it can see: offices edit, close and reopen; owners and offices report. */
export function itemAbilities(actor: Actor, item: { closed: boolean; ownedByActor: boolean }) {
  const office = hasPermission(actor.roles, 'item.manage');
  const progress = !item.closed && (office || (hasPermission(actor.roles, 'item.progress') && item.ownedByActor));
  return {
    edit: office && !item.closed,
    progress,
    /** Evidence is added by whoever may report on the open item. */
    attach: progress,
    close: office && !item.closed,
    reopen: office && item.closed,
  };
}
