import { describe, it, expect, beforeAll } from 'vitest';
import { sql } from 'drizzle-orm';
import { testEngines } from '../../testing/test-engines.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import type { TestClient } from '../../testing/test-app.ts';
import { containing } from '../../kernel/like-pattern.ts';
import { projects } from './projects.tables.ts';
import { searchCondition } from './search-grams.ts';
import { newProject } from './test-support/project-api.ts';
import { money } from './projects.presenter.ts';
import { countStatements } from '../../testing/statement-counter.ts';
import { uuidArrayText } from '../../kernel/pairing-scope.repository.ts';

/*
 * The ledger's search through the index of character pairs (search-grams.ts) finds exactly the rows the plain
 * infix match finds — title or investor ILIKE '%q%', or the 项目代码 equal to q — for every kind of text, and
 * keeps finding them as projects are created and edited.
 */
const PROJECTS: [title: string, investor: string, code?: string][] = [
  ['长春智能制造产业园', '宁波某某制造有限公司'],
  ['吉林人参深加工', 'ABC Holdings Ltd'],
  ['长春BYD新能源汽车零部件', '比亚迪股份'],
  ['100%达标改造工程', '某某_集团'],
  ["O'Brien 酒店", 'Abc公司'],
  ['制', '造'],
  ['造制造', '丙'],
  ['back\\slash 项目', '丁', '2104-220581-04-01-000778'],
  ['𠀀𠀁 扩展汉字', '戊'],
];

const QUERIES = [
  '制造',
  '制',
  '造制',
  'abc',
  'ABC',
  'bc',
  'ldings l',
  '100%',
  '%',
  '0%达',
  '_',
  '某_',
  "o'b",
  "'",
  '\\',
  'k\\s',
  '长春',
  '智能制造产业园',
  '智能制造产业园区二期工程', // longer than any title
  'byd新能',
  '零部件',
  '𠀀𠀁',
  '𠀁',
  '2104-220581-04-01-000778',
  '无此项目',
];

