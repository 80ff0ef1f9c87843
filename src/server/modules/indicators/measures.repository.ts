import { type SQL, sql } from 'drizzle-orm';
import { TAX_FIGURES } from '../../../common/api/enums.ts';
import type { MeasureCode, TermFilters } from '../../../common/api/indicators.ts';
import type { DbOrTx } from '../../db/database.ts';

/** Years asked for, inclusive. */
export interface YearRange {
  from: number;
  to: number;
}

/** A measure's records of the years as rows (pairing_id, side, year, value); side is null where records have none. */
type MeasureSql = (r: YearRange, f: TermFilters, today: string) => SQL;

const textArray = (values: readonly string[]) => sql`${sql.param([...values])}::text[]`;
const firstDay = (year: SQL | number) => sql`make_date(${year}::int, 1, 1)`;
/** A date column inside the years asked for (a range on the column, so its index serves). */
const inYears = (column: SQL, r: YearRange) =>
  sql`${column} >= ${firstDay(r.from)} AND ${column} < ${firstDay(r.to + 1)}`;
const yearOf = (column: SQL) => sql`extract(year FROM ${column})::int`;

/** The filters projects understand: GB/T 4754 section and current stage. */
function projectFilters(f: TermFilters): SQL {
  const parts = [sql`true`];
  if (f.industries?.length) parts.push(sql`p.industry_section = ANY(${textArray(f.industries)})`);
  if (f.stages?.length) parts.push(sql`p.stage = ANY(${textArray(f.stages)})`);
  return sql.join(parts, sql` AND `);
}

/**
 * Tasks of pairings' plans due in the year, on the side of their first lead unit. Annual-plan items that trace an
 * implementation task are the same work and are not counted twice.
 */
const tasksDue = (extra: SQL) => (r: YearRange) =>
  sql`
  SELECT t.pairing_id, lead.side, ${yearOf(sql`t.deadline`)} AS year, count(*)::numeric AS value
  FROM tasks t
  LEFT JOIN (SELECT DISTINCT ON (task_id) task_id, side FROM task_units WHERE role = 'lead' ORDER BY task_id, ordinal) lead
    ON lead.task_id = t.id
  WHERE t.pairing_id IS NOT NULL AND t.traced_task_id IS NULL AND ${inYears(sql`t.deadline`, r)} AND ${extra}
  GROUP BY 1, 2, 3`;

const reports = (extra: SQL) => (r: YearRange) =>
  sql`
  SELECT c.pairing_id, s.side, ${yearOf(sql`c.due_on`)} AS year, count(*)::numeric AS value
  FROM report_slots s JOIN reporting_cycles c ON c.id = s.cycle_id
  WHERE ${inYears(sql`c.due_on`, r)} AND ${extra}
  GROUP BY 1, 2, 3`;

/** Projects counted (or their amounts summed) in the year of one of their dates. */
const projects =
  (dateColumn: string, value: SQL, extra: SQL = sql`true`): MeasureSql =>
  (r, f) => {
    const d = sql.raw(`p.${dateColumn}`);
    return sql`
  SELECT p.pairing_id, p.side, ${yearOf(d)} AS year, ${value} AS value
  FROM projects p
  WHERE ${inYears(d, r)} AND ${extra} AND ${projectFilters(f)}
  GROUP BY 1, 2, 3`;
  };

const cadres = (direction: 'ne_to_east' | 'east_to_ne') => (r: YearRange) =>
  sql`
  SELECT s.pairing_id, NULL::text AS side, y.year, count(*)::numeric AS value
  FROM secondments s
  JOIN generate_series(${r.from}::int, ${r.to}::int) AS y(year)
    ON s.starts_on < ${firstDay(sql`y.year + 1`)} AND s.ends_on >= ${firstDay(sql`y.year`)}
  WHERE s.direction = ${direction} AND s.status <> 'planned'
  GROUP BY 1, 2, 3`;

