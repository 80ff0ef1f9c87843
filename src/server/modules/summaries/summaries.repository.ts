import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { TAX_FIGURES } from '../../../common/api/enums.ts';
import type { Recipient, SummaryKind, SummarySection } from '../../../common/api/summaries.ts';
import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../http/context.ts';
import { pairingCondition, rowsInPairingScope } from '../../kernel/pairing-scope.repository.ts';
import { pairings } from '../pairings/pairings.tables.ts';
import { summaryDocuments, summaryReceipts, summaryVersions } from './summaries.tables.ts';

const scope = (actor: Actor): SQL | undefined => rowsInPairingScope(actor, summaryDocuments.pairingId);

const itemColumns = {
  id: summaryDocuments.id,
  pairingId: summaryDocuments.pairingId,
  pairingName: pairings.name,
  year: summaryDocuments.year,
  kind: summaryDocuments.kind,
  title: summaryDocuments.title,
  state: summaryDocuments.state,
  versionNo: summaryDocuments.versionNo,
  updatedAt: summaryDocuments.updatedAt,
};

export async function listDocuments(
  db: DbOrTx,
  actor: Actor,
  f: { pairingId?: string; year?: number; kind?: SummaryKind; state?: string },
) {
  return db
    .select(itemColumns)
    .from(summaryDocuments)
    .innerJoin(pairings, eq(pairings.id, summaryDocuments.pairingId))
    .where(
      and(
        scope(actor),
        f.pairingId ? eq(summaryDocuments.pairingId, f.pairingId) : undefined,
        f.year ? eq(summaryDocuments.year, f.year) : undefined,
        f.kind ? eq(summaryDocuments.kind, f.kind) : undefined,
        f.state ? sql`${summaryDocuments.state} = ${f.state}` : undefined,
      ),
    )
    .orderBy(desc(summaryDocuments.year), asc(pairings.name), asc(summaryDocuments.kind))
    .limit(500);
}

/** One document in the actor's scope, with its pairing's name (locked for a change). */
export async function findDocument(db: DbOrTx, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db
    .select({ ...itemColumns, doc: summaryDocuments })
    .from(summaryDocuments)
    .innerJoin(pairings, eq(pairings.id, summaryDocuments.pairingId))
    .where(and(eq(summaryDocuments.id, id), scope(actor)));
  const [row] = await (opts.forUpdate ? q.for('update', { of: summaryDocuments }) : q);
  return row ?? null;
}
export type DocumentRow = NonNullable<Awaited<ReturnType<typeof findDocument>>>['doc'];

export async function documentExists(db: DbOrTx, pairingId: string, year: number, kind: SummaryKind) {
  const [row] = await db
    .select({ id: summaryDocuments.id })
    .from(summaryDocuments)
    .where(
      and(eq(summaryDocuments.pairingId, pairingId), eq(summaryDocuments.year, year), eq(summaryDocuments.kind, kind)),
    );
  return !!row;
}

export async function insertDocument(db: DbOrTx, values: typeof summaryDocuments.$inferInsert) {
  const [row] = await db.insert(summaryDocuments).values(values).returning({ id: summaryDocuments.id });
  return row!.id;
}

export async function updateDocumentRow(
  db: DbOrTx,
  id: string,
  version: number,
  patch: Partial<typeof summaryDocuments.$inferInsert>,
): Promise<boolean> {
  const rows = await db
    .update(summaryDocuments)
    .set({ ...patch, version: version + 1, updatedAt: new Date() })
    .where(and(eq(summaryDocuments.id, id), eq(summaryDocuments.version, version)))
    .returning({ id: summaryDocuments.id });
  return rows.length === 1;
}

export async function insertVersion(
  db: DbOrTx,
  v: {
    documentId: string;
    versionNo: number;
    title: string;
    addressee: string;
    issuer: string;
    sections: SummarySection[];
    figures: Record<string, string>;
    submittedBy: string;
  },
) {
  await db.insert(summaryVersions).values(v);
}

export async function findVersion(db: DbOrTx, documentId: string, versionNo: number) {
  const [row] = await db
    .select()
    .from(summaryVersions)
    .where(and(eq(summaryVersions.documentId, documentId), eq(summaryVersions.versionNo, versionNo)));
  return row ?? null;
}

