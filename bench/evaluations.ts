import { sql } from 'drizzle-orm';
import type { CreateRoundInput } from '../src/common/api/evaluations.ts';
import { closeRound, openRound } from '../src/server/modules/evaluations/evaluations.service.ts';
import { activeIndicators, formulaOf, measureSums } from '../src/server/modules/indicators/indicators.service.ts';
import { exportPairingYear } from '../src/server/modules/summaries/summaries.service.ts';
import type { Target } from './lib/duikou-server.ts';
import type { InProcessApp } from './lib/in-process.ts';
import { runInChild } from './lib/in-process.ts';
import { benchScale, scaled } from './lib/scale.ts';
import { MIXED_SIZES, prepareMixed } from './mixed.ts';

/**
 * Issue 12: one evaluation round over the 10× national dataset — every built-in indicator, every pairing and
 * sub-pair — against hand-written SQL for the same figures, measured in the same process on the same data.
 *
 * Data: the mix's (about 200 synthetic sub-pairs, a 5,000-task plan, 100,000 projects with their money reports),
 * plus 1,000,000 progress reports (report slots over monthly cycles of every pairing), 20,000 secondments,
 * 2,000 trainings, 5,000 meetings with 20,000 decisions and 500 parks with 50,000 ledger entries, in bulk SQL.
 * Timed (median of 3, in the service, no HTTP): the figures of the round as the indicator library computes them
 * (one statement: one pass per family of measures, rolled up sub-pair → pair); the hand-written SQL (one
 * statement over every source table, every figure of a table in one pass with FILTER, the same roll-up); and the
 * whole close of the round (figures, freezing, scores, ranks and grades written) through closeRound.
 */
export const EVALUATION_SIZES = {
  progressReports: 1_000_000,
  secondments: 20_000,
  trainings: 2_000,
  meetings: 5_000,
  decisionsPerMeeting: 4,
  parks: 500,
  ledgerEntries: 50_000,
} as const;

export interface EvaluationsResult {
  engine: Target['engine'];
  data: Record<string, number>;
  year: number;
  subjects: number;
  indicators: number;
  measures: number;
  libraryMs: number[];
  handMs: number[];
  closeMs: number;
  /** Issue 12: the annual summary's Word file for the busiest pairing (its sub-pairs rolled in), and with the Excel annex. */
  summary?: { pairing: string; projects: number; docxMs: number[]; withXlsxMs: number[]; docxBytes: number };
  /** The figures of both ways agree (every measure, every pairing and side). */
  agree: boolean;
  setupS: number;
}

