import type { PeopleFiguresQuery } from '../../../common/api/people.ts';
import type { AuthedContext } from '../../http/context.ts';
import { exchangeFigures, secondmentFigures, traineeFigures } from './people-figures.repository.ts';

/**
 * Cadres seconded each way, trainees by category and side, and exchanges, per pairing and year (a pairing's
 * figures include its sub-pairs' rows, each named): the pairing page, the dashboard and 组织部's overview.
 */
export async function peopleFigures(ctx: AuthedContext, query: PeopleFiguresQuery) {
  const [secondments, trainees, exchanges] = await Promise.all([
    secondmentFigures(ctx.db, ctx.actor, query),
    traineeFigures(ctx.db, ctx.actor, query),
    exchangeFigures(ctx.db, ctx.actor, query),
  ]);
  return { secondments, trainees, exchanges };
}