export async function versionsOf(db: DbOrTx, documentId: string) {
  return db
    .select({ versionNo: summaryVersions.versionNo, submittedAt: summaryVersions.submittedAt })
    .from(summaryVersions)
    .where(eq(summaryVersions.documentId, documentId))
    .orderBy(asc(summaryVersions.versionNo));
}

export async function insertReceipts(db: DbOrTx, documentId: string, versionNo: number, recipients: Recipient[]) {
  await db.insert(summaryReceipts).values(recipients.map((recipient) => ({ documentId, versionNo, recipient })));
}

export async function receiptsOf(db: DbOrTx, documentId: string) {
  return db
    .select()
    .from(summaryReceipts)
    .where(eq(summaryReceipts.documentId, documentId))
    .orderBy(desc(summaryReceipts.versionNo), asc(summaryReceipts.recipient));
}

export async function findReceipt(db: DbOrTx, documentId: string, receiptId: string) {
  const [row] = await db
    .select()
    .from(summaryReceipts)
    .where(and(eq(summaryReceipts.id, receiptId), eq(summaryReceipts.documentId, documentId)))
    .for('update');
  return row ?? null;
}

export async function updateReceipt(db: DbOrTx, id: string, patch: Partial<typeof summaryReceipts.$inferInsert>) {
  await db.update(summaryReceipts).set(patch).where(eq(summaryReceipts.id, id));
}

// ---- what the draft and the annex tables list: the pairing's records of the year, its sub-pairs' included ----

const firstDay = (year: number) => sql`make_date(${year}::int, 1, 1)`;
const inYear = (column: SQL, year: number) => sql`${column} >= ${firstDay(year)} AND ${column} < ${firstDay(year + 1)}`;

async function rows<T extends Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<T[]> {
  return (await db.execute<T>(query)).rows as T[];
}

export interface YearRecords {
  tasks: { code: string; title: string; deadline: string; status: string; late: boolean; pairing: string }[];
  projects: {
    title: string;
    investor: string;
    side: string;
    stage: string;
    landmark: boolean;
    signedOn: string;
    signedWan: string | null;
    arrivedWan: string | null;
    pairing: string;
  }[];
  parks: { name: string; establishedOn: string | null; taxWan: string | null; pairing: string }[];
  cadres: {
    direction: string;
    homeUnit: string;
    homePost: string;
    hostUnit: string;
    hostPost: string;
    startsOn: string;
    endsOn: string;
  }[];
  trainings: { title: string; organiser: string; startsOn: string; endsOn: string; sideA: number; sideB: number }[];
  meetings: { title: string; heldOn: string }[];
  practices: { title: string }[];
}

/**
 * The records a year's summary lists, counted as the indicator measures count them (indicators/measures.repository):
 * tasks due in the year (annual-plan items tracing a task not twice), projects signed in it, parks standing at its
 * end with the year's shared tax, cadres in post during it, trainings and meetings held in it, practices first
 * replicated in it. Each list is one query, whole (the annex lists every record, and the text's 等N项 counts them
 * all: a pairing's year is a few thousand records at most, 4,970 projects in the 10× bench); `today` decides which
 * open tasks are late.
 */