async function bulkRecords(app: InProcessApp, sizes: Record<keyof typeof EVALUATION_SIZES, number>, year: number) {
  const db = app.ctx.db;
  // Monthly cycles of every pairing for the year, and report slots for tasks of the big plan spread over them.
  await db.execute(sql`
    INSERT INTO reporting_cycles (pairing_id, frequency, year, period, period_label, period_start, period_end, due_on, status)
    SELECT p.id, 'monthly', ${year}::int, m, m || '月', make_date(${year}::int, m, 1),
      (make_date(${year}::int, m, 1) + interval '1 month - 1 day')::date, (make_date(${year}::int, m, 1) + interval '1 month + 4 days')::date, 'open'
    FROM pairings p CROSS JOIN generate_series(1, 12) m`);
  await db.execute(sql`
    WITH c AS (SELECT id, pairing_id, due_on, row_number() OVER (ORDER BY id) - 1 AS k, count(*) OVER () AS n FROM reporting_cycles),
    t AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k, count(*) OVER () AS n FROM tasks)
    INSERT INTO report_slots (cycle_id, task_id, unit_name, unit_key, side, role, state, submitted_at)
    SELECT c.id, t.id, '基准单位' || (g % 50), 'bench-' || (g % 50), CASE WHEN g % 2 = 0 THEN 'a' ELSE 'b' END, 'lead',
      CASE WHEN g % 5 = 0 THEN 'pending' ELSE 'submitted' END,
      CASE WHEN g % 5 = 0 THEN NULL ELSE (c.due_on + ((g % 9) - 6) * interval '1 day')::timestamptz END
    FROM generate_series(0, ${sizes.progressReports - 1}::int) g
    JOIN c ON c.k = g % (SELECT max(n) FROM c)
    JOIN t ON t.k = g % (SELECT max(n) FROM t)`);
  await db.execute(sql`
    WITH p AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k, count(*) OVER () AS n FROM pairings)
    INSERT INTO secondments (id, pairing_id, name, gender, birth_year, id_number_cipher, id_number_masked, id_number_index,
      direction, home_unit, home_post, host_unit, host_post, rank, batch, starts_on, ends_on, status)
    SELECT gen_random_uuid(), p.id, '基准干部' || g, CASE WHEN g % 2 = 0 THEN 'male' ELSE 'female' END, 1980, 'x', 'x', 'bench-' || g,
      CASE WHEN g % 2 = 0 THEN 'ne_to_east' ELSE 'east_to_ne' END, '派出单位', '职务', '接收单位', '挂职', 'division', '第' || (g % 5) || '批',
      make_date(${year}::int - (g % 3), 1 + g % 12, 1), make_date(${year}::int - (g % 3) + 1, 1 + g % 12, 1),
      CASE WHEN g % 7 = 0 THEN 'planned' ELSE 'in_post' END
    FROM generate_series(0, ${sizes.secondments - 1}::int) g JOIN p ON p.k = g % (SELECT max(n) FROM p)`);
  await db.execute(sql`
    WITH p AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k, count(*) OVER () AS n FROM pairings)
    INSERT INTO trainings (pairing_id, title, organiser, host_side, starts_on, ends_on, officials, side_a, side_b)
    SELECT p.id, '基准培训' || g, '组织部', 'b', make_date(${year}::int - (g % 2), 1 + g % 12, 1), make_date(${year}::int - (g % 2), 1 + g % 12, 5),
      20 + g % 30, 10 + g % 20, 10 + g % 10
    FROM generate_series(0, ${sizes.trainings - 1}::int) g JOIN p ON p.k = g % (SELECT max(n) FROM p)`);
  await db.execute(sql`
    WITH p AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k, count(*) OVER () AS n FROM pairings)
    INSERT INTO meetings (pairing_id, kind, title, held_on, host_side)
    SELECT p.id, 'joint_meeting', '基准会议' || g, make_date(${year}::int - (g % 2), 1 + g % 12, 10), CASE WHEN g % 2 = 0 THEN 'a' ELSE 'b' END
    FROM generate_series(0, ${sizes.meetings - 1}::int) g JOIN p ON p.k = g % (SELECT max(n) FROM p)`);
  await db.execute(sql`
    INSERT INTO tracked_items (pairing_id, source, source_id, source_title, seq, text, deadline, state, closed_at)
    SELECT m.pairing_id, 'meeting_decision', m.id, m.title, s, '议定事项' || s, m.held_on + 30 * s,
      CASE WHEN s % 2 = 0 THEN 'closed' ELSE 'in_progress' END,
      CASE WHEN s % 2 = 0 THEN (m.held_on + 30 * s + (s % 3) * 10 - 10)::timestamptz END
    FROM meetings m CROSS JOIN generate_series(1, ${sizes.decisionsPerMeeting}::int) s`);
  await db.execute(sql`
    WITH p AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k, count(*) OVER () AS n FROM pairings)
    INSERT INTO parks (pairing_id, name, type, host_region_code, established_on)
    SELECT p.id, '基准园区' || g, 'cooperation', '220100', make_date(${year}::int - (g % 6), 6, 1)
    FROM generate_series(0, ${sizes.parks - 1}::int) g JOIN p ON p.k = g % (SELECT max(n) FROM p)`);
  await db.execute(sql`
    INSERT INTO park_enterprises (park_id, name) SELECT id, '基准企业' FROM parks WHERE name LIKE '基准园区%'`);
  await db.execute(sql`
    WITH e AS (SELECT e.id, e.park_id, row_number() OVER (ORDER BY e.id) - 1 AS k, count(*) OVER () AS n
      FROM park_enterprises e JOIN parks pk ON pk.id = e.park_id WHERE pk.name LIKE '基准园区%')
    INSERT INTO park_ledger_entries (park_id, enterprise_id, figure, period_year, period_month, amount_yuan)
    SELECT e.park_id, e.id, (ARRAY['vat','corporate_income_tax','personal_income_tax','output'])[1 + g % 4],
      ${year}::int - (g % 2), 1 + g % 12, 1000 + (g % 997) * 13.5
    FROM generate_series(0, ${sizes.ledgerEntries - 1}::int) g JOIN e ON e.k = g % (SELECT max(n) FROM e)`);
}

