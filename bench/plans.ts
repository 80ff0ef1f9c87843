import { sql } from 'drizzle-orm';
import { importPlanInput, type PlanPreview } from '../src/common/api/plans.ts';
import { buildOrgUser, DEMO_PASSWORD } from '../src/server/seed/builders.ts';
import { importInputFromParsed } from '../src/server/modules/plans/plan-import-input.ts';
import { importPlan } from '../src/server/modules/plans/plan-import.service.ts';
import { confirmBody } from '../src/server/modules/plans/test-support/plan-api.ts';
import { ApiClient } from './lib/api-client.ts';
import { startDuikou, type Target } from './lib/duikou-server.ts';
import { generatedPlan } from './lib/generated-plan.ts';
import { measureBare, measureEndpoint, rssMb, serialLatency, type SerialLatency } from './lib/http-measure.ts';
import { runInChild, type InProcessApp } from './lib/in-process.ts';
import { LOAD, type LoadResult } from './lib/load.ts';
import { quietly, type Quietly } from './lib/quiet.ts';
import { benchScale, scaled } from './lib/scale.ts';

/** Issue 3's sizes at BENCH_SCALE=1. */
export const PLANS_SIZES = { treeTasks: 5_000, importTasks: 40, importRuns: 10 } as const;
/** The plan tree under load: a longer warm-up and window, and a per-request timeout beyond the worst latency. */
export const TREE_LOAD = { warmupS: 5 * LOAD.warmupS, durationS: 3 * LOAD.durationS, timeoutS: 180 };
const PAIRING = '吉林省—浙江省';
const OFFICE = { username: 'bench-jilin', orgName: '基准测试吉林省对口合作办', regionCode: '220000' };
const importTitle = (k: number) => `吉林省与浙江省对口合作基准测试${k}号实施方案`;

export interface PlansPrepared {
  user: { username: string; password: string };
  pairingId: string;
  planId: string;
  planTitle: string;
  tasks: number;
  sections: number;
  targets: number;
  sourceChars: number;
  /** Generating the text, parsing it, and importPlan (the service the confirmation calls), in the child process. */
  setupMs: { generateAndParse: number; importPlan: number };
}

export interface ImportTimings {
  tasks: number;
  /** Each plan has its own title, so every run is a first import (version 1), not a re-import. */
  mode: 'distinct titles';
  warmup: number;
  preview: number[];
  confirm: number[];
  total: number[];
  bytes: number;
}

export interface PlansResult {
  engine: Target['engine'];
  scale: number;
  prepared: PlansPrepared;
  endpoints: { tree: string; tasks: string };
  imports: Quietly<ImportTimings>;
  bare: Quietly<LoadResult>;
  tree: Quietly<LoadResult>;
  tasks: Quietly<LoadResult>;
  serial: SerialLatency[];
  serverRssMb: number | null;
}

/**
 * The database side of the plans stage, in a child process on a fresh database (runInChild): a pairing office of
 * 吉林省 (builders), and one plan of 5,000 tasks for 吉林省—浙江省 generated from the real plan's wording
 * (generatedPlan), parsed and imported through importPlan as the confirmation would, with its sections, tasks,
 * targets and source text. Its tasks are as an import leaves them (no deadlines yet, so every light is green).
 */
export async function preparePlans(
  app: InProcessApp,
  args: { tasks: number },
  log: (line: string) => void,
): Promise<PlansPrepared> {
  const { ctx } = app;
  const db = ctx.db;
  await buildOrgUser(ctx, {
    username: OFFICE.username,
    regionCode: OFFICE.regionCode,
    roles: ['pairing_office'],
    orgName: OFFICE.orgName,
  });
  const pairing = (
    await db.execute<{ id: string; programme_id: string }>(
      sql`SELECT id, programme_id FROM pairings WHERE name = ${PAIRING}`,
    )
  ).rows[0];
  if (!pairing) throw new Error(`no pairing ${PAIRING}`);
  const title = `吉林省与浙江省对口合作基准测试${args.tasks}项任务实施方案`;
  let t0 = performance.now();
  const { parsed } = generatedPlan({ title, tasks: args.tasks });
  const generateAndParse = performance.now() - t0;
  const input = importPlanInput.parse(
    importInputFromParsed(parsed.plan, parsed.normalised.text, 'bench-plan.txt', {
      pairingId: pairing.id,
      programmeId: pairing.programme_id,
    }),
  );
  t0 = performance.now();
  const created = await importPlan(ctx, input);
  const importMs = performance.now() - t0;
  const counts = (
    await db.execute<{ tasks: number; sections: number; targets: number }>(sql`
      SELECT (SELECT count(*)::int FROM tasks WHERE plan_id = ${created.id}) AS tasks,
             (SELECT count(*)::int FROM plan_sections WHERE plan_id = ${created.id}) AS sections,
             (SELECT count(*)::int FROM task_targets g JOIN tasks t ON t.id = g.task_id WHERE t.plan_id = ${created.id}) AS targets`)
  ).rows[0]!;
  if (counts.tasks !== args.tasks) throw new Error(`the plan has ${counts.tasks} tasks, ${args.tasks} were generated`);
  await db.execute(sql`ANALYZE tasks`);
  log(
    `plan of ${counts.tasks} tasks, ${counts.sections} sections, ${counts.targets} targets, ${parsed.normalised.text.length} characters: generated and parsed in ${generateAndParse.toFixed(0)} ms, imported in ${importMs.toFixed(0)} ms`,
  );
  return {
    user: { username: OFFICE.username, password: DEMO_PASSWORD },
    pairingId: pairing.id,
    planId: created.id,
    planTitle: title,
    ...counts,
    sourceChars: parsed.normalised.text.length,
    setupMs: { generateAndParse, importPlan: importMs },
  };
}

