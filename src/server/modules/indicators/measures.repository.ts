import { type SQL, sql } from 'drizzle-orm';
import { TAX_FIGURES } from '../../../common/api/enums.ts';
import type { MeasureCode, TermFilters } from '../../../common/api/indicators.ts';
import type { DbOrTx } from '../../db/database.ts';

/** Years asked for, inclusive. */
export interface YearRange {
  from: number;
  to: number;
}

/**
 * A family of measures read from the same records with the same year and side (tasks: due, done, red): one pass
 * over those records gives every measure of the family asked for, each an aggregate named after it. The query
 * answers (pairing_id, side, year, <measure>…), side null where the records have none.
 */
interface Family {
  aggregates: Partial<Record<MeasureCode, (today: string) => SQL>>;
  query: (r: YearRange, f: TermFilters, aggregates: SQL) => SQL;
}

const textArray = (values: readonly string[]) => sql`${sql.param([...values])}::text[]`;
const firstDay = (year: SQL | number) => sql`make_date(${year}::int, 1, 1)`;
/** A date column inside the years asked for (a range on the column, so its index serves). */
const inYears = (column: SQL, r: YearRange) =>
  sql`${column} >= ${firstDay(r.from)} AND ${column} < ${firstDay(r.to + 1)}`;
const yearOf = (column: SQL) => sql`extract(year FROM ${column})::int`;
const count = () => sql`count(*)::numeric`;
const countWhere = (condition: SQL) => () => sql`(count(*) FILTER (WHERE ${condition}))::numeric`;

/** The filters projects understand: GB/T 4754 section and current stage. */
function projectFilters(f: TermFilters): SQL {
  const parts = [sql`true`];
  if (f.industries?.length) parts.push(sql`p.industry_section = ANY(${textArray(f.industries)})`);
  if (f.stages?.length) parts.push(sql`p.stage = ANY(${textArray(f.stages)})`);
  return sql.join(parts, sql` AND `);
}

/** Projects in the year of one of their dates. */
const projectFamily = (dateColumn: string, aggregates: Family['aggregates']): Family => ({
  aggregates,
  query: (r, f, aggs) => {
    const d = sql.raw(`p.${dateColumn}`);
    return sql`SELECT p.pairing_id, p.side, ${yearOf(d)} AS year, ${aggs}
      FROM projects p WHERE ${inYears(d, r)} AND ${projectFilters(f)} GROUP BY 1, 2, 3`;
  },
});

/** Adoptions of a pairing's practices (复制推广) first reaching one of the stages in the year, on the adopting side. */
const adoptionFamily = (measure: MeasureCode, stages: readonly string[]): Family => ({
  aggregates: { [measure]: count },
  query: (r, _f, aggs) => sql`SELECT pr.pairing_id, a.side, ${yearOf(sql`f.first_on`)} AS year, ${aggs}
    FROM (SELECT adoption_id, min(reached_on) AS first_on FROM replication_stages
          WHERE withdrawn_at IS NULL AND stage = ANY(${textArray(stages)}) GROUP BY adoption_id) f
    JOIN replication_adoptions a ON a.id = f.adoption_id
    JOIN replication_practices pr ON pr.id = a.practice_id
    WHERE ${inYears(sql`f.first_on`, r)} GROUP BY 1, 2, 3`,
});

/**
 * Every measure, by family; what each counts is said in the built-in indicators' definitions. Each family is one
 * set-based pass for all pairings and all the years asked, never one query per pairing.
 */