describe.each(testEngines())('project search on %s', (engine) => {
  const s = useProgrammeApp(engine);
  let c: TestClient;
  const ids: string[] = [];

  /** The ids the plain infix match finds, as the search answered before the index. */
  const plainMatch = async (q: string) => {
    const rows = await s.t.database.db.execute<{ id: string }>(sql`SELECT id FROM projects
      WHERE title ILIKE ${containing(q)} OR investor ILIKE ${containing(q)} OR project_code = ${q}`);
    return rows.rows.map((r) => r.id).sort();
  };
  const searched = async (q: string) => {
    const res = await c.get(`/api/projects?pageSize=500&q=${encodeURIComponent(q)}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.total, q).toBe(body.items.length);
    return (body.items as { id: string }[]).map((p) => p.id).sort();
  };

  beforeAll(async () => {
    c = await s.as(s.f.users.national);
    const jilin = await s.as(s.f.users.jilin);
    for (const [title, investor, projectCode] of PROJECTS) {
      const res = await jilin.post(
        '/api/projects',
        newProject(s.f.pairings.jilinZhejiang, { title, investor, projectCode }),
      );
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
  });

  it('finds the same projects as the plain infix match, for every kind of text', async () => {
    for (const q of QUERIES) expect(await searched(q), q).toEqual(await plainMatch(q));
    // The set is not trivial: most texts find something, and some find several.
    expect(await plainMatch('制造')).toHaveLength(2);
    expect(await plainMatch('abc')).toHaveLength(2);
  });

  it('keeps finding edited and new projects by their new texts only', async () => {
    const jilin = await s.as(s.f.users.jilin);
    const first = (await jilin.get(`/api/projects/${ids[0]}`)).json();
    const edited = await jilin.patch(`/api/projects/${ids[0]}`, {
      version: first.version,
      title: '长春光电信息港',
      investor: '长春光电集团',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const created = await jilin.post(
      '/api/projects',
      newProject(s.f.pairings.jilinZhejiang, { title: '珲春海洋制造基地', investor: '青岛某某公司' }),
    );
    expect(created.statusCode, created.body).toBe(201);
    for (const q of ['制造', '智能', '光电', '信息港', '海洋制造', '青岛'])
      expect(await searched(q), q).toEqual(await plainMatch(q));
    expect(await searched('光电')).toEqual([ids[0]]);
    expect(await searched('智能')).toEqual([]);
    expect(await searched('海洋制造')).toEqual([created.json().id]);
    expect(await searched('制造')).not.toContain(ids[0]);
  });

  /** The count and sums of the rows the plain infix match finds in the pairings given (every pairing: null). */
  const plainTotals = async (q: string, pairingIds: string[] | null) => {
    const { rows } = await s.t.database.db.execute<Record<string, string | number>>(sql`SELECT count(*)::int AS total,
      coalesce(sum(signed_wan), 0)::text AS signed, coalesce(sum(planned_wan), 0)::text AS planned,
      coalesce(sum(arrived_wan), 0)::text AS arrived, coalesce(sum(completed_wan), 0)::text AS completed
      FROM projects WHERE (title ILIKE ${containing(q)} OR investor ILIKE ${containing(q)} OR project_code = ${q})
      ${pairingIds ? sql`AND pairing_id = ANY(${`{${pairingIds.join(',')}}`}::uuid[])` : sql``}`);
    const r = rows[0]!;
    return {
      total: r.total,
      totals: {
        signed: money(`${r.signed}`),
        planned: money(`${r.planned}`),
        arrived: money(`${r.arrived}`),
        completed: money(`${r.completed}`),
      },
    };
  };

  it("keeps a search's totals per pairing: after a write only that pairing's matches are read again", async () => {
    const { jilinZhejiang, jilinWenzhou, liaoningJiangsu } = s.f.pairings;
    const jilin = await s.as(s.f.users.jilin);
    const liaoning = await s.as(s.f.users.liaoning);
    const made = [];
    for (const [c, pairingId, hostRegionCode, investorRegionCode, amount] of [
      [jilin, jilinWenzhou, '220200', '330200', '12.5'],
      [liaoning, liaoningJiangsu, '210100', '320500', '0.000001'],
      [liaoning, liaoningJiangsu, '210100', '320500', '7'],
    ] as const) {
      const res = await c.post(
        '/api/projects',
        newProject(pairingId, {
          title: '沈阳装备制造基地',
          investor: `投资方${amount}`,
          hostRegionCode,
          investorRegionCode,
          stage: 'signed',
          stageOn: '2024-03-01',
          signedAmount: amount,
        }),
      );
      expect(res.statusCode, res.body).toBe(201);
      made.push(res.json().id as string);
    }
    const totalsOf = async (c: TestClient, q: string) => {
      const res = await c.get(`/api/projects?pageSize=1&q=${encodeURIComponent(q)}`);
      expect(res.statusCode, res.body).toBe(200);
      const { total, totals } = res.json();
      return { total, totals };
    };
    const check = async () => {
      for (const q of ['制造', '基地', '装备制造', '无此项目']) {
        expect(await totalsOf(c, q), q).toEqual(await plainTotals(q, null));
        expect(await totalsOf(jilin, q), q).toEqual(await plainTotals(q, [jilinZhejiang, jilinWenzhou]));
        expect(await totalsOf(liaoning, q), q).toEqual(await plainTotals(q, [liaoningJiangsu]));
      }
    };
    await check();
    expect((await plainTotals('制造', null)).total).toBeGreaterThanOrEqual(5);
    // A project of 辽宁—江苏 leaves the search: the national office's next totals read that pairing's matches alone.
    const last = (await liaoning.get(`/api/projects/${made[2]}`)).json();
    const edited = await liaoning.patch(`/api/projects/${made[2]}`, { version: last.version, title: '沈阳装备基地' });
    expect(edited.statusCode, edited.body).toBe(200);
    const seen: unknown[][] = [];
    const counter = countStatements(s.t.database.db, /GROUP BY/, (_text, values) => seen.push(values));
    const after = await totalsOf(c, '制造');
    counter.restore();
    expect(seen).toHaveLength(1);
    expect(seen[0]![0]).toBe(uuidArrayText([liaoningJiangsu]));
    expect(after).toEqual(await plainTotals('制造', null));
    await check();
  });

  it('reaches the rows through the index of pairs', async () => {
    const columns = { title: projects.title, investor: projects.investor, code: projects.projectCode };
    const infix = sql`(${projects.title} ILIKE ${containing('制造业')} OR ${projects.investor} ILIKE ${containing('制造业')})`;
    const plan = await s.t.database.db.transaction(async (tx) => {
      // With every other access path off, the plan shows whether the condition matches the indexed expression.
      await tx.execute(sql`SET LOCAL enable_seqscan = off`);
      await tx.execute(sql`SET LOCAL enable_indexscan = off`);
      await tx.execute(sql`SET LOCAL enable_indexonlyscan = off`);
      const rows = await tx.execute<{ 'QUERY PLAN': string }>(
        sql`EXPLAIN SELECT id FROM projects WHERE ${searchCondition(columns, '制造业', infix)}`,
      );
      return rows.rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('projects_search_grams_idx');
  });
});
