import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { attachments } from '../../kernel/attachments/attachments.tables.ts';
import { publishedFigures } from '../../kernel/published-figures/published-figures.tables.ts';
import { evaluationRounds, evaluationSubjects } from '../evaluations/evaluations.tables.ts';
import { pairings } from '../pairings/pairings.tables.ts';
import { parks } from '../parks/parks.tables.ts';
import { programmes } from '../programmes/programmes.tables.ts';
import { projects } from '../projects/projects.tables.ts';
import { regions } from '../regions/regions.tables.ts';
import { newsItems } from './portal.tables.ts';

/*
 * What the public portal reads, with no user: every query here names its own condition of publication (a project's,
 * a park's or a news item's published_at, a round's published state) and selects only the columns the public sees:
 * never a contact, a note, a ledger or who typed a record. Programmes and pairings are public as the documents that
 * set them up are; published figures come from the press and official reports, public by nature.
 */

const programmeColumns = {
  id: programmes.id,
  name: programmes.name,
  docNo: programmes.docNo,
  issuer: programmes.issuer,
  goals: programmes.goals,
  sideAZh: programmes.sideAZh,
  sideAEn: programmes.sideAEn,
  sideBZh: programmes.sideBZh,
  sideBEn: programmes.sideBEn,
};

export async function publicProgrammes(db: DbOrTx) {
  return db
    .select({
      ...programmeColumns,
      pairingCount: sql<number>`(SELECT count(*)::int FROM ${pairings} WHERE ${pairings.programmeId} = ${programmes.id})`,
    })
    .from(programmes)
    .orderBy(asc(programmes.createdAt), asc(programmes.id));
}

export async function publicProgramme(db: DbOrTx, id: string) {
  const [row] = await db.select(programmeColumns).from(programmes).where(eq(programmes.id, id));
  return row;
}

const pairingColumns = {
  id: pairings.id,
  programmeId: pairings.programmeId,
  parentId: pairings.parentId,
  name: pairings.name,
  level: pairings.level,
  theme: pairings.theme,
  startedOn: pairings.startedOn,
};

/** A programme's pairings with how much each has published (news, projects), for its page. */
export async function programmePairings(db: DbOrTx, programmeId: string) {
  return db
    .select({
      ...pairingColumns,
      newsCount: sql<number>`(SELECT count(*)::int FROM ${newsItems} WHERE ${newsItems.pairingId} = ${pairings.id} AND ${newsItems.publishedAt} IS NOT NULL)`,
      projectCount: sql<number>`(SELECT count(*)::int FROM ${projects} WHERE ${projects.pairingId} = ${pairings.id} AND ${projects.publishedAt} IS NOT NULL)`,
    })
    .from(pairings)
    .where(and(eq(pairings.programmeId, programmeId), sql`${pairings.status} <> 'inactive'`))
    .orderBy(asc(pairings.name));
}

export async function publicPairing(db: DbOrTx, id: string) {
  const [row] = await db.select(pairingColumns).from(pairings).where(eq(pairings.id, id));
  return row;
}

export async function pairingChildren(db: DbOrTx, id: string) {
  return db.select(pairingColumns).from(pairings).where(eq(pairings.parentId, id)).orderBy(asc(pairings.name));
}

const figureColumns = {
  id: publishedFigures.id,
  pairingId: publishedFigures.pairingId,
  side: publishedFigures.side,
  year: publishedFigures.year,
  label: publishedFigures.label,
  value: publishedFigures.value,
  unit: publishedFigures.unit,
  sourceTitle: publishedFigures.sourceTitle,
  sourceDate: publishedFigures.sourceDate,
  sourceLink: publishedFigures.sourceLink,
  isDemo: publishedFigures.isDemo,
};

/** Figures from the press and official reports: a pairing's, or (null) the programme-wide ones. */
export async function pressFigures(db: DbOrTx, pairingId: string | null) {
  return db
    .select(figureColumns)
    .from(publishedFigures)
    .where(pairingId ? eq(publishedFigures.pairingId, pairingId) : isNull(publishedFigures.pairingId))
    .orderBy(desc(publishedFigures.year), desc(publishedFigures.sourceDate), asc(publishedFigures.id))
    .limit(100);
}

/** Figures computed from the records the offices published: their projects, counted and summed (万元, exact). */
export async function publishedProjectTotals(db: DbOrTx, pairingIds: string[]) {
  const [row] = await db
    .select({
      count: sql<number>`count(*)::int`,
      signedWan: sql<string>`coalesce(sum(${projects.signedWan}), 0)::text`,
      arrivedWan: sql<string>`coalesce(sum(${projects.arrivedWan}), 0)::text`,
      lastPublished: sql<Date | null>`max(${projects.publishedAt})`,
    })
    .from(projects)
    .where(and(inArray(projects.pairingId, pairingIds), isNotNull(projects.publishedAt)));
  return { ...row!, lastPublished: row!.lastPublished ? new Date(row!.lastPublished) : null };
}

const projectColumns = {
  id: projects.id,
  pairingId: projects.pairingId,
  pairingName: pairings.name,
  title: projects.title,
  publicSummary: projects.publicSummary,
  stage: projects.stage,
  landmark: projects.landmark,
  signedOn: projects.signedOn,
  signedWan: projects.signedWan,
  hostRegionName: regions.name,
  isDemo: projects.isDemo,
  publishedAt: projects.publishedAt,
  updatedAt: projects.updatedAt,
};