const FAMILIES: Record<string, Family> = {
  // Tasks of pairings' plans due in the year, on the side of their first lead unit; annual-plan items that trace an
  // implementation task are the same work and are not counted twice.
  tasks: {
    aggregates: {
      tasks_due: count,
      tasks_done: countWhere(sql`t.status = 'done'`),
      tasks_red: (today) =>
        countWhere(
          sql`t.status NOT IN ('done', 'suspended') AND (t.status = 'delayed' OR t.deadline < ${today}::date)`,
        )(),
    },
    query: (r, _f, aggs) => sql`SELECT t.pairing_id, lead.side, ${yearOf(sql`t.deadline`)} AS year, ${aggs}
      FROM tasks t
      LEFT JOIN (SELECT DISTINCT ON (task_id) task_id, side FROM task_units WHERE role = 'lead' ORDER BY task_id, ordinal) lead
        ON lead.task_id = t.id
      WHERE t.pairing_id IS NOT NULL AND t.traced_task_id IS NULL AND ${inYears(sql`t.deadline`, r)}
      GROUP BY 1, 2, 3`,
  },
  reports: {
    aggregates: {
      reports_due: count,
      reports_on_time: countWhere(
        sql`s.submitted_at IS NOT NULL AND (s.submitted_at AT TIME ZONE 'Asia/Shanghai')::date <= c.due_on`,
      ),
    },
    query: (r, _f, aggs) => sql`SELECT c.pairing_id, s.side, ${yearOf(sql`c.due_on`)} AS year, ${aggs}
      FROM report_slots s JOIN reporting_cycles c ON c.id = s.cycle_id
      WHERE ${inYears(sql`c.due_on`, r)} GROUP BY 1, 2, 3`,
  },
  projectsSigned: projectFamily('signed_on', {
    projects_signed: count,
    projects_signed_started: countWhere(sql`p.started_on < make_date(extract(year FROM p.signed_on)::int + 1, 1, 1)`),
    signed_wan: () => sql`sum(p.signed_wan)`,
    arrived_wan: () => sql`sum(p.arrived_wan)`,
  }),
  projectsStarted: projectFamily('started_on', { projects_started: count }),
  projectsProducing: projectFamily('producing_on', { projects_producing: count }),
  // Cadres in post during the year (their posting overlaps it; planned postings not counted).
  cadres: {
    aggregates: {
      cadres_ne_to_east: countWhere(sql`s.direction = 'ne_to_east'`),
      cadres_east_to_ne: countWhere(sql`s.direction = 'east_to_ne'`),
    },
    query: (r, _f, aggs) => sql`SELECT s.pairing_id, NULL::text AS side, y.year, ${aggs}
      FROM secondments s
      JOIN generate_series(${r.from}::int, ${r.to}::int) AS y(year)
        ON s.starts_on < ${firstDay(sql`y.year + 1`)} AND s.ends_on >= ${firstDay(sql`y.year`)}
      WHERE s.status <> 'planned' GROUP BY 1, 2, 3`,
  },
  trainees: {
    aggregates: { trainees: () => sql`sum(CASE s.side WHEN 'a' THEN tr.side_a ELSE tr.side_b END)::numeric` },
    query: (r, _f, aggs) => sql`SELECT tr.pairing_id, s.side, ${yearOf(sql`tr.starts_on`)} AS year, ${aggs}
      FROM trainings tr CROSS JOIN (VALUES ('a'), ('b')) AS s(side)
      WHERE ${inYears(sql`tr.starts_on`, r)} GROUP BY 1, 2, 3`,
  },
  trainings: {
    aggregates: { trainings: count },
    query: (r, _f, aggs) => sql`SELECT tr.pairing_id, NULL::text AS side, ${yearOf(sql`tr.starts_on`)} AS year, ${aggs}
      FROM trainings tr WHERE ${inYears(sql`tr.starts_on`, r)} GROUP BY 1, 2, 3`,
  },
  meetings: {
    aggregates: { meetings_held: count },
    query: (r, _f, aggs) => sql`SELECT m.pairing_id, m.host_side AS side, ${yearOf(sql`m.held_on`)} AS year, ${aggs}
      FROM meetings m WHERE ${inYears(sql`m.held_on`, r)} GROUP BY 1, 2, 3`,
  },
  decisions: {
    aggregates: {
      decisions_due: count,
      decisions_closed_on_time: countWhere(
        sql`i.state = 'closed' AND (i.closed_at AT TIME ZONE 'Asia/Shanghai')::date <= i.deadline`,
      ),
    },
    query: (r, _f, aggs) => sql`SELECT i.pairing_id, NULL::text AS side, ${yearOf(sql`i.deadline`)} AS year, ${aggs}
      FROM tracked_items i WHERE i.source = 'meeting_decision' AND ${inYears(sql`i.deadline`, r)} GROUP BY 1, 2, 3`,
  },
  // Co-built parks standing at the end of the year (main parks; 一区多园 sub-parks are part of theirs).
  parks: {
    aggregates: { parks: count },
    query: (r, _f, aggs) => sql`SELECT pk.pairing_id, NULL::text AS side, y.year, ${aggs}
      FROM parks pk JOIN generate_series(${r.from}::int, ${r.to}::int) AS y(year)
        ON coalesce(pk.established_on, '0001-01-01'::date) < ${firstDay(sql`y.year + 1`)}
      WHERE pk.main_park_id IS NULL GROUP BY 1, 2, 3`,
  },
  // Taxes recorded in the parks' ledgers for the year (current entries only: a correction replaces its row), in 万元.
  sharedTax: {
    aggregates: { shared_tax_wan: () => sql`sum(e.amount_yuan) / 10000` },
    query: (r, _f, aggs) => sql`SELECT pk.pairing_id, NULL::text AS side, e.period_year AS year, ${aggs}
      FROM park_ledger_entries e JOIN parks pk ON pk.id = e.park_id
      WHERE e.figure = ANY(${textArray(TAX_FIGURES)}) AND e.period_year BETWEEN ${r.from}::int AND ${r.to}::int
        AND NOT EXISTS (SELECT 1 FROM park_ledger_entries c WHERE c.supersedes_id = e.id)
      GROUP BY 1, 2, 3`,
  },
  // 试点 or beyond: the practice is replicated; 制度化: institutionalised.
  replicated: adoptionFamily('practices_replicated', ['pilot', 'rollout', 'institutionalised']),
  institutionalised: adoptionFamily('practices_institutionalised', ['institutionalised']),
  // 供需对接 (listings carry no side): a listing is matched in the year its owner first accepted an interest (the
  // contact revealed); a deal is an interest signed in the year.
  // A listing counts in the year it was entered (China's calendar), pending ones too, as the listings' own counts do.
  // The bench's synthetic listings count in none of the three.
  listingsPublished: {
    aggregates: { listings_published: count },
    query: (r, _f, aggs) => sql`SELECT l.pairing_id, NULL::text AS side, ${yearOf(sql`l.entered_on`)} AS year, ${aggs}
      FROM (SELECT pairing_id, (created_at AT TIME ZONE 'Asia/Shanghai')::date AS entered_on
              FROM listings WHERE NOT is_synthetic) l
      WHERE ${inYears(sql`l.entered_on`, r)} GROUP BY 1, 2, 3`,
  },
  listingsMatched: {
    aggregates: { listings_matched: count },
    query: (r, _f, aggs) => sql`SELECT l.pairing_id, NULL::text AS side, ${yearOf(sql`f.first_on`)} AS year, ${aggs}
      FROM (SELECT listing_id, min((revealed_at AT TIME ZONE 'Asia/Shanghai')::date) AS first_on
            FROM listing_interests WHERE revealed_at IS NOT NULL GROUP BY listing_id) f
      JOIN listings l ON l.id = f.listing_id
      WHERE NOT l.is_synthetic AND ${inYears(sql`f.first_on`, r)} GROUP BY 1, 2, 3`,
  },
  listingDeals: {
    aggregates: { listing_deals: count },
    query: (r, _f, aggs) => sql`SELECT l.pairing_id, NULL::text AS side, ${yearOf(sql`i.signed_on`)} AS year, ${aggs}
      FROM listing_interests i JOIN listings l ON l.id = i.listing_id
      WHERE i.state = 'signed' AND NOT l.is_synthetic AND ${inYears(sql`i.signed_on`, r)} GROUP BY 1, 2, 3`,
  },
};