const decisions = (extra: SQL) => (r: YearRange) =>
  sql`
  SELECT i.pairing_id, NULL::text AS side, ${yearOf(sql`i.deadline`)} AS year, count(*)::numeric AS value
  FROM tracked_items i
  WHERE i.source = 'meeting_decision' AND ${inYears(sql`i.deadline`, r)} AND ${extra}
  GROUP BY 1, 2, 3`;

/**
 * Adoptions of a pairing's practices (复制推广) that first reached one of the stages in the year (withdrawn stages
 * not counted), on the adopting side.
 */
const adoptionsReaching = (stages: readonly string[]) => (r: YearRange) =>
  sql`
  SELECT pr.pairing_id, a.side, ${yearOf(sql`f.first_on`)} AS year, count(*)::numeric AS value
  FROM (SELECT adoption_id, min(reached_on) AS first_on FROM replication_stages
        WHERE withdrawn_at IS NULL AND stage = ANY(${textArray(stages)}) GROUP BY adoption_id) f
  JOIN replication_adoptions a ON a.id = f.adoption_id
  JOIN replication_practices pr ON pr.id = a.practice_id
  WHERE ${inYears(sql`f.first_on`, r)}
  GROUP BY 1, 2, 3`;

/**
 * Every measure as one set-based query for all pairings and all the years asked (never one query per pairing).
 * What each counts is said in its definition text (i18n `indicators.measures`).
 */
const MEASURE_SQL: Record<MeasureCode, MeasureSql> = {
  tasks_due: tasksDue(sql`true`),
  tasks_done: tasksDue(sql`t.status = 'done'`),
  tasks_red: (r, _f, today) =>
    tasksDue(sql`t.status NOT IN ('done', 'suspended') AND (t.status = 'delayed' OR t.deadline < ${today}::date)`)(r),
  reports_due: reports(sql`true`),
  reports_on_time: reports(
    sql`s.submitted_at IS NOT NULL AND (s.submitted_at AT TIME ZONE 'Asia/Shanghai')::date <= c.due_on`,
  ),
  projects_signed: projects('signed_on', sql`count(*)::numeric`),
  projects_signed_started: projects(
    'signed_on',
    sql`count(*)::numeric`,
    sql`p.started_on < make_date(extract(year FROM p.signed_on)::int + 1, 1, 1)`,
  ),
  projects_started: projects('started_on', sql`count(*)::numeric`),
  projects_producing: projects('producing_on', sql`count(*)::numeric`),
  signed_wan: projects('signed_on', sql`sum(p.signed_wan)`),
  arrived_wan: projects('signed_on', sql`sum(p.arrived_wan)`),
  cadres_ne_to_east: cadres('ne_to_east'),
  cadres_east_to_ne: cadres('east_to_ne'),
  trainees: (r) => sql`
  SELECT tr.pairing_id, s.side, ${yearOf(sql`tr.starts_on`)} AS year,
    sum(CASE s.side WHEN 'a' THEN tr.side_a ELSE tr.side_b END)::numeric AS value
  FROM trainings tr CROSS JOIN (VALUES ('a'), ('b')) AS s(side)
  WHERE ${inYears(sql`tr.starts_on`, r)}
  GROUP BY 1, 2, 3`,
  trainings: (r) => sql`
  SELECT tr.pairing_id, NULL::text AS side, ${yearOf(sql`tr.starts_on`)} AS year, count(*)::numeric AS value
  FROM trainings tr WHERE ${inYears(sql`tr.starts_on`, r)}
  GROUP BY 1, 2, 3`,
  meetings_held: (r) => sql`
  SELECT m.pairing_id, m.host_side AS side, ${yearOf(sql`m.held_on`)} AS year, count(*)::numeric AS value
  FROM meetings m WHERE ${inYears(sql`m.held_on`, r)}
  GROUP BY 1, 2, 3`,
  decisions_due: decisions(sql`true`),
  decisions_closed_on_time: decisions(
    sql`i.state = 'closed' AND (i.closed_at AT TIME ZONE 'Asia/Shanghai')::date <= i.deadline`,
  ),
  // Co-built parks standing at the end of the year (main parks; 一区多园 sub-parks are part of theirs).
  parks: (r) => sql`
  SELECT pk.pairing_id, NULL::text AS side, y.year, count(*)::numeric AS value
  FROM parks pk JOIN generate_series(${r.from}::int, ${r.to}::int) AS y(year)
    ON coalesce(pk.established_on, '0001-01-01'::date) < ${firstDay(sql`y.year + 1`)}
  WHERE pk.main_park_id IS NULL
  GROUP BY 1, 2, 3`,
  // Taxes recorded in the parks' ledgers for the year (current entries only: a correction replaces its row), in 万元.
  shared_tax_wan: (r) => sql`
  SELECT pk.pairing_id, NULL::text AS side, e.period_year AS year, sum(e.amount_yuan) / 10000 AS value
  FROM park_ledger_entries e JOIN parks pk ON pk.id = e.park_id
  WHERE e.figure = ANY(${textArray(TAX_FIGURES)}) AND e.period_year BETWEEN ${r.from}::int AND ${r.to}::int
    AND NOT EXISTS (SELECT 1 FROM park_ledger_entries c WHERE c.supersedes_id = e.id)
  GROUP BY 1, 2, 3`,
  // 试点 or beyond: the practice is replicated; 制度化: institutionalised.
  practices_replicated: adoptionsReaching(['pilot', 'rollout', 'institutionalised']),
  practices_institutionalised: adoptionsReaching(['institutionalised']),
};

