import { type AnyColumn, and, asc, eq, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { Side } from '../../../common/api/enums.ts';
import type { DbOrTx } from '../../db/database.ts';
import { publishedFigures } from '../../kernel/published-figures/published-figures.tables.ts';
import { evaluationRounds, evaluationSubjects } from '../evaluations/evaluations.tables.ts';
import { pairings } from '../pairings/pairings.tables.ts';
import { programmes } from '../programmes/programmes.tables.ts';
import { projects } from '../projects/projects.tables.ts';
import { regions } from '../regions/regions.tables.ts';

/**
 * Everything open data reads, and nothing else: only what an office published (projects with `published_at`,
 * published figures, evaluation rounds once published). No actor and no scope: these rows are public by being
 * published, and the columns read here are the public ones (never contacts, notes or who recorded what).
 */

/** Which published rows a request asks for; `pairingIds` is a pairing with all its sub-pairs. */
export interface OpenFilter {
  programmeId?: string;
  pairingIds?: string[];
  year?: number;
  side?: Side;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Pairings with an id or an exact name, optionally within one programme. */
export async function pairingsNamed(db: DbOrTx, idOrName: string, programmeId?: string) {
  const isId = UUID.test(idOrName);
  return db
    .select({ id: pairings.id, programmeId: pairings.programmeId })
    .from(pairings)
    .where(
      and(
        isId ? eq(pairings.id, idOrName.toLowerCase()) : eq(pairings.name, idOrName),
        programmeId ? eq(pairings.programmeId, programmeId) : undefined,
      ),
    );
}

/** A pairing and every pairing below it (its cities' and counties' sub-pairs). */
export async function pairingWithSubPairs(db: DbOrTx, id: string): Promise<string[]> {
  const found = await db.execute<{ id: string }>(sql`
    WITH RECURSIVE tree AS (
      SELECT id FROM pairings WHERE id = ${id}
      UNION
      SELECT c.id FROM pairings c JOIN tree t ON c.parent_id = t.id
    )
    SELECT id FROM tree`);
  return found.rows.map((r) => r.id);
}

/** Programmes with an id or an exact name. */
export async function programmesNamed(db: DbOrTx, idOrName: string): Promise<string[]> {
  const rows = await db
    .select({ id: programmes.id })
    .from(programmes)
    .where(UUID.test(idOrName) ? eq(programmes.id, idOrName.toLowerCase()) : eq(programmes.name, idOrName));
  return rows.map((r) => r.id);
}

function pairingIn(column: SQL | AnyColumn, ids: string[] | undefined): SQL | undefined {
  return ids ? sql`${column} = ANY(${sql.param(ids)}::uuid[])` : undefined;
}

const inProgramme = (f: OpenFilter) => (f.programmeId ? eq(pairings.programmeId, f.programmeId) : undefined);

/** Published projects of the filter's programme and pairings (the query joins `pairings`). */
const publishedProjects = (f: OpenFilter) =>
  and(isNotNull(projects.publishedAt), inProgramme(f), pairingIn(projects.pairingId, f.pairingIds));

const signingYear = sql<number | null>`extract(year from ${projects.signedOn})::int`;

/** Published projects summed by programme, pairing, host side, signing year and demo mark. */
export async function projectAggregates(db: DbOrTx, f: OpenFilter) {
  return db
    .select({
      programmeId: programmes.id,
      programmeName: programmes.name,
      pairingId: pairings.id,
      pairingName: pairings.name,
      pairingLevel: pairings.level,
      side: projects.side,
      year: signingYear,
      projects: sql<number>`count(*)::int`,
      signedWan: sql<string>`sum(${projects.signedWan})::text`,
      arrivedWan: sql<string>`sum(${projects.arrivedWan})::text`,
      demo: projects.isDemo,
    })
    .from(projects)
    .innerJoin(pairings, eq(pairings.id, projects.pairingId))
    .innerJoin(programmes, eq(programmes.id, pairings.programmeId))
    .where(
      and(
        publishedProjects(f),
        f.year ? sql`${signingYear} = ${f.year}` : undefined,
        f.side ? eq(projects.side, f.side) : undefined,
      ),
    )
    .groupBy(programmes.id, pairings.id, projects.side, signingYear, projects.isDemo)
    .orderBy(
      asc(programmes.name),
      asc(pairings.name),
      asc(projects.side),
      sql`${signingYear} NULLS LAST`,
      asc(projects.isDemo),
    );
}

/**
 * Published figures with their pairing and programme. A figure without a pairing is its programme's as a whole;
 * the table does not say which programme, so such a figure is left out when a programme is asked for.
 */
export async function openFigures(db: DbOrTx, f: OpenFilter) {
  return db
    .select({
      id: publishedFigures.id,
      programmeId: programmes.id,
      programmeName: programmes.name,
      pairingId: publishedFigures.pairingId,
      pairingName: pairings.name,
      side: publishedFigures.side,
      year: publishedFigures.year,
      topic: publishedFigures.topic,
      label: publishedFigures.label,
      value: sql<string>`${publishedFigures.value}::text`,
      unit: publishedFigures.unit,
      sourceTitle: publishedFigures.sourceTitle,
      sourceDate: publishedFigures.sourceDate,
      sourceLink: publishedFigures.sourceLink,
      demo: publishedFigures.isDemo,
    })
    .from(publishedFigures)
    .leftJoin(pairings, eq(pairings.id, publishedFigures.pairingId))
    .leftJoin(programmes, eq(programmes.id, pairings.programmeId))
    .where(
      and(
        inProgramme(f),
        pairingIn(publishedFigures.pairingId, f.pairingIds),
        f.year ? eq(publishedFigures.year, f.year) : undefined,
        f.side ? eq(publishedFigures.side, f.side) : undefined,
      ),
    )
    .orderBy(
      sql`${programmes.name} NULLS FIRST`,
      sql`${pairings.name} NULLS FIRST`,
      asc(publishedFigures.year),
      asc(publishedFigures.sourceDate),
      asc(publishedFigures.id),
    );
}

/** Subjects of evaluation rounds once published, with the score as published (adjusted where it was adjusted). */
export async function openEvaluationResults(db: DbOrTx, f: OpenFilter) {
  return db
    .select({
      programmeId: programmes.id,
      programmeName: programmes.name,
      pairingId: pairings.id,
      pairingName: pairings.name,
      pairingLevel: pairings.level,
      roundId: evaluationRounds.id,
      roundTitle: evaluationRounds.title,
      year: evaluationRounds.year,
      side: evaluationSubjects.side,
      score: sql<string | null>`coalesce(${evaluationSubjects.adjustedScore}, ${evaluationSubjects.score})::text`,
      rank: evaluationSubjects.rank,
      grade: evaluationSubjects.grade,
    })
    .from(evaluationSubjects)
    .innerJoin(evaluationRounds, eq(evaluationRounds.id, evaluationSubjects.roundId))
    .innerJoin(pairings, eq(pairings.id, evaluationSubjects.pairingId))
    .innerJoin(programmes, eq(programmes.id, pairings.programmeId))
    .where(
      and(
        eq(evaluationRounds.state, 'published'),
        inProgramme(f),
        pairingIn(evaluationSubjects.pairingId, f.pairingIds),
        f.year ? eq(evaluationRounds.year, f.year) : undefined,
        f.side ? eq(evaluationSubjects.side, f.side) : undefined,
      ),
    )
    .orderBy(
      asc(evaluationRounds.year),
      asc(evaluationRounds.title),
      sql`${evaluationSubjects.rank} NULLS LAST`,
      asc(pairings.name),
      asc(evaluationSubjects.side),
    );
}

/** The province a region lies in (itself for a province), walking up from a zone or county. */
const provinceOf = sql<string | null>`(
  WITH RECURSIVE up AS (
    SELECT r.code, r.parent_code, r.level FROM regions r WHERE r.code = ${projects.hostRegionCode}
    UNION ALL
    SELECT r.code, r.parent_code, r.level FROM regions r JOIN up ON r.code = up.parent_code
  )
  SELECT code FROM up WHERE level = 'province' LIMIT 1)`;

/** The period end of the latest report of 到位资金: the date the cumulative figure stood at. */
const arrivedAsOf = sql<string | null>`(
  SELECT (make_date(f.period_year, coalesce(f.period_month, 12), 1) + interval '1 month' - interval '1 day')::date::text
    FROM project_figure_reports f
   WHERE f.project_id = ${projects.id} AND f.figure = 'arrived'
   ORDER BY f.period_year DESC, coalesce(f.period_month, 12) DESC, f.recorded_at DESC
   LIMIT 1)`;

/** Published projects as an IATI file describes them: public columns only, amounts in yuan. */
export async function iatiProjects(db: DbOrTx, f: OpenFilter) {
  return db
    .select({
      id: projects.id,
      projectCode: projects.projectCode,
      title: projects.title,
      publicSummary: projects.publicSummary,
      investor: projects.investor,
      pairingName: pairings.name,
      programmeName: programmes.name,
      programmeOwner: programmes.ownerOffice,
      hostRegionCode: projects.hostRegionCode,
      hostRegionName: regions.name,
      provinceCode: provinceOf,
      industrySection: projects.industrySection,
      industryDivision: projects.industryDivision,
      stage: projects.stage,
      signedOn: projects.signedOn,
      startedOn: projects.startedOn,
      producingOn: projects.producingOn,
      signedYuan: sql<string>`(${projects.signedWan} * 10000)::text`,
      arrivedYuan: sql<string>`(${projects.arrivedWan} * 10000)::text`,
      arrivedAsOf,
      publishedOn: sql<string>`(${projects.publishedAt} AT TIME ZONE 'Asia/Shanghai')::date::text`,
      updatedAt: projects.updatedAt,
      isDemo: projects.isDemo,
    })
    .from(projects)
    .innerJoin(pairings, eq(pairings.id, projects.pairingId))
    .innerJoin(programmes, eq(programmes.id, pairings.programmeId))
    .innerJoin(regions, eq(regions.code, projects.hostRegionCode))
    .where(publishedProjects(f))
    .orderBy(asc(programmes.name), asc(pairings.name), asc(projects.createdAt), asc(projects.id));
}
export type IatiProjectRow = Awaited<ReturnType<typeof iatiProjects>>[number];
