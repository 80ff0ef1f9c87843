import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withCheckCharacter } from '../../../common/api/id-number.ts';
import { systemContext } from '../../http/system-actor.ts';
import { buildOrgUser } from '../../seed/builders.ts';
import { fillDemoPeople } from '../../seed/demo-people.ts';
import { seedPlans } from '../../seed/plan-seed.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import { countStatements } from '../../testing/statement-counter.ts';
import { testEngines } from '../../testing/test-engines.ts';
import { rosterFile, uploadRoster } from './test-support/roster-file.ts';

const ID_A = withCheckCharacter('22010219800315002');
const MOBILE_A = '13904310001';

describe.each(testEngines())(
  'cadre exchange and training on %s',
  (engine) => {
    const s = useProgrammeApp(engine);
    const orgDept = { jilin: { username: '', password: '' }, liaoning: { username: '', password: '' } };
    beforeAll(async () => {
      const ctx = systemContext(s.t.deps);
      // The shipped plans, for 吉浙 task 38 and its yearly target (每年…培训千人以上).
      await seedPlans(ctx);
      orgDept.jilin = await buildOrgUser(ctx, {
        username: 'jl-zzb',
        regionCode: '220000',
        roles: ['org_dept'],
        kind: 'org_dept',
      });
      orgDept.liaoning = await buildOrgUser(ctx, {
        username: 'ln-zzb',
        regionCode: '210000',
        roles: ['org_dept'],
        kind: 'org_dept',
      });
    });
    const count = async (table: string) =>
      Number(
        (await s.t.database.db.execute<{ n: number }>(sql.raw(`SELECT count(*)::int AS n FROM ${table}`))).rows[0]!.n,
      );
    const cadre = (overrides: Record<string, unknown> = {}) => ({
      pairingId: s.f.pairings.jilinZhejiang,
      name: '张挂职',
      gender: 'male',
      birthYear: 1980,
      idNumber: ID_A,
      mobile: MOBILE_A,
      direction: 'ne_to_east',
      homeUnit: '吉林省发展和改革委员会',
      homePost: '处长',
      hostUnit: '浙江省发展和改革委员会',
      hostPost: '副处长',
      rank: 'division',
      batch: '2024年第一批',
      startsOn: '2024-03-01',
      endsOn: '2025-02-28',
      status: 'in_post',
      ...overrides,
    });

    it('keeps identity and mobile numbers encrypted, shows them masked, and reveals one with an audit row', async () => {
      const c = await s.as(s.f.users.jilin);
      const res = await c.post('/api/secondments', cadre());
      expect(res.statusCode, res.body).toBe(201);
      const d = res.json();
      expect(d).toMatchObject({
        name: '张挂职',
        homeSide: 'a',
        idNumber: `220${'*'.repeat(11)}${ID_A.slice(-4)}`,
        mobile: '139****0001',
      });
      // Nothing in the table or the audit trail holds the numbers in the clear.
      const dump = await s.t.database.db.execute<{ t: string }>(
        sql`SELECT (SELECT string_agg(s::text, '') FROM secondments s) || (SELECT string_agg(a.details::text, '') FROM audit_log a) AS t`,
      );
      expect(dump.rows[0]!.t).not.toContain(ID_A);
      expect(dump.rows[0]!.t).not.toContain(MOBILE_A);
      expect(dump.rows[0]!.t).toContain('f1.k1.');

      const shown = await c.post(`/api/secondments/${d.id}/reveal`, { field: 'idNumber', reason: '核对挂职手续' });
      expect(shown.statusCode, shown.body).toBe(200);
      expect(shown.json()).toEqual({ field: 'idNumber', value: ID_A });
      expect(shown.headers['cache-control']).toBe('no-store');
      expect((await c.post(`/api/secondments/${d.id}/reveal`, { field: 'mobile', reason: '联系' })).json().value).toBe(
        MOBILE_A,
      );
      const audit = await s.t.database.db.execute<{
        action: string;
        actor_name: string;
        details: { field: string; person: string; reason: string };
      }>(sql`SELECT action, actor_name, details FROM audit_log WHERE object_id = ${d.id} ORDER BY id`);
      expect(audit.rows.map((r) => r.action)).toEqual(['secondment.create', 'secondment.reveal', 'secondment.reveal']);
      expect(audit.rows[1]).toMatchObject({
        actor_name: 'jilin',
        details: { field: 'idNumber', person: '张挂职', reason: '核对挂职手续' },
      });

      // A ciphertext copied onto another person's row is refused, not decrypted.
      const other = (
        await c.post(
          '/api/secondments',
          cadre({ name: '李挂职', idNumber: withCheckCharacter('22010219810101003'), birthYear: 1981 }),
        )
      ).json();
      await s.t.database.db.execute(
        sql`UPDATE secondments SET id_number_cipher = (SELECT id_number_cipher FROM secondments WHERE id = ${d.id}) WHERE id = ${other.id}`,
      );
      expect((await c.post(`/api/secondments/${other.id}/reveal`, { field: 'idNumber', reason: 'x' })).statusCode).toBe(
        500,
      );
    });

    it('refuses bad input naming the field, and changes nothing', async () => {
      const c = await s.as(s.f.users.jilin);
      const before = await count('secondments');
      const badCheck = await c.post(
        '/api/secondments',
        cadre({ idNumber: `${ID_A.slice(0, 17)}${ID_A[17] === '1' ? '2' : '1'}` }),
      );
      expect(badCheck.statusCode).toBe(400);
      expect(badCheck.json().error.details).toEqual([
        expect.objectContaining({ field: 'idNumber', code: 'id_number_check_digit' }),
      ]);
      const order = await c.post(
        '/api/secondments',
        cadre({ idNumber: withCheckCharacter('22010219800315010'), startsOn: '2024-05-01', endsOn: '2024-04-01' }),
      );
      expect(order.statusCode).toBe(400);
      expect(order.json().error.details[0]).toMatchObject({ field: 'endsOn', code: 'date_order' });
      const year = await c.post(
        '/api/secondments',
        cadre({ idNumber: withCheckCharacter('22010219800315010'), birthYear: 1979 }),
      );
      expect(year.json().error.details[0]).toMatchObject({ field: 'birthYear', code: 'birth_year_mismatch' });
      const dup = await c.post('/api/secondments', cadre());
      expect(dup.json().error.details[0]).toMatchObject({ field: 'idNumber', code: 'duplicate_secondment' });
      const mobile = await c.post(
        '/api/secondments',
        cadre({ idNumber: withCheckCharacter('22010219800315010'), mobile: '12345' }),
      );
      expect(mobile.json().error.details[0]).toMatchObject({ field: 'mobile', code: 'invalid_mobile' });
      expect(await count('secondments')).toBe(before);
    });

    it('shows names only to the pairing offices and 组织部 of its sides; others see counts, another pairing 404', async () => {
      const office = await s.as(s.f.users.jilin);
      const [first] = (await office.get(`/api/secondments?pairingId=${s.f.pairings.jilinZhejiang}`)).json().items;
      expect(first.name).toBeTruthy();
      const zj = await s.as(s.f.users.zhejiang);
      expect((await zj.get(`/api/secondments/${first.id}`)).statusCode).toBe(200);
      const zzb = await s.as(orgDept.jilin);
      expect((await zzb.get('/api/secondments')).json().total).toBeGreaterThanOrEqual(2);
      expect(
        (await zzb.post(`/api/secondments/${first.id}/reveal`, { field: 'mobile', reason: '组织部考核' })).statusCode,
      ).toBe(200);
      for (const u of [s.f.users.liaoning, orgDept.liaoning]) {
        const c = await s.as(u);
        expect((await c.get(`/api/secondments/${first.id}`)).statusCode).toBe(404);
        expect(
          (await c.post(`/api/secondments/${first.id}/reveal`, { field: 'idNumber', reason: 'x' })).statusCode,
        ).toBe(404);
        expect((await c.patch(`/api/secondments/${first.id}`, { version: 1, name: '改' })).statusCode).toBe(404);
        expect((await c.get('/api/secondments')).json().total).toBe(0);
      }
      for (const u of [s.f.users.national, s.f.users.jilinUnit]) {
        const c = await s.as(u);
        expect((await c.get('/api/secondments')).statusCode).toBe(403);
        expect((await c.get(`/api/secondments/${first.id}`)).statusCode).toBe(403);
        expect((await c.get('/api/secondments/export.xlsx')).statusCode).toBe(403);
        const figures = (await c.get(`/api/people/figures?pairingId=${s.f.pairings.jilinZhejiang}`)).json();
        expect(figures.secondments).toEqual([
          expect.objectContaining({ year: 2024, direction: 'ne_to_east', count: 2, inPost: 2 }),
        ]);
        expect(JSON.stringify(figures)).not.toContain('张挂职');
      }
    });

    it('edits a cadre with its version, re-encrypting a changed number, audited with masked values', async () => {
      const c = await s.as(s.f.users.jilin);
      const [d] = (await c.get('/api/secondments?q=张挂职')).json().items;
      const detail = (await c.get(`/api/secondments/${d.id}`)).json();
      const newId = withCheckCharacter('22010219800315029');
      const res = await c.patch(`/api/secondments/${d.id}`, {
        version: detail.version,
        idNumber: newId,
        status: 'returned',
        evaluation: '优秀',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        status: 'returned',
        evaluation: '优秀',
        idNumber: `220***********${newId.slice(-4)}`,
      });
      expect(
        (await c.post(`/api/secondments/${d.id}/reveal`, { field: 'idNumber', reason: '核对' })).json().value,
      ).toBe(newId);
      expect(
        (await c.patch(`/api/secondments/${d.id}`, { version: detail.version, status: 'in_post' })).statusCode,
      ).toBe(409);
      const audit = await s.t.database.db.execute<{ details: string }>(
        sql`SELECT details::text FROM audit_log WHERE object_id = ${d.id} AND action = 'secondment.update'`,
      );
      expect(audit.rows[0]!.details).not.toContain(newId);
    });

    it('imports a roster all or nothing: a bad row is named by row and column, the fixed file goes in', async () => {
      const c = await s.as(orgDept.jilin);
      const row = (i: number, over: Record<string, string | number> = {}) => ({
        name: `花名册${i}`,
        gender: i % 2 ? '男' : '女',
        idNumber: withCheckCharacter(`330102198501${String(10 + i)}003`),
        mobile: `1380000${String(1000 + i)}`,
        direction: '东部→东北',
        homeUnit: '浙江省商务厅',
        homePost: '科长',
        hostUnit: '吉林省商务厅',
        hostPost: '副处长',
        rank: '乡科级',
        batch: '2024年第二批',
        startsOn: '2024-06-01',
        endsOn: '2025-05-31',
        status: '在岗',
        ...over,
      });
      const before = await count('secondments');
      const bad = await uploadRoster(
        s.t,
        c,
        s.f.pairings.jilinZhejiang,
        await rosterFile([row(1), row(2, { rank: '副部级' }), row(3)]),
      );
      expect(bad.statusCode, bad.body).toBe(400);
      const err = bad.json().error;
      expect(err.code).toBe('roster_import_invalid');
      expect(err.details).toEqual([
        expect.objectContaining({ row: 3, column: 'L', field: 'rank', code: 'invalid_rank' }),
      ]);
      expect(err.details[0].zh).toContain('第 3 行 L 列“职级”');
      expect(await count('secondments')).toBe(before);
      // Row 3's unit holds the characters an array literal quotes ("{,}\\): the rows go in as one statement of
      // arrays and must come out as written.
      const oddUnit = '吉林省"商务{厅},处\\室 NULL';
      const fixed = await uploadRoster(
        s.t,
        c,
        s.f.pairings.jilinZhejiang,
        await rosterFile([row(1), row(2, { endsOn: '2025-01-31' }), row(3, { hostUnit: oddUnit })]),
      );
      expect(fixed.statusCode, fixed.body).toBe(200);
      expect(fixed.json()).toEqual({ created: 3, rows: 3 });
      const again = await uploadRoster(s.t, c, s.f.pairings.jilinZhejiang, await rosterFile([row(1)]));
      expect(again.json().error.details[0]).toMatchObject({ row: 2, field: 'idNumber', code: 'duplicate_on_file' });
      const listed = (await c.get('/api/secondments?batch=2024年第二批')).json();
      expect(
        listed.items.map((i: { idNumber: string; direction: string }) => [i.idNumber.slice(0, 3), i.direction]),
      ).toEqual(Array(3).fill(['330', 'east_to_ne']));
      expect(listed.items.map((i: { hostUnit: string }) => i.hostUnit).sort()).toEqual(
        ['吉林省商务厅', '吉林省商务厅', oddUnit].sort(),
      );
      // 组织部's page lists the postings ending soonest first.
      const soonest = (await c.get('/api/secondments?batch=2024年第二批&sort=endsOn')).json();
      expect(soonest.items.map((i: { name: string }) => i.name)[0]).toBe('花名册2');
      expect((await c.get('/api/secondments?sort=name')).statusCode).toBe(400);
      const other = await uploadRoster(s.t, c, s.f.pairings.liaoningJiangsu, await rosterFile([row(9)]));
      expect(other.json().error.details[0]).toMatchObject({ field: 'pairingId', code: 'unknown_pairing' });
      const imported = await s.t.database.db.execute<{ details: string }>(
        sql`SELECT details::text FROM audit_log WHERE action = 'secondment.import'`,
      );
      expect(imported.rows).toHaveLength(1);
      expect(imported.rows[0]!.details).not.toContain(row(1).idNumber);
    });

    it('pages the roster in order under each filter: the pages together are the whole list', async () => {
      const c = await s.as(orgDept.jilin);
      // Nine cadres over three start dates (ties broken by id) and two ranks, in one import.
      const rows = Array.from({ length: 9 }, (_, i) => ({
        name: `分页${i}`,
        gender: '男',
        idNumber: withCheckCharacter(`330102197703${String(10 + i)}005`),
        mobile: `1390000${String(2000 + i)}`,
        direction: '东部→东北',
        homeUnit: '浙江省经信厅',
        homePost: '科长',
        hostUnit: '吉林省工信厅',
        hostPost: '副处长',
        rank: i % 2 ? '县处级' : '乡科级',
        batch: '2023年分页批',
        startsOn: `${2021 + (i % 3)}-03-01`,
        endsOn: `${2022 + (i % 3)}-02-28`,
        status: '在岗',
      }));
      const res = await uploadRoster(s.t, c, s.f.pairings.jilinZhejiang, await rosterFile(rows));
      expect(res.statusCode, res.body).toBe(200);
      const base = `/api/secondments?pairingId=${s.f.pairings.jilinZhejiang}`;
      for (const f of ['', '&demo=false', '&year=2022&rank=division', '&rank=section', '&q=分页', '&sort=endsOn']) {
        const whole = (await c.get(`${base}${f}&pageSize=500`)).json();
        const ids = whole.items.map((i: { id: string }) => i.id);
        expect(whole.total, f).toBe(ids.length);
        const paged: string[] = [];
        for (let page = 1; page <= Math.ceil(ids.length / 2) + 1; page++) {
          const p = (await c.get(`${base}${f}&pageSize=2&page=${page}`)).json();
          expect(p.total, f).toBe(ids.length);
          paged.push(...p.items.map((i: { id: string }) => i.id));
        }
        expect(paged, f).toEqual(ids);
      }
      const started = (await c.get(`${base}&q=分页&pageSize=500`))
        .json()
        .items.map((i: { startsOn: string }) => i.startsOn);
      expect(started).toEqual([...started].sort().reverse());
      expect(started).toHaveLength(9);
    });

    it('pages a long roster from its marks: every page as the whole list has it, before and after a write', async () => {
      const c = await s.as(orgDept.jilin);
      // 260 cadres over two start dates: deep pages start from a kept mark (every 100th cadre), and a mark falls
      // inside a day's cadres, whose order is by id.
      const row = (i: number, batch: string, startsOn: string) => ({
        name: `标记${i}`,
        gender: '女',
        idNumber: withCheckCharacter(`330102197801${String(10 + (i % 18))}${String(i).padStart(3, '0')}`),
        mobile: `1390001${String(i).padStart(4, '0')}`,
        direction: '东部→东北',
        homeUnit: '浙江省商务厅',
        homePost: '科长',
        hostUnit: '吉林省商务厅',
        hostPost: '副处长',
        rank: i % 2 ? '县处级' : '乡科级',
        batch,
        startsOn,
        endsOn: `${Number(startsOn.slice(0, 4)) + 1}-02-28`,
        status: '在岗',
      });
      const rows = Array.from({ length: 260 }, (_, i) => row(i, '2020年标记批', i % 3 ? '2020-03-01' : '2019-09-01'));
      const analyzed = async () =>
        (
          await s.t.database.db.execute<{ n: number }>(
            sql`SELECT analyze_count::int AS n FROM pg_stat_user_tables WHERE relname = 'secondments'`,
          )
        ).rows[0]!.n;
      const analyzedBefore = await analyzed();
      expect((await uploadRoster(s.t, c, s.f.pairings.jilinZhejiang, await rosterFile(rows))).statusCode).toBe(200);
      // PGlite has no autovacuum: the import has its table analyzed at once, not at the next periodic upkeep, so the
      // roster's page statements plan on its rows (PostgreSQL's autovacuum does it there).
      if (engine === 'pglite') await expect.poll(analyzed, { timeout: 15_000 }).toBeGreaterThan(analyzedBefore);
      const base = `/api/secondments?pairingId=${s.f.pairings.jilinZhejiang}&q=标记`;
      const pagesMatch = async (f: string) => {
        const whole = (await c.get(`${base}${f}&pageSize=500`)).json();
        const ids: string[] = whole.items.map((i: { id: string }) => i.id);
        for (const size of [7, 50]) {
          const paged: string[] = [];
          for (let page = 1; page <= Math.ceil(ids.length / size); page++) {
            const p = (await c.get(`${base}${f}&pageSize=${size}&page=${page}`)).json();
            expect(p.total, f).toBe(ids.length);
            paged.push(...p.items.map((i: { id: string }) => i.id));
          }
          expect(paged, `${f} by ${size}`).toEqual(ids);
        }
        const past = (await c.get(`${base}${f}&pageSize=50&page=${Math.ceil(ids.length / 50) + 1}`)).json();
        expect(past, f).toMatchObject({ items: [], total: ids.length });
        return ids;
      };
      // A filter's first pages read its count and the page, not its marks (a window over all of the filter's
      // cadres); the first page past the first mark's stretch reads them.
      const marks = countStatements(s.t.database.db, /row_number\(\) over/i);
      for (const page of [1, 2]) await c.get(`${base}&rank=division&pageSize=50&page=${page}`);
      expect(marks.count).toBe(0);
      await c.get(`${base}&rank=division&pageSize=50&page=3`);
      expect(marks.count).toBe(1);
      marks.restore();
      // Pages of every length and place, from the top or from a mark, are one statement each, whose bound is the page's
      // end read through a subquery: not a plain LIMIT value, which PostgreSQL plans afresh on every run, nor written
      // into the text, a statement per span each planned five times on every connection (page-marks).
      const texts = new Set<string>();
      const pages = countStatements(s.t.database.db, /^select "secondments"\."id" as "id"/i, (text) => texts.add(text));
      for (const [size, n] of [
        [7, 2],
        [9, 2],
        [10, 2],
        [40, 2],
      ])
        await c.get(`${base}&rank=division&pageSize=${size}&page=${n}`);
      for (const [size, n] of [
        [7, 16],
        [9, 13],
        [10, 12],
        [25, 5],
      ])
        await c.get(`${base}&rank=division&pageSize=${size}&page=${n}`);
      pages.restore();
      expect(pages.count).toBe(8);
      expect(texts.size).toBe(2);
      for (const text of texts) {
        expect(text).toMatch(/\) LIMIT \(SELECT \$\d+::int\)\)/);
        expect(text).not.toMatch(/limit (\$|\d)|offset \$/i);
      }
      expect(await pagesMatch('')).toHaveLength(260);
      expect(await pagesMatch('&rank=division')).toHaveLength(130);
      // A write moves every later cadre: the marks are read again, not kept from before it.
      const more = Array.from({ length: 5 }, (_, k) => row(300 + k, '2021年标记批', '2020-03-01'));
      expect((await uploadRoster(s.t, c, s.f.pairings.jilinZhejiang, await rosterFile(more))).statusCode).toBe(200);
      expect(await pagesMatch('')).toHaveLength(265);
      // Another side's 组织部 sees none of them, from any page.
      const other = await s.as(orgDept.liaoning);
      expect((await other.get(`${base}&pageSize=7&page=20`)).json()).toMatchObject({ items: [], total: 0 });
    });

    it('plans a page of a year and rank once for every year, and writes no audit row for a list', async () => {
      const c = await s.as(orgDept.jilin);
      const made = await c.post(
        '/api/secondments',
        cadre({ batch: '2019年计划批', startsOn: '2019-03-01', endsOn: '2020-02-28' }),
      );
      expect(made.statusCode, made.body).toBe(201);
      // The page statement as the app sends it, and its values (the year among them, given twice).
      let page: { text: string; values: unknown[] } | undefined;
      const pages = countStatements(s.t.database.db, /^select "secondments"\."id" as "id"/i, (text, values) => {
        page = { text, values };
      });
      const audited = await count('audit_log');
      const res = await c.get(`/api/secondments?pairingId=${s.f.pairings.jilinZhejiang}&year=2019&rank=division`);
      pages.restore();
      expect(res.statusCode, res.body).toBe(200);
      // A list shows masked numbers only: no audit row (reveals and named exports have theirs, tests above and below).
      expect(await count('audit_log')).toBe(audited);
      expect(page?.values.filter((v) => String(v) === '2019')).toHaveLength(2);
      // The reader's pairings are written into the text of a statement prepared for their scope, not sent as a uuid[]
      // value that every run reads afresh (kernel/pairing-scope.repository.ts rowsInPairingScopeWritten).
      expect(page?.values.filter((v) => String(v).startsWith('{'))).toEqual([]);
      expect(page?.text).toContain(s.f.pairings.jilinZhejiang);
      // Run by itself on one connection over a roster of 4,000 cadres across ten years (rolled back): PostgreSQL
      // plans each statement's first five runs for their values, then keeps one plan if it costs no more than theirs.
      // With the year given as a value it priced that plan above the runs' own and planned every run afresh.
      const client = await s.t.database.pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(
          `INSERT INTO secondments (id, pairing_id, name, gender, birth_year, id_number_cipher, id_number_masked,
             id_number_index, direction, home_unit, home_post, host_unit, host_post, rank, batch, starts_on, ends_on,
             status)
           SELECT gen_random_uuid(), $1, '计划' || g, 'male', 1980, '-', '-', 'plan-' || g, 'ne_to_east', '甲', '科长',
             '乙', '副处长', (ARRAY['division', 'bureau', 'section', 'professional'])[1 + g % 4], '计划批',
             make_date(2016 + g % 10, 1 + g % 12, 1), make_date(2017 + g % 10, 1 + g % 12, 1), 'in_post'
           FROM generate_series(1, 4000) g`,
          [s.f.pairings.jilinZhejiang],
        );
        await client.query('ANALYZE secondments');
        for (let year = 2016; year < 2026; year++)
          await client.query({
            name: 'page_of_a_year',
            text: page!.text,
            values: page!.values.map((v) => (String(v) === '2019' ? year : v)),
          });
        const { rows } = await client.query<{ generic_plans: string; custom_plans: string }>(
          `SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = 'page_of_a_year'`,
        );
        expect(rows).toEqual([{ generic_plans: '5', custom_plans: '5' }]);
      } finally {
        await client.query('ROLLBACK');
        // Dropped, not given back: its named statement goes with it.
        client.release(true);
      }
    });

    it('exports named data with a watermark line, and audits the export', async () => {
      const c = await s.as(s.f.users.jilin);
      const res = await c.get(`/api/secondments/export.xlsx?pairingId=${s.f.pairings.jilinZhejiang}`);
      expect(res.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      expect(String(ws.getCell(2, 1).value)).toMatch(/^导出人：jilin.*导出时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
      const cells = JSON.stringify(ws.getSheetValues());
      expect(cells).toContain('花名册1');
      expect(cells).not.toContain(ID_A);
      const audit = await s.t.database.db.execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'secondment.export' AND actor_name = 'jilin'`,
      );
      expect(Number(audit.rows[0]!.n)).toBe(1);
    });

    it('records a training toward the yearly target of 吉浙 38, and the task moves', async () => {
      const c = await s.as(s.f.users.jilin);
      const task = (
        await s.t.database.db.execute<{ id: string; status: string }>(
          sql`SELECT t.id, t.status FROM tasks t WHERE t.pairing_id = ${s.f.pairings.jilinZhejiang} AND t.code = '38'`,
        )
      ).rows[0]!;
      const training = {
        pairingId: s.f.pairings.jilinZhejiang,
        title: '吉林省干部赴浙江专题培训班',
        organiser: '浙江大学',
        hostSide: 'b',
        place: '杭州',
        startsOn: '2024-07-01',
        endsOn: '2024-07-10',
        trainees: { officials: 300, managers: 150, professionals: 50, other: 0 },
        bySide: { a: 480, b: 20 },
        taskId: task.id,
      };
      const mismatch = await c.post('/api/trainings', { ...training, bySide: { a: 1, b: 1 } });
      expect(mismatch.json().error.details[0]).toMatchObject({ field: 'bySide', code: 'trainee_sides_total' });
      const order = await c.post('/api/trainings', { ...training, endsOn: '2024-06-01' });
      expect(order.json().error.details[0]).toMatchObject({ field: 'endsOn', code: 'date_order' });
      const foreignTask = await c.post('/api/trainings', { ...training, pairingId: s.f.pairings.jilinWenzhou });
      expect(foreignTask.json().error.details[0]).toMatchObject({ field: 'taskId', code: 'task_not_in_pairing' });
      expect(await count('trainings')).toBe(0);
      // The list's total is kept per filter until trainings are written: each page below is another address (no
      // cached answer), so its total is the kept count, which each new training must refresh.
      const totalOn = async (page: number) =>
        (await c.get(`/api/trainings?pairingId=${s.f.pairings.jilinZhejiang}&pageSize=1&page=${page}`)).json().total;
      expect(await totalOn(1)).toBe(0);

      const res = await c.post('/api/trainings', training);
      expect(res.statusCode, res.body).toBe(201);
      expect(await totalOn(2)).toBe(1);
      expect(res.json().progress).toMatchObject({ year: 2024, target: 1000, trainees: 500, percent: 50 });
      const taskAfter = (await c.get(`/api/tasks/${task.id}`)).json();
      expect(taskAfter.status).toBe('in_progress');
      const second = await c.post('/api/trainings', {
        ...training,
        title: '第二期',
        trainees: { officials: 0, managers: 0, professionals: 600, other: 0 },
        bySide: { a: 600, b: 0 },
      });
      expect(second.json().progress).toMatchObject({ trainees: 1100, percent: 110 });
      expect(await totalOn(3)).toBe(2);
      const progress = (
        await c.get(`/api/trainings/progress?pairingId=${s.f.pairings.jilinZhejiang}&year=2024`)
      ).json();
      expect(progress.items).toEqual([expect.objectContaining({ taskId: task.id, trainees: 1100, target: 1000 })]);
      const audit = await s.t.database.db.execute<{ action: string }>(
        sql`SELECT action FROM audit_log WHERE action IN ('training.create', 'task.progress') ORDER BY id`,
      );
      expect(audit.rows.map((r) => r.action)).toEqual(['training.create', 'task.progress', 'training.create']);

      const edit = await c.patch(`/api/trainings/${res.json().id}`, { version: 1, place: '宁波' });
      expect(edit.json()).toMatchObject({ place: '宁波', version: 2 });
      const liaoning = await s.as(s.f.users.liaoning);
      expect((await liaoning.get(`/api/trainings/${res.json().id}`)).statusCode).toBe(404);
      expect((await liaoning.patch(`/api/trainings/${res.json().id}`, { version: 2, place: 'x' })).statusCode).toBe(
        404,
      );
      expect((await liaoning.get('/api/trainings')).json().total).toBe(0);
      const unit = await s.as(s.f.users.jilinUnit);
      const figures = (await unit.get(`/api/people/figures?pairingId=${s.f.pairings.jilinZhejiang}&year=2024`)).json();
      expect(figures.trainees).toEqual([
        expect.objectContaining({
          year: 2024,
          trainings: 2,
          officials: 300,
          managers: 150,
          professionals: 650,
          sideA: 1080,
          sideB: 20,
        }),
      ]);
      const ledger = await c.get('/api/trainings/export.xlsx');
      expect(ledger.statusCode).toBe(200);
    });

    it('counts exchange visits and expert support per year, each with evidence', async () => {
      const c = await s.as(s.f.users.jilin);
      const base = {
        pairingId: s.f.pairings.jilinZhejiang,
        kind: 'expert_station',
        title: '院士专家工作站（长春）',
        heldOn: '2024-09-01',
        participants: 3,
        evidence: '吉科发〔2024〕12号',
      };
      const res = await c.post('/api/exchanges', base);
      expect(res.statusCode, res.body).toBe(201);
      expect((await c.post('/api/exchanges', { ...base, evidence: '' })).json().error.details[0]).toMatchObject({
        field: 'evidence',
        code: 'required',
      });
      expect((await c.post('/api/exchanges', { ...base, endsOn: '2024-08-01' })).json().error.details[0]).toMatchObject(
        { field: 'endsOn' },
      );
      await c.post('/api/exchanges', { ...base, kind: 'visit', title: '浙江考察团赴吉林考察', participants: 25 });
      const figures = (await c.get(`/api/people/figures?pairingId=${s.f.pairings.jilinZhejiang}&year=2024`)).json();
      expect(figures.exchanges.map((e: { kind: string; count: number }) => [e.kind, e.count])).toEqual([
        ['expert_station', 1],
        ['visit', 1],
      ]);
      const liaoning = await s.as(s.f.users.liaoning);
      expect((await liaoning.get(`/api/exchanges/${res.json().id}`)).statusCode).toBe(404);
    });

    it('makes demo cadres, trainings and exchanges through the services, marked 演示', async () => {
      const counts = await fillDemoPeople(systemContext(s.t.deps), s.f.pairings.liaoningJiangsu, '辽宁省', '江苏省');
      expect(counts).toEqual({ secondments: 12, trainings: 4, exchanges: 3 });
      const c = await s.as(s.f.users.liaoning);
      const list = (await c.get(`/api/secondments?pairingId=${s.f.pairings.liaoningJiangsu}&demo=true`)).json();
      expect(list.total).toBe(12);
      expect(
        list.items.every((i: { name: string; isDemo: boolean }) => i.isDemo && i.name.startsWith('【演示】')),
      ).toBe(true);
      expect((await c.get('/api/trainings?demo=true')).json().total).toBe(4);
    });
  },
  180_000,
);
