import type { OpenDataQuery } from '../../../common/api/open-data.ts';
import { fieldError, invalid } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/context.ts';
import { type IatiReporter, iatiActivitiesXml } from './iati-activities.ts';
import {
  iatiProjects,
  type OpenFilter,
  openEvaluationResults,
  openFigures,
  pairingsNamed,
  pairingWithSubPairs,
  programmesNamed,
  projectAggregates,
} from './open-data.repository.ts';

/**
 * What a request filters on, checked: a programme and a pairing, each named by id or exact name (the pairing within
 * the programme when one is given), which stands for itself and its sub-pairs. An unknown one is a 400 naming the field,
 * not an empty answer that would look like "nothing published".
 */
async function openFilter(ctx: Pick<RequestContext, 'db'>, q: Partial<OpenDataQuery>): Promise<OpenFilter> {
  let programmeId: string | undefined;
  if (q.programme) {
    const named = await programmesNamed(ctx.db, q.programme);
    if (!named.length) throw invalid(fieldError('programme', 'unknown_programme'));
    if (named.length > 1) throw invalid(fieldError('programme', 'programme_name_ambiguous', { name: q.programme }));
    programmeId = named[0];
  }
  let pairingIds: string[] | undefined;
  if (q.pairing) {
    const named = await pairingsNamed(ctx.db, q.pairing, programmeId);
    if (!named.length) throw invalid(fieldError('pairing', 'unknown_pairing'));
    if (named.length > 1) throw invalid(fieldError('pairing', 'pairing_name_ambiguous', { name: q.pairing }));
    pairingIds = await pairingWithSubPairs(ctx.db, named[0]!.id);
  }
  return { programmeId, pairingIds, year: q.year, side: q.side };
}

export async function publishedProjectTotals(ctx: RequestContext, q: OpenDataQuery) {
  return projectAggregates(ctx.db, await openFilter(ctx, q));
}

export async function publishedFigureRows(ctx: RequestContext, q: OpenDataQuery) {
  return openFigures(ctx.db, await openFilter(ctx, q));
}

export async function publishedEvaluationResults(ctx: RequestContext, q: OpenDataQuery) {
  return openEvaluationResults(ctx.db, await openFilter(ctx, q));
}

/** The reporter of IATI files as configured (IATI_REPORTING_ORG_*). */
export const iatiReporter = (ctx: Pick<RequestContext, 'deps'>): IatiReporter => ctx.deps.config.iati;

/** Published projects as an IATI 2.03 activity file, for the API and the command alike. */
export async function iatiFile(
  ctx: Pick<RequestContext, 'db' | 'deps'>,
  q: Pick<OpenDataQuery, 'programme' | 'pairing'>,
  now: Date = new Date(),
): Promise<{ xml: string; activities: number }> {
  const rows = await iatiProjects(ctx.db, await openFilter(ctx, q));
  return { xml: iatiActivitiesXml(rows, iatiReporter(ctx), now), activities: rows.length };
}
