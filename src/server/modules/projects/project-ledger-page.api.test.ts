import { describe, it, expect, beforeAll, onTestFinished } from 'vitest';
import { sql } from 'drizzle-orm';
import { testEngines } from '../../testing/test-engines.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import { newProject } from './test-support/project-api.ts';
import { ledgerFindFirst, ledgerPerPairing } from './projects.repository.ts';
import { countStatements } from '../../testing/statement-counter.ts';

/*
 * The ledger's page is found in two ways (projects.repository.ts): its ids by walking the sort's index, or — for a
 * search, or a set of up to ledgerFindFirst.maxRows rows sorted otherwise than by creation, or newest first when a
 * pairing, a stage or an industry section narrows a scope — by finding every row first and sorting them (with
 * maxRows 0 only searches are), or — a scope's unfiltered set by title, amount or signing date, up to
 * ledgerPerPairing.maxEntries entries — by walking each of the scope's pairings' entries in the sort's order and
 * sorting what they give (with maxEntries 0 none is); the names are joined to
 * the page's ids afterwards, and a page past the end reads nothing. Every way must give the order the API promises
 * (the sort key, nulls first when descending, then the id the same way), pages that follow on without gap or
 * repeat, only the user's scope and only the rows the filters keep. The expected pages are worked out here from the
 * stored rows.
 */