const familyOf = new Map<MeasureCode, string>(
  Object.entries(FAMILIES).flatMap(([name, f]) =>
    Object.keys(f.aggregates).map((m) => [m as MeasureCode, name] as const),
  ),
);

/** A term's sum for one pairing (null: the whole programme), year, and side (null: both sides). */
export interface TermRow {
  term: string;
  pairingId: string | null;
  side: 'a' | 'b' | null;
  year: number;
  value: string;
}

export interface MeasureScope {
  /** Only these pairings' rolled-up rows (undefined: every pairing). */
  pairingIds?: readonly string[];
  /** Also the programme's rows (every record once). */
  programme: boolean;
  /** Only the records of this programme's pairings (the programme's rows are then that programme's). */
  programmeId?: string;
}

/**
 * The terms' sums over the years, in one statement: terms of one family with the same filters share one pass over
 * their records; each pairing's row adds its own records and those of every pairing below it (sub-pair → pair),
 * the programme's row adds every record once, and grouping sets give each side and both. Sums only: a ratio is
 * formed afterwards from these sums, never by averaging ratios. `terms` maps each term's key to its term.
 */
export async function termSums(
  db: DbOrTx,
  terms: ReadonlyMap<string, { measure: MeasureCode; filters: TermFilters }>,
  years: YearRange,
  scope: MeasureScope,
  today: string,
): Promise<TermRow[]> {
  if (!terms.size) return [];
  const groups = new Map<string, { family: Family; filters: TermFilters; terms: [string, MeasureCode][] }>();
  for (const [key, t] of terms) {
    const name = familyOf.get(t.measure)!;
    const groupKey = JSON.stringify([name, t.filters]);
    const g = groups.get(groupKey) ?? { family: FAMILIES[name]!, filters: t.filters, terms: [] };
    g.terms.push([key, t.measure]);
    groups.set(groupKey, g);
  }
  const parts = [...groups.values()].map((g) => {
    const measures = [...new Set(g.terms.map(([, m]) => m))];
    const aggs = sql.join(
      measures.map((m) => sql`${g.family.aggregates[m]!(today)} AS ${sql.identifier(m)}`),
      sql`, `,
    );
    const kept = [sql`true`];
    if (g.filters.side) kept.push(sql`raw.side = ${g.filters.side}`);
    if (g.filters.levels?.length) kept.push(sql`pr.level = ANY(${textArray(g.filters.levels)})`);
    if (scope.programmeId) kept.push(sql`pr.programme_id = ${scope.programmeId}`);
    const values = sql.join(
      g.terms.map(([key, m]) => sql`(${key}::text, raw.${sql.identifier(m)})`),
      sql`, `,
    );
    return sql`SELECT raw.pairing_id, raw.side, raw.year, m.term, m.value
      FROM (${g.family.query(years, g.filters, aggs)}) AS raw
      JOIN pairings pr ON pr.id = raw.pairing_id
      CROSS JOIN LATERAL (VALUES ${values}) AS m(term, value)
      WHERE ${sql.join(kept, sql` AND `)}`;
  });
  const only = scope.pairingIds ? sql`anc.ancestor = ANY(${sql.param([...scope.pairingIds])}::uuid[])` : sql`true`;
  const programme = scope.programme
    ? sql`UNION ALL
    SELECT term, NULL::uuid, side, year, sum(value)::text, grouping(side)::int FROM kept
    GROUP BY GROUPING SETS ((term, year, side), (term, year))`
    : sql``;
  // One statement of many small expressions: PostgreSQL's JIT compiled it for ~10 s on the 10× data while it runs
  // in ~1.5 s (bench stage 8), so it is planned without JIT (SET LOCAL: the setting ends with the transaction).
  const result = await db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL jit = off`);
    return tx.execute<{
      term: string;
      pairing_id: string | null;
      side: string | null;
      year: number;
      value: string;
      all_sides: number;
    }>(sql`
    WITH RECURSIVE anc(pairing_id, ancestor) AS (
      SELECT id, id FROM pairings
      UNION ALL
      SELECT anc.pairing_id, p.parent_id FROM anc JOIN pairings p ON p.id = anc.ancestor WHERE p.parent_id IS NOT NULL
    ),
    kept AS (${sql.join(parts, sql` UNION ALL `)})
    SELECT kept.term, anc.ancestor AS pairing_id, kept.side, kept.year, sum(kept.value)::text AS value,
      grouping(kept.side)::int AS all_sides
    FROM kept JOIN anc ON anc.pairing_id = kept.pairing_id
    WHERE ${only}
    GROUP BY GROUPING SETS ((kept.term, anc.ancestor, kept.year, kept.side), (kept.term, anc.ancestor, kept.year))
    ${programme}`);
  });
  const rows: TermRow[] = [];
  for (const r of result.rows) {
    const side = Number(r.all_sides) === 1 ? null : r.side;
    // A side-less measure's per-side group has a null side: it is the same as the total, not a side's figure.
    if (Number(r.all_sides) === 0 && side !== 'a' && side !== 'b') continue;
    rows.push({
      term: r.term,
      pairingId: r.pairing_id,
      side: side as 'a' | 'b' | null,
      year: Number(r.year),
      value: r.value,
    });
  }
  return rows;
}