/** Every figure of the round by hand: one pass over each source table, every measure of it with FILTER, rolled up. */
function handWrittenSql(year: number, pairingIds: readonly string[], today: string) {
  const y0 = sql`make_date(${year}::int, 1, 1)`;
  const y1 = sql`make_date(${year}::int + 1, 1, 1)`;
  return sql`
    WITH RECURSIVE anc(pairing_id, ancestor) AS (
      SELECT id, id FROM pairings
      UNION ALL SELECT anc.pairing_id, p.parent_id FROM anc JOIN pairings p ON p.id = anc.ancestor WHERE p.parent_id IS NOT NULL
    ),
    raw(pairing_id, side, measure, value) AS (
      SELECT t.pairing_id, t.side, m.measure, m.value FROM (
        SELECT t.pairing_id, lead.side,
          count(*)::numeric AS due,
          count(*) FILTER (WHERE t.status = 'done')::numeric AS done,
          count(*) FILTER (WHERE t.status NOT IN ('done', 'suspended') AND (t.status = 'delayed' OR t.deadline < ${today}::date))::numeric AS red
        FROM tasks t
        LEFT JOIN (SELECT DISTINCT ON (task_id) task_id, side FROM task_units WHERE role = 'lead' ORDER BY task_id, ordinal) lead
          ON lead.task_id = t.id
        WHERE t.pairing_id IS NOT NULL AND t.traced_task_id IS NULL AND t.deadline >= ${y0} AND t.deadline < ${y1}
        GROUP BY 1, 2) t
      CROSS JOIN LATERAL (VALUES ('tasks_due', t.due), ('tasks_done', t.done), ('tasks_red', t.red)) m(measure, value)
      UNION ALL
      SELECT s.pairing_id, s.side, m.measure, m.value FROM (
        SELECT c.pairing_id, s.side, count(*)::numeric AS due,
          count(*) FILTER (WHERE s.submitted_at IS NOT NULL AND (s.submitted_at AT TIME ZONE 'Asia/Shanghai')::date <= c.due_on)::numeric AS on_time
        FROM report_slots s JOIN reporting_cycles c ON c.id = s.cycle_id WHERE c.due_on >= ${y0} AND c.due_on < ${y1}
        GROUP BY 1, 2) s
      CROSS JOIN LATERAL (VALUES ('reports_due', s.due), ('reports_on_time', s.on_time)) m(measure, value)
      UNION ALL
      SELECT p.pairing_id, p.side, m.measure, m.value FROM (
        SELECT pairing_id, side,
          count(*) FILTER (WHERE signed_on >= ${y0} AND signed_on < ${y1})::numeric AS signed,
          count(*) FILTER (WHERE signed_on >= ${y0} AND signed_on < ${y1} AND started_on < ${y1})::numeric AS signed_started,
          count(*) FILTER (WHERE started_on >= ${y0} AND started_on < ${y1})::numeric AS started,
          count(*) FILTER (WHERE producing_on >= ${y0} AND producing_on < ${y1})::numeric AS producing,
          coalesce(sum(signed_wan) FILTER (WHERE signed_on >= ${y0} AND signed_on < ${y1}), 0) AS signed_wan,
          coalesce(sum(arrived_wan) FILTER (WHERE signed_on >= ${y0} AND signed_on < ${y1}), 0) AS arrived_wan
        FROM projects WHERE (signed_on >= ${y0} AND signed_on < ${y1}) OR (started_on >= ${y0} AND started_on < ${y1})
          OR (producing_on >= ${y0} AND producing_on < ${y1})
        GROUP BY 1, 2) p
      CROSS JOIN LATERAL (VALUES ('projects_signed', p.signed), ('projects_signed_started', p.signed_started),
        ('projects_started', p.started), ('projects_producing', p.producing), ('signed_wan', p.signed_wan),
        ('arrived_wan', p.arrived_wan)) m(measure, value)
      UNION ALL
      SELECT pairing_id, NULL, 'cadres_' || direction, count(*)::numeric FROM secondments
        WHERE status <> 'planned' AND starts_on < ${y1} AND ends_on >= ${y0} GROUP BY pairing_id, direction
      UNION ALL
      SELECT tr.pairing_id, s.side, 'trainees', sum(CASE s.side WHEN 'a' THEN tr.side_a ELSE tr.side_b END)::numeric
        FROM trainings tr CROSS JOIN (VALUES ('a'), ('b')) s(side) WHERE tr.starts_on >= ${y0} AND tr.starts_on < ${y1} GROUP BY 1, 2
      UNION ALL
      SELECT pairing_id, NULL, 'trainings', count(*)::numeric FROM trainings WHERE starts_on >= ${y0} AND starts_on < ${y1} GROUP BY 1
      UNION ALL
      SELECT pairing_id, host_side, 'meetings_held', count(*)::numeric FROM meetings WHERE held_on >= ${y0} AND held_on < ${y1} GROUP BY 1, 2
      UNION ALL
      SELECT i.pairing_id, NULL, m.measure, m.value FROM (
        SELECT pairing_id, count(*)::numeric AS due,
          count(*) FILTER (WHERE state = 'closed' AND (closed_at AT TIME ZONE 'Asia/Shanghai')::date <= deadline)::numeric AS on_time
        FROM tracked_items WHERE source = 'meeting_decision' AND deadline >= ${y0} AND deadline < ${y1} GROUP BY 1) i
      CROSS JOIN LATERAL (VALUES ('decisions_due', i.due), ('decisions_closed_on_time', i.on_time)) m(measure, value)
      UNION ALL
      SELECT pairing_id, NULL, 'parks', count(*)::numeric FROM parks
        WHERE main_park_id IS NULL AND coalesce(established_on, '0001-01-01'::date) < ${y1} GROUP BY 1
      UNION ALL
      SELECT pk.pairing_id, NULL, 'shared_tax_wan', sum(e.amount_yuan) / 10000 FROM park_ledger_entries e JOIN parks pk ON pk.id = e.park_id
        WHERE e.figure IN ('vat', 'corporate_income_tax', 'personal_income_tax', 'other_tax') AND e.period_year = ${year}::int
          AND NOT EXISTS (SELECT 1 FROM park_ledger_entries c WHERE c.supersedes_id = e.id) GROUP BY 1
      UNION ALL
      SELECT pr.pairing_id, a.side, m.measure, count(*)::numeric FROM (
        SELECT adoption_id, min(reached_on) FILTER (WHERE stage IN ('pilot', 'rollout', 'institutionalised')) AS replicated_on,
          min(reached_on) FILTER (WHERE stage = 'institutionalised') AS institutionalised_on
        FROM replication_stages WHERE withdrawn_at IS NULL GROUP BY adoption_id) f
      JOIN replication_adoptions a ON a.id = f.adoption_id JOIN replication_practices pr ON pr.id = a.practice_id
      CROSS JOIN LATERAL (VALUES ('practices_replicated', f.replicated_on), ('practices_institutionalised', f.institutionalised_on)) m(measure, on_date)
      WHERE m.on_date >= ${y0} AND m.on_date < ${y1} GROUP BY 1, 2, 3
    )
    SELECT anc.ancestor AS pairing_id, raw.measure, raw.side, sum(raw.value)::text AS value, grouping(raw.side)::int AS all_sides
    FROM raw JOIN anc ON anc.pairing_id = raw.pairing_id
    WHERE anc.ancestor = ANY(${sql.param([...pairingIds])}::uuid[])
    GROUP BY GROUPING SETS ((anc.ancestor, raw.measure, raw.side), (anc.ancestor, raw.measure))`;
}