/** Upload and confirm one plan as the import page does; returns the two times. */
async function importOnce(
  user: ApiClient,
  k: number,
  pairingId: string,
): Promise<{ preview: number; confirm: number; bytes: number }> {
  const text = Buffer.from(generatedPlan({ title: importTitle(k), tasks: PLANS_SIZES.importTasks }).text);
  const t0 = performance.now();
  const preview = await user.upload<PlanPreview>('/api/plans/preview', `${importTitle(k)}.txt`, text);
  const t1 = performance.now();
  const created = await user.ok<{ versionNo: number; taskCount: number }>('POST', '/api/plans', confirmBody(preview));
  const t2 = performance.now();
  if (
    preview.taskCount !== PLANS_SIZES.importTasks ||
    preview.pairing?.id !== pairingId ||
    created.versionNo !== 1 ||
    created.taskCount !== PLANS_SIZES.importTasks
  ) {
    throw new Error(
      `import ${k}: preview ${preview.taskCount} tasks for ${preview.pairing?.name}, confirmed v${created.versionNo} with ${created.taskCount} tasks`,
    );
  }
  return { preview: t1 - t0, confirm: t2 - t1, bytes: text.length };
}

/**
 * The plans stage (issue 3) on one engine: the data made in a child process (preparePlans), then the real server
 * on it, signed in as the pairing office: the 40-task import end to end (preview, then confirm) several times, each
 * under a new title, after one warm-up import; autocannon against the bare Fastify process, the plan page's tree and
 * the task list's first page of that plan; then one request at a time.
 */
export async function measurePlans(target: Target, log: (line: string) => void): Promise<PlansResult> {
  const scale = benchScale();
  const tasks = scaled(PLANS_SIZES.treeTasks, 40);
  log(`  generating a plan of ${tasks} tasks (BENCH_SCALE=${scale})`);
  const prepared = await runInChild<PlansPrepared>('bench/plans.ts', 'preparePlans', target, { tasks }, log);
  const server = await startDuikou(target);
  try {
    const user = new ApiClient(server.baseUrl);
    await user.login(prepared.user.username, prepared.user.password);
    const headers = { cookie: user.cookie };
    const endpoints = {
      tree: `/api/plans/${prepared.planId}`,
      tasks: `/api/tasks?planId=${prepared.planId}&pageSize=20`,
    };
    const page = await user.ok<{ total: number }>('GET', endpoints.tasks);
    if (page.total !== prepared.tasks)
      throw new Error(`the task list counts ${page.total} tasks, the plan has ${prepared.tasks}`);

    await importOnce(user, 0, prepared.pairingId);
    const runs = scale < 1 ? 3 : PLANS_SIZES.importRuns;
    const imports = await quietly(
      async () => {
        const r: ImportTimings = {
          tasks: PLANS_SIZES.importTasks,
          mode: 'distinct titles',
          warmup: 1,
          preview: [],
          confirm: [],
          total: [],
          bytes: 0,
        };
        for (let k = 1; k <= runs; k++) {
          const one = await importOnce(user, k, prepared.pairingId);
          r.preview.push(one.preview);
          r.confirm.push(one.confirm);
          r.total.push(one.preview + one.confirm);
          r.bytes = one.bytes;
        }
        return r;
      },
      { retries: 0 },
    );
    log(
      `  ${runs} imports of ${PLANS_SIZES.importTasks} tasks: ${imports.value.total.map((x) => x.toFixed(0)).join(', ')} ms (other processes: ${imports.foreignCores.toFixed(2)} cores)`,
    );

    const bare = await measureBare(log);
    // 64 trees of 5,000 tasks in flight take longer than the usual 10 s window to come back: see TREE_LOAD.
    const tree = await measureEndpoint(server.baseUrl, endpoints.tree, headers, log, TREE_LOAD);
    const taskPage = await measureEndpoint(server.baseUrl, endpoints.tasks, headers, log);
    const serverRssMb = rssMb(server.child.pid);
    const serial = (
      await quietly(
        async () => [
          await serialLatency(
            `GET /api/plans/:id (tree of ${prepared.tasks} tasks)`,
            server.baseUrl + endpoints.tree,
            headers,
            { warmup: 3, runs: 30 },
          ),
          await serialLatency('GET /api/tasks?planId=…&pageSize=20', server.baseUrl + endpoints.tasks, headers, {
            warmup: 10,
            runs: 100,
          }),
        ],
        { retries: 0 },
      )
    ).value;
    for (const s of serial) log(`  serial ${s.label}: median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms`);
    return {
      engine: target.engine,
      scale,
      prepared,
      endpoints,
      imports,
      bare,
      tree,
      tasks: taskPage,
      serial,
      serverRssMb,
    };
  } catch (err) {
    throw new Error(
      `${(err as Error).message}\n--- server output (last lines) ---\n${server.output().split('\n').slice(-30).join('\n')}`,
    );
  } finally {
    await server.stop();
  }
}