/** A measure's sum for one pairing (null: the whole programme), year, and side (null: both sides). */
export interface MeasureRow {
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
}

/**
 * One measure over the years, rolled up: each pairing's row adds its own records and those of every pairing
 * below it (sub-pair → pair), and the programme's row adds every record once. Sums only: a ratio is formed
 * afterwards from these sums, never by averaging ratios. One query, grouping sets give each side and both.
 */
export async function measureRows(
  db: DbOrTx,
  code: MeasureCode,
  filters: TermFilters,
  years: YearRange,
  scope: MeasureScope,
  today: string,
): Promise<MeasureRow[]> {
  const raw = MEASURE_SQL[code](years, filters, today);
  const kept = [sql`true`];
  if (filters.side) kept.push(sql`raw.side = ${filters.side}`);
  if (filters.levels?.length) kept.push(sql`pr.level = ANY(${textArray(filters.levels)})`);
  const only = scope.pairingIds ? sql`anc.ancestor = ANY(${sql.param([...scope.pairingIds])}::uuid[])` : sql`true`;
  const programme = scope.programme
    ? sql`UNION ALL
    SELECT NULL::uuid, side, year, sum(value)::text, grouping(side)::int FROM kept GROUP BY GROUPING SETS ((year, side), (year))`
    : sql``;
  const result = await db.execute<{
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
    raw AS (${raw}),
    kept AS (
      SELECT raw.* FROM raw JOIN pairings pr ON pr.id = raw.pairing_id WHERE ${sql.join(kept, sql` AND `)}
    )
    SELECT anc.ancestor AS pairing_id, kept.side, kept.year, sum(kept.value)::text AS value,
      grouping(kept.side)::int AS all_sides
    FROM kept JOIN anc ON anc.pairing_id = kept.pairing_id
    WHERE ${only}
    GROUP BY GROUPING SETS ((anc.ancestor, kept.year, kept.side), (anc.ancestor, kept.year))
    ${programme}`);
  const rows: MeasureRow[] = [];
  for (const r of result.rows) {
    const side = Number(r.all_sides) === 1 ? null : r.side;
    // A side-less measure's per-side group has a null side: it is the same as the total, not a side's figure.
    if (Number(r.all_sides) === 0 && side !== 'a' && side !== 'b') continue;
    rows.push({ pairingId: r.pairing_id, side: side as 'a' | 'b' | null, year: Number(r.year), value: r.value });
  }
  return rows;
}
