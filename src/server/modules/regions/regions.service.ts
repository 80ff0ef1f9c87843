import type { RegionListQuery } from '../../../common/api/regions.ts';
import { notFound } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/context.ts';
import type { UnitOfWork } from '../../kernel/audit/audit-writer.ts';
import { existingRegionCodes, findRegionDetail, listRegions } from './regions.repository.ts';

export async function regionPage(ctx: RequestContext, { page, pageSize, ...filter }: RegionListQuery) {
  const { items, total } = await listRegions(ctx.db, filter, page, pageSize);
  return { items, total, page, pageSize };
}

export async function regionDetail(ctx: RequestContext, code: string) {
  const found = await findRegionDetail(ctx.db, code);
  if (!found) throw notFound();
  return found;
}

/** Which of `codes` name a region. */
export async function knownRegionCodes({ tx }: Pick<UnitOfWork, 'tx'>, codes: string[]): Promise<Set<string>> {
  return existingRegionCodes(tx, codes);
}