export async function yearRecords(db: DbOrTx, pairingId: string, year: number, today: string): Promise<YearRecords> {
  // The caller checked the pairing is in the actor's scope; a scope holds every sub-pair of its pairings.
  const of = (column: string) => pairingCondition(sql.raw(column), pairingId, true)!;
  const [tasks, projects, parks, cadres, trainings, meetings, practices] = await Promise.all([
    rows<YearRecords['tasks'][number]>(
      db,
      sql`SELECT t.code, t.title, t.deadline::text AS deadline, t.status, pr.name AS pairing,
          (t.status NOT IN ('done', 'suspended') AND (t.status = 'delayed' OR t.deadline < ${today}::date)) AS late
        FROM tasks t JOIN pairings pr ON pr.id = t.pairing_id
        WHERE ${of('t.pairing_id')} AND t.traced_task_id IS NULL AND ${inYear(sql`t.deadline`, year)}
        ORDER BY t.deadline, t.code`,
    ),
    rows<YearRecords['projects'][number]>(
      db,
      sql`SELECT p.title, p.investor, p.side, p.stage, p.landmark, p.signed_on::text AS "signedOn",
          p.signed_wan::text AS "signedWan", p.arrived_wan::text AS "arrivedWan", pr.name AS pairing
        FROM projects p JOIN pairings pr ON pr.id = p.pairing_id
        WHERE ${of('p.pairing_id')} AND ${inYear(sql`p.signed_on`, year)}
        ORDER BY p.landmark DESC, p.signed_wan DESC NULLS LAST, p.title`,
    ),
    rows<YearRecords['parks'][number]>(
      db,
      sql`SELECT pk.name, pk.established_on::text AS "establishedOn", pr.name AS pairing,
          (SELECT (sum(e.amount_yuan) / 10000)::numeric(18,2)::text FROM park_ledger_entries e
            WHERE e.park_id = pk.id AND e.period_year = ${year} AND e.figure = ANY(${sql.param([...TAX_FIGURES])}::text[])
              AND NOT EXISTS (SELECT 1 FROM park_ledger_entries c WHERE c.supersedes_id = e.id)) AS "taxWan"
        FROM parks pk JOIN pairings pr ON pr.id = pk.pairing_id
        WHERE ${of('pk.pairing_id')} AND pk.main_park_id IS NULL
          AND coalesce(pk.established_on, '0001-01-01'::date) < ${firstDay(year + 1)}
        ORDER BY pk.name`,
    ),
    rows<YearRecords['cadres'][number]>(
      db,
      sql`SELECT s.direction, s.home_unit AS "homeUnit", s.home_post AS "homePost", s.host_unit AS "hostUnit",
          s.host_post AS "hostPost", s.starts_on::text AS "startsOn", s.ends_on::text AS "endsOn"
        FROM secondments s
        WHERE ${of('s.pairing_id')} AND s.status <> 'planned'
          AND s.starts_on < ${firstDay(year + 1)} AND s.ends_on >= ${firstDay(year)}
        ORDER BY s.direction, s.starts_on`,
    ),
    rows<YearRecords['trainings'][number]>(
      db,
      sql`SELECT tr.title, tr.organiser, tr.starts_on::text AS "startsOn", tr.ends_on::text AS "endsOn",
          tr.side_a AS "sideA", tr.side_b AS "sideB"
        FROM trainings tr WHERE ${of('tr.pairing_id')} AND ${inYear(sql`tr.starts_on`, year)}
        ORDER BY tr.starts_on`,
    ),
    rows<YearRecords['meetings'][number]>(
      db,
      sql`SELECT m.title, m.held_on::text AS "heldOn" FROM meetings m
        WHERE ${of('m.pairing_id')} AND ${inYear(sql`m.held_on`, year)} ORDER BY m.held_on`,
    ),
    rows<YearRecords['practices'][number]>(
      db,
      sql`SELECT DISTINCT pr.title FROM replication_practices pr
        JOIN replication_adoptions a ON a.practice_id = pr.id
        JOIN replication_stages st ON st.adoption_id = a.id
        WHERE ${of('pr.pairing_id')} AND st.withdrawn_at IS NULL AND st.stage IN ('pilot', 'rollout', 'institutionalised')
          AND ${inYear(sql`st.reached_on`, year)}
        ORDER BY pr.title`,
    ),
  ]);
  return { tasks, projects, parks, cadres, trainings, meetings, practices };
}

/** The items of the pairing's current annual plan for the year, in order, with their lead units. */
export async function annualPlanItems(db: DbOrTx, pairingId: string, year: number) {
  return rows<{ code: string; title: string; text: string | null; deadline: string | null; units: string | null }>(
    db,
    sql`SELECT t.code, t.title, t.text, t.deadline::text AS deadline,
        (SELECT string_agg(u.name, '、' ORDER BY u.ordinal) FROM task_units u WHERE u.task_id = t.id AND u.role = 'lead') AS units
      FROM plans p JOIN tasks t ON t.plan_id = p.id
      WHERE p.pairing_id = ${pairingId} AND p.kind = 'annual' AND p.year = ${year} AND p.current
      ORDER BY t.ordinal`,
  );
}
