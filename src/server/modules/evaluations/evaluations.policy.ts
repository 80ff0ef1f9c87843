import { hasPermission } from '../../../common/access/permissions.ts';
import type { RoundState } from '../../../common/api/evaluations.ts';
import type { Actor } from '../../http/context.ts';

/** The national office steers a round: closes it (freezing values), adjusts and publishes, then praises and orders. */
export function roundAbilities(actor: Actor, state: RoundState) {
  const manage = hasPermission(actor.roles, 'evaluation.manage');
  return {
    close: manage && state === 'open',
    adjust: manage && state === 'closed',
    publish: manage && state === 'closed',
    award: manage && state === 'published',
  };
}

/** A pairing office writes its own subject's self-assessment (narrative, evidence) while the round is open. */
export function subjectAbilities(actor: Actor, state: RoundState) {
  return { selfAssess: hasPermission(actor.roles, 'evaluation.self') && state === 'open' };
}