describe.each(testEngines())('project ledger pages on %s', (engine) => {
  const s = useProgrammeApp(engine);
  type Row = {
    id: string;
    pairing: string;
    title: string;
    stage: string;
    signedOn: string | null;
    signed: number;
    created: string;
  };
  let rows: Row[] = [];

  beforeAll(async () => {
    const jilin = await s.as(s.f.users.jilin);
    const liaoning = await s.as(s.f.users.liaoning);
    const { jilinZhejiang, jilinWenzhou, liaoningJiangsu } = s.f.pairings;
    // Titles that sort the same in every collation (a letter, two digits), with repeats; amounts and signing dates
    // with repeats and absences (a project still being planned has neither).
    for (let i = 0; i < 14; i++) {
      const signed = i % 3 !== 0;
      const extra = {
        title: `T${String(i % 5).padStart(2, '0')} ${i % 2 ? 'solar' : 'wind'}`,
        investor: `投资方${i}`,
        industryDivision: i % 4 ? '36' : '01',
        ...(signed
          ? { stage: 'signed', stageOn: `2024-0${1 + (i % 4)}-01`, signedAmount: String(10 * (i % 3)) }
          : { stage: 'planning' }),
      };
      const pairingId = i % 2 ? jilinWenzhou : jilinZhejiang;
      const res = await jilin.post(
        '/api/projects',
        newProject(pairingId, { ...extra, hostRegionCode: i % 2 ? '220200' : '220100' }),
      );
      expect(res.statusCode, res.body).toBe(201);
      if (i % 3 === 0) {
        const other = await liaoning.post(
          '/api/projects',
          newProject(liaoningJiangsu, { ...extra, hostRegionCode: '210100', investorRegionCode: '320500' }),
        );
        expect(other.statusCode, other.body).toBe(201);
      }
    }
    rows = (
      await s.t.database.db.execute<Row>(sql`
        SELECT id::text, pairing_id::text AS pairing, title, stage, signed_on::text AS "signedOn",
          signed_wan::float8 AS signed, to_char(created_at, 'YYYYMMDDHH24MISSUS') AS created
        FROM projects`)
    ).rows;
  });

  const KEYS = {
    createdAt: (r: Row) => r.created,
    title: (r: Row) => r.title,
    signed: (r: Row) => r.signed,
    signedOn: (r: Row) => r.signedOn,
  } as const;
  /** The order the ledger promises: by the key, nulls first when descending and last when ascending, then by id. */
  function expected(keep: (r: Row) => boolean, sort: keyof typeof KEYS, order: 'asc' | 'desc') {
    const key = KEYS[sort];
    const cmp = (a: Row, b: Row) => {
      const x = key(a);
      const y = key(b);
      if (x !== y) {
        if (x === null) return 1;
        if (y === null) return -1;
        return x < y ? -1 : 1;
      }
      return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    };
    const sorted = rows.filter(keep).sort(cmp);
    return order === 'asc' ? sorted.map((r) => r.id) : sorted.reverse().map((r) => r.id);
  }

  /** Every page of `size` in turn, and the one after the last. */
  async function pages(c: Awaited<ReturnType<typeof s.as>>, query: string, size: number) {
    const ids: string[] = [];
    for (let page = 1; ; page++) {
      const res = await c.get(`/api/projects?pageSize=${size}&page=${page}${query}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { items: { id: string }[]; total: number };
      ids.push(...body.items.map((p) => p.id));
      if (body.items.length < size) {
        expect(body.total).toBe(ids.length);
        if (body.items.length)
          expect((await c.get(`/api/projects?pageSize=${size}&page=${page + 1}${query}`)).json().items).toEqual([]);
        return ids;
      }
    }
  }

  // Walked (no set found first but a search's), then walked pairing by pairing where a scope's unfiltered set may be,
  // then found first; another page size each time, so that no kept answer of one pass serves another.
  it.each([
    [0, 0, 3],
    [0, ledgerPerPairing.maxEntries, 5],
    [ledgerFindFirst.maxRows, ledgerPerPairing.maxEntries, 4],
  ])(
    'orders every sort both ways, pages without gap or repeat, and keeps to the scope and the filters (found first up to %i rows, pairing by pairing up to %i entries)',
    async (maxRows, maxEntries, size) => {
      const kept = { ...ledgerFindFirst };
      const keptEntries = { ...ledgerPerPairing };
      ledgerFindFirst.maxRows = maxRows;
      ledgerPerPairing.maxEntries = maxEntries;
      onTestFinished(() => {
        Object.assign(ledgerFindFirst, kept);
        Object.assign(ledgerPerPairing, keptEntries);
      });
      const jilin = await s.as(s.f.users.jilin);
      const national = await s.as(s.f.users.national);
      const liaoning = await s.as(s.f.users.liaoning);
      const { jilinZhejiang, jilinWenzhou, liaoningJiangsu } = s.f.pairings;
      const jilins = new Set([jilinZhejiang, jilinWenzhou]);
      const users = [
        { c: jilin, sees: (r: Row) => jilins.has(r.pairing) },
        { c: national, sees: () => true },
        { c: liaoning, sees: (r: Row) => r.pairing === liaoningJiangsu },
      ];
      const industryA = new Set(
        (
          await s.t.database.db.execute<{ id: string }>(sql`SELECT id::text FROM projects WHERE industry_section = 'A'`)
        ).rows.map((r) => r.id),
      );
      expect(industryA.size).toBeGreaterThan(0);
      const filters: [string, (r: Row) => boolean][] = [
        ['', () => true],
        // A search: sorted by creation it walks the index, otherwise its rows are found first.
        ['&q=solar', (r) => r.title.includes('solar')],
        ['&q=T03', (r) => r.title.startsWith('T03')],
        [`&pairingId=${jilinWenzhou}`, (r) => r.pairing === jilinWenzhou],
        ['&industrySection=A', (r) => industryA.has(r.id)],
        ['&stage=signed', (r) => r.stage === 'signed'],
        // By signing date, a signing year is a range of that sort's index: walked whatever its size.
        ['&year=2024', (r) => !!r.signedOn?.startsWith('2024')],
      ];
      for (const { c, sees } of users)
        for (const [filter, keep] of filters)
          for (const sort of Object.keys(KEYS) as (keyof typeof KEYS)[])
            for (const order of ['asc', 'desc'] as const) {
              const query = `${filter}&sort=${sort}&order=${order}`;
              expect(await pages(c, query, size), query).toEqual(expected((r) => sees(r) && keep(r), sort, order));
            }
      // Another region's rows never appear, even asked for by their pairing.
      expect((await jilin.get(`/api/projects?pairingId=${liaoningJiangsu}&q=solar&sort=title`)).json()).toMatchObject({
        items: [],
        total: 0,
      });
    },
  );

  // One statement per shape serves every reader (the reader's pairings are a parameter of it): readers of different
  // scopes asking the same addresses in turn, and back, each get their own rows.
  it('gives each reader their own rows when readers of other scopes asked the same shape just before', async () => {
    const jilin = await s.as(s.f.users.jilin);
    const national = await s.as(s.f.users.national);
    const liaoning = await s.as(s.f.users.liaoning);
    const { jilinZhejiang, jilinWenzhou, liaoningJiangsu } = s.f.pairings;
    const jilins = new Set([jilinZhejiang, jilinWenzhou]);
    const turns = [
      { c: liaoning, sees: (r: Row) => r.pairing === liaoningJiangsu },
      { c: jilin, sees: (r: Row) => jilins.has(r.pairing) },
      { c: national, sees: () => true },
      { c: liaoning, sees: (r: Row) => r.pairing === liaoningJiangsu },
      { c: jilin, sees: (r: Row) => jilins.has(r.pairing) },
    ];
    for (const [size, query, keep] of [
      [7, '', () => true],
      [6, '&sort=title&order=asc', () => true],
      [6, '&stage=signed&sort=signed', (r: Row) => r.stage === 'signed'],
      [7, '&stage=planning', (r: Row) => r.stage === 'planning'],
    ] as const) {
      const [sort, order] = query.includes('sort=title')
        ? (['title', 'asc'] as const)
        : query.includes('sort=signed')
          ? (['signed', 'desc'] as const)
          : (['createdAt', 'desc'] as const);
      for (const { c, sees } of turns)
        expect(await pages(c, query, size), query).toEqual(expected((r) => sees(r) && keep(r), sort, order));
    }
  });

  // The whole programme at one stage or in one industry section by title, amount or signing date: the page's
  // statement walks that filter's index by the sort's key (migration 0037) and takes the page off it, sorting
  // nothing. The planner would read this test's few rows whole, so every other way is priced out.
  it.each([
    ['stage=signed', 'title', 'asc', 'projects_stage_title_idx'],
    ['stage=planning', 'signed', 'desc', 'projects_stage_signed_idx'],
    ['stage=signed', 'signedOn', 'desc', 'projects_stage_signed_on_idx'],
    ['industrySection=A', 'title', 'desc', 'projects_industry_title_idx'],
    ['industrySection=A', 'signed', 'asc', 'projects_industry_signed_idx'],
    ['industrySection=A', 'signedOn', 'asc', 'projects_industry_signed_on_idx'],
  ])("walks the national office's %s pages by %s %s on %s", async (filter, sort, order, index) => {
    const national = await s.as(s.f.users.national);
    const seen: { text: string; values: unknown[] }[] = [];
    const counter = countStatements(s.t.database.db, /page\.id/, (text, values) => seen.push({ text, values }));
    const res = await national.get(`/api/projects?pageSize=2&page=2&${filter}&sort=${sort}&order=${order}`);
    counter.restore();
    expect(res.statusCode, res.body).toBe(200);
    expect(seen).toHaveLength(1);
    const { text, values } = seen[0]!;
    const plan = await s.t.database.db.transaction(async (tx) => {
      for (const off of ['enable_seqscan', 'enable_bitmapscan', 'enable_sort'])
        await tx.execute(sql.raw(`SET LOCAL ${off} = off`));
      const rows = await tx.execute<{ 'QUERY PLAN': string }>(
        sql.raw(
          `EXPLAIN (COSTS OFF) ${text.replace(/\$(\d+)/g, (_, n: string) => {
            const v = values[Number(n) - 1];
            return typeof v === 'number' ? String(v) : `'${String(v)}'`;
          })}`,
        ),
      );
      return rows.rows.map((r) => r['QUERY PLAN']);
    });
    // The page's ids come off the filter's index, under a Limit with no sort between them.
    const at = plan.findIndex((l) => l.includes(`using ${index} on projects`));
    expect(at, plan.join('\n')).toBeGreaterThan(0);
    expect(plan[at - 1], plan.join('\n')).toMatch(/->\s+Limit|^\s*Limit/);
    expect(plan[at + 1], plan.join('\n')).toMatch(/Index Cond: \((stage|industry_section) = /);
  });

  // A scope's page found pairing by pairing: PostgreSQL plans each named statement's first five
  // runs for their values, then keeps one plan if it costs no more than theirs. With the reader's pairings and the
  // page's bounds given as values, a scope of a few pairings priced each run's own plan below the plan for any, and
  // every run was planned afresh (on the mix's data three times the run's own time).
  it("plans a scope's page found pairing by pairing once for every reader and page, not afresh on every run", async () => {
    const name = 'ledger_pairings';
    // Found first otherwise (this test's few rows).
    const kept = { ...ledgerFindFirst };
    ledgerFindFirst.maxRows = 0;
    onTestFinished(() => {
      Object.assign(ledgerFindFirst, kept);
    });
    const jilin = await s.as(s.f.users.jilin);
    const seen: { text: string; values: unknown[] }[] = [];
    const counter = countStatements(s.t.database.db, /page\.id/, (text, values) => seen.push({ text, values }));
    const res = await jilin.get('/api/projects?pageSize=2&sort=title');
    counter.restore();
    expect(res.statusCode, res.body).toBe(200);
    expect(seen).toHaveLength(1);
    const { text, values } = seen[0]!;
    expect(text).toContain('CROSS JOIN LATERAL');
    const { jilinZhejiang, jilinWenzhou, liaoningJiangsu } = s.f.pairings;
    const scopes = [[jilinZhejiang, jilinWenzhou], [liaoningJiangsu], [jilinZhejiang, jilinWenzhou, liaoningJiangsu]];
    const client = await s.t.database.pool.connect();
    try {
      // Rows enough that a plan's cost is its rows' more than its planning's (rolled back): 300 copies of each.
      await client.query('BEGIN');
      await client.query(`INSERT INTO projects SELECT (jsonb_populate_record(NULL::projects, to_jsonb(p)
        || jsonb_build_object('id', gen_random_uuid(), 'natural_key', p.natural_key || '#' || g, 'project_code', NULL))).*
        FROM projects p, generate_series(1, 300) g`);
      await client.query('ANALYZE projects');
      for (let i = 0; i < 10; i++)
        await client.query({
          name,
          text,
          // Another reader's pairings, and another page (every number: the page's bounds).
          values: values.map((v) =>
            typeof v === 'string' && v.startsWith('{')
              ? `{${scopes[i % 3]!.join(',')}}`
              : typeof v === 'number'
                ? v + 2 * (i % 4)
                : v,
          ),
        });
      const { rows } = await client.query<{ generic_plans: string; custom_plans: string }>(
        'SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = $1',
        [name],
      );
      expect(rows).toEqual([{ generic_plans: '5', custom_plans: '5' }]);
    } finally {
      await client.query('ROLLBACK');
      // Dropped, not given back: its named statement goes with it.
      client.release(true);
    }
  });
});