/** In the child: data, then the round's figures both ways, then the whole close, timed. */
export async function prepareAndMeasure(
  app: InProcessApp,
  args: { mixed: Parameters<typeof prepareMixed>[1]; sizes: Record<keyof typeof EVALUATION_SIZES, number> },
  log: (line: string) => void,
): Promise<EvaluationsResult> {
  const t0 = performance.now();
  await prepareMixed(app, args.mixed, log);
  const db = app.ctx.db;
  const [busiest] = (
    await db.execute<{ y: number }>(
      sql`SELECT extract(year FROM signed_on)::int AS y FROM projects WHERE signed_on IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
    )
  ).rows;
  const year = Number(busiest?.y ?? new Date().getFullYear() - 1);
  await bulkRecords(app, args.sizes, year);
  await db.execute(sql`ANALYZE`);
  const data: Record<string, number> = {};
  for (const table of [
    'pairings',
    'tasks',
    'projects',
    'report_slots',
    'secondments',
    'trainings',
    'meetings',
    'tracked_items',
    'parks',
    'park_ledger_entries',
  ])
    data[table] = (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`))
      .rows[0]!.n;
  const setupS = (performance.now() - t0) / 1000;
  log(`  data (${setupS.toFixed(0)} s): ${JSON.stringify(data)}, year ${year}`);

  const inds = await activeIndicators(db);
  const pairingIds = (await db.execute<{ id: string }>(sql`SELECT id FROM pairings ORDER BY name`)).rows.map(
    (r) => r.id,
  );
  const formulas = inds.map(formulaOf);
  const years = { from: year, to: year };
  const today = new Date().toISOString().slice(0, 10);
  const libraryMs: number[] = [];
  const handMs: number[] = [];
  let library = new Map<string, Map<string, string>>();
  let hand: { pairing_id: string; measure: string; side: string | null; value: string; all_sides: number }[] = [];
  for (let i = 0; i < 3; i++) {
    let t = performance.now();
    library = await measureSums(db, formulas, years, { pairingIds, programme: false });
    libraryMs.push(performance.now() - t);
    t = performance.now();
    hand = (await db.execute<(typeof hand)[number]>(handWrittenSql(year, pairingIds, today))).rows;
    handMs.push(performance.now() - t);
    log(`  round figures: library ${libraryMs[i]!.toFixed(0)} ms, hand-written SQL ${handMs[i]!.toFixed(0)} ms`);
  }
  // The same figures both ways: every hand-written non-zero sum is the library's for that measure, pairing and side.
  const libraryOf = (measure: string) =>
    [...library].find(([key]) => JSON.parse(key)[0] === measure && Object.keys(JSON.parse(key)[1]).length === 0)?.[1];
  let agree = true;
  for (const r of hand) {
    const side = Number(r.all_sides) === 1 ? '*' : r.side;
    if (side === null) continue;
    const got = libraryOf(r.measure)?.get(`${r.pairing_id}|${year}|${side}`) ?? '0';
    if (Number(got) !== Number(r.value)) {
      if (agree) log(`  MISMATCH ${r.measure} ${r.pairing_id} ${side}: library ${got}, hand ${r.value}`);
      agree = false;
    }
  }

  const round: CreateRoundInput = {
    year,
    title: `${year}年度成效评估（基准）`,
    sides: 'pairing',
    selfDeadline: '2099-12-31',
    indicators: inds.map((i) => ({
      indicatorId: i.id,
      weight: 1,
      rule: i.type === 'ratio' ? { kind: 'linear' } : { kind: 'yes_no' },
      target: i.type === 'ratio' ? '80' : null,
    })),
    gradeScale: [
      { grade: '好', min: 90 },
      { grade: '较好', min: 75 },
      { grade: '一般', min: 60 },
      { grade: '较差', min: 0 },
    ],
    pairingIds,
  };
  const id = await openRound(app.ctx, round);
  const t = performance.now();
  await closeRound(app.ctx, id, 1);
  const closeMs = performance.now() - t;
  log(
    `  whole close of the round (${pairingIds.length} pairings × ${inds.length} indicators): ${closeMs.toFixed(0)} ms; figures agree: ${agree}`,
  );
  const summary = await measureSummary(app, year, log);
  return {
    summary,
    engine: app.deps.config.databaseUrl ? 'postgres' : 'pglite',
    data,
    year,
    subjects: pairingIds.length,
    indicators: inds.length,
    measures: library.size,
    libraryMs,
    handMs,
    closeMs,
    agree,
    setupS,
  };
}

