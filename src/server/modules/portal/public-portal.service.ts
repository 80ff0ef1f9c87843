import { notFound } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/context.ts';
import { readAttachmentFile } from '../../kernel/attachments/attachment-store.ts';
import {
  newsPhotos,
  pairingChildren,
  pressFigures,
  programmePairings,
  publicPairing,
  publicProgramme,
  publicProgrammes,
  publishedNews,
  publishedNewsItem,
  publishedNewsPhoto,
  publishedParks,
  publishedProject,
  publishedProjects,
  publishedProjectTotals,
  publishedResults,
  sitemapEntries,
} from './public-portal.repository.ts';

/*
 * The public portal's reads, for anyone without signing in: what the repository selects is published and carries
 * no personal data. An id that is not one (or names nothing published) is simply not found.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const known = (id: string) => {
  if (!UUID.test(id)) throw notFound();
  return id;
};

export async function portalHome(ctx: RequestContext) {
  const [programmes, figures, news] = await Promise.all([
    publicProgrammes(ctx.db),
    pressFigures(ctx.db, null),
    publishedNews(ctx.db, null, 8),
  ]);
  return { programmes, figures, news };
}

export async function portalProgramme(ctx: RequestContext, id: string) {
  const programme = await publicProgramme(ctx.db, known(id));
  if (!programme) throw notFound();
  return { programme, pairings: await programmePairings(ctx.db, id) };
}

/** A pairing's page: what it and its sub-pairings published, the figures from the press and from those records. */
export async function portalPairing(ctx: RequestContext, id: string) {
  const pairing = await publicPairing(ctx.db, known(id));
  if (!pairing) throw notFound();
  const [programme, parent, children] = await Promise.all([
    publicProgramme(ctx.db, pairing.programmeId),
    pairing.parentId ? publicPairing(ctx.db, pairing.parentId) : undefined,
    pairingChildren(ctx.db, id),
  ]);
  const ids = [id, ...children.map((c) => c.id)];
  const [figures, totals, projects, news, parks, results] = await Promise.all([
    pressFigures(ctx.db, id),
    publishedProjectTotals(ctx.db, ids),
    publishedProjects(ctx.db, ids, 50),
    publishedNews(ctx.db, ids, 20),
    publishedParks(ctx.db, ids),
    publishedResults(ctx.db, id),
  ]);
  return { pairing, programme: programme!, parent, children, figures, totals, projects, news, parks, results };
}

export async function portalNewsItem(ctx: RequestContext, id: string) {
  const item = await publishedNewsItem(ctx.db, known(id));
  if (!item) throw notFound();
  const pairing = (await publicPairing(ctx.db, item.pairingId))!;
  const [programme, photos] = await Promise.all([
    publicProgramme(ctx.db, pairing.programmeId),
    newsPhotos(ctx.db, [id]),
  ]);
  return { item, pairing, programme: programme!, photos };
}

export async function portalProject(ctx: RequestContext, id: string) {
  const project = await publishedProject(ctx.db, known(id));
  if (!project) throw notFound();
  const pairing = (await publicPairing(ctx.db, project.pairingId))!;
  return { project, pairing, programme: (await publicProgramme(ctx.db, pairing.programmeId))! };
}

/** The bytes of a published item's photo (a picture: JPEG or PNG). */
export async function portalPhoto(ctx: RequestContext, newsId: string, photoId: string) {
  const photo = await publishedNewsPhoto(ctx.db, known(newsId), known(photoId));
  if (!photo) throw notFound();
  return { kind: photo.kind, buffer: await readAttachmentFile(ctx.deps.config.dataDir, photo.storedName) };
}

export const portalSitemap = (ctx: RequestContext) => sitemapEntries(ctx.db);