export async function publishedProjects(db: DbOrTx, pairingIds: string[], limit: number) {
  return db
    .select(projectColumns)
    .from(projects)
    .innerJoin(pairings, eq(pairings.id, projects.pairingId))
    .innerJoin(regions, eq(regions.code, projects.hostRegionCode))
    .where(and(inArray(projects.pairingId, pairingIds), isNotNull(projects.publishedAt)))
    .orderBy(desc(projects.landmark), desc(projects.publishedAt), asc(projects.id))
    .limit(limit);
}

export async function publishedProject(db: DbOrTx, id: string) {
  const [row] = await db
    .select(projectColumns)
    .from(projects)
    .innerJoin(pairings, eq(pairings.id, projects.pairingId))
    .innerJoin(regions, eq(regions.code, projects.hostRegionCode))
    .where(and(eq(projects.id, id), isNotNull(projects.publishedAt)));
  return row;
}

const newsColumns = {
  id: newsItems.id,
  pairingId: newsItems.pairingId,
  pairingName: pairings.name,
  title: newsItems.title,
  newsDate: newsItems.newsDate,
  body: newsItems.body,
  isDemo: newsItems.isDemo,
  publishedAt: newsItems.publishedAt,
  updatedAt: newsItems.updatedAt,
};

/** Published news, newest first: of some pairings, or (null) of every pairing. */
export async function publishedNews(db: DbOrTx, pairingIds: string[] | null, limit: number) {
  return db
    .select(newsColumns)
    .from(newsItems)
    .innerJoin(pairings, eq(pairings.id, newsItems.pairingId))
    .where(and(pairingIds ? inArray(newsItems.pairingId, pairingIds) : undefined, isNotNull(newsItems.publishedAt)))
    .orderBy(desc(newsItems.newsDate), desc(newsItems.publishedAt), asc(newsItems.id))
    .limit(limit);
}

export async function publishedNewsItem(db: DbOrTx, id: string) {
  const [row] = await db
    .select(newsColumns)
    .from(newsItems)
    .innerJoin(pairings, eq(pairings.id, newsItems.pairingId))
    .where(and(eq(newsItems.id, id), isNotNull(newsItems.publishedAt)));
  return row;
}

/** The photos of published news items (their ids and kinds only; never who uploaded them). */
export async function newsPhotos(db: DbOrTx, newsIds: string[]) {
  if (!newsIds.length) return [];
  return db
    .select({ id: attachments.id, newsId: attachments.ownerId, kind: attachments.kind })
    .from(attachments)
    .where(and(eq(attachments.ownerKind, 'news_item'), inArray(attachments.ownerId, newsIds)))
    .orderBy(asc(attachments.uploadedAt), asc(attachments.id));
}

/** One photo of a published news item, with where its bytes are kept. */
export async function publishedNewsPhoto(db: DbOrTx, newsId: string, photoId: string) {
  const [row] = await db
    .select({ storedName: attachments.storedName, kind: attachments.kind })
    .from(attachments)
    .innerJoin(newsItems, eq(newsItems.id, attachments.ownerId))
    .where(
      and(
        eq(attachments.id, photoId),
        eq(attachments.ownerKind, 'news_item'),
        eq(newsItems.id, newsId),
        isNotNull(newsItems.publishedAt),
      ),
    );
  return row;
}

export async function publishedParks(db: DbOrTx, pairingIds: string[]) {
  return db
    .select({
      id: parks.id,
      name: parks.name,
      type: parks.type,
      hostRegionName: regions.name,
      establishedOn: parks.establishedOn,
      publicSummary: parks.publicSummary,
      isDemo: parks.isDemo,
    })
    .from(parks)
    .innerJoin(regions, eq(regions.code, parks.hostRegionCode))
    .where(and(inArray(parks.pairingId, pairingIds), isNotNull(parks.publishedAt)))
    .orderBy(asc(parks.name));
}

/** A pairing's results in published evaluation rounds (the ranking is public once the round is). */
export async function publishedResults(db: DbOrTx, pairingId: string) {
  return db
    .select({
      roundId: evaluationRounds.id,
      roundTitle: evaluationRounds.title,
      year: evaluationRounds.year,
      publishedAt: evaluationRounds.publishedAt,
      side: evaluationSubjects.side,
      score: sql<string | null>`coalesce(${evaluationSubjects.adjustedScore}, ${evaluationSubjects.score})::text`,
      rank: evaluationSubjects.rank,
      grade: evaluationSubjects.grade,
      subjects: sql<number>`(SELECT count(*)::int FROM ${evaluationSubjects} s WHERE s.round_id = ${evaluationRounds.id})`,
    })
    .from(evaluationSubjects)
    .innerJoin(evaluationRounds, eq(evaluationRounds.id, evaluationSubjects.roundId))
    .where(and(eq(evaluationSubjects.pairingId, pairingId), eq(evaluationRounds.state, 'published')))
    .orderBy(desc(evaluationRounds.year), asc(evaluationSubjects.side));
}

/** Every public address, for sitemap.xml: pairings, published projects and news, with when each last changed. */
export async function sitemapEntries(db: DbOrTx) {
  const [progs, pairs, news, projs] = await Promise.all([
    db.select({ id: programmes.id, updatedAt: programmes.updatedAt }).from(programmes),
    db.select({ id: pairings.id, updatedAt: pairings.updatedAt }).from(pairings),
    db
      .select({ id: newsItems.id, updatedAt: newsItems.updatedAt })
      .from(newsItems)
      .where(isNotNull(newsItems.publishedAt))
      .limit(20_000),
    db
      .select({ id: projects.id, updatedAt: projects.updatedAt })
      .from(projects)
      .where(isNotNull(projects.publishedAt))
      .limit(20_000),
  ]);
  return { programmes: progs, pairings: pairs, news, projects: projs };
}