/**
 * The annual summary of the pairing with the most projects signed in the year (a pair with its sub-pairs): drafted
 * from the records and written as the Word file (median of 3), then with the Excel annex, through the service the
 * command line uses (figures, lists, document, audit row).
 */
async function measureSummary(app: InProcessApp, year: number, log: (line: string) => void) {
  const [busiest] = (
    await app.ctx.db.execute<{ id: string; name: string; n: number }>(sql`
      SELECT top.id, top.name, count(*)::int AS n FROM projects p JOIN pairings pr ON pr.id = p.pairing_id
      JOIN pairings top ON top.id = coalesce(pr.parent_id, pr.id)
      WHERE p.signed_on >= make_date(${year}::int, 1, 1) AND p.signed_on < make_date(${year}::int + 1, 1, 1)
      GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 1`)
  ).rows;
  if (!busiest) return undefined;
  const docxMs: number[] = [];
  const withXlsxMs: number[] = [];
  let docxBytes = 0;
  for (let i = 0; i < 3; i++) {
    let t = performance.now();
    docxBytes = (await exportPairingYear(app.ctx, busiest, year, 'summary', { xlsx: false })).docx.length;
    docxMs.push(performance.now() - t);
    t = performance.now();
    await exportPairingYear(app.ctx, busiest, year, 'summary', { xlsx: true });
    withXlsxMs.push(performance.now() - t);
    log(
      `  annual summary of ${busiest.name} (${busiest.n} projects): Word ${docxMs[i]!.toFixed(0)} ms, with Excel ${withXlsxMs[i]!.toFixed(0)} ms`,
    );
  }
  return { pairing: busiest.name, projects: busiest.n, docxMs, withXlsxMs, docxBytes };
}

export async function measureEvaluations(target: Target, log: (line: string) => void): Promise<EvaluationsResult> {
  const scale = benchScale();
  const mixed = {
    subPairs: scaled(MIXED_SIZES.subPairs, 10),
    planTasks: scaled(MIXED_SIZES.planTasks, 100),
    projects: scaled(MIXED_SIZES.projects, 2000),
    nationalUsers: 1,
    subOffices: 1,
    leadUnits: 1,
    orgDepts: 1,
  };
  const sizes = Object.fromEntries(
    Object.entries(EVALUATION_SIZES).map(([k, v]) => [k, k === 'decisionsPerMeeting' ? v : scaled(v, 10)]),
  ) as Record<keyof typeof EVALUATION_SIZES, number>;
  log(`  generating (BENCH_SCALE=${scale}): ${JSON.stringify({ ...mixed, ...sizes })}`);
  return runInChild<EvaluationsResult>('bench/evaluations.ts', 'prepareAndMeasure', target, { mixed, sizes }, log);
}
