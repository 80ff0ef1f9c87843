import { describe, it, expect } from 'vitest';
import { sql } from 'drizzle-orm';
import { testEngines } from '../../testing/test-engines.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import { countStatements } from '../../testing/statement-counter.ts';

describe.each(testEngines())('pairings on %s', (engine) => {
  const s = useProgrammeApp(engine);

  it('loads the 7 pairings of 国办发〔2017〕22号 with Inner Mongolia exploratory', async () => {
    const c = await s.as(s.f.users.national);
    const dash = (await c.get('/api/dashboard')).json();
    expect(dash.programme.docNo).toBe('国办发〔2017〕22号');
    expect(dash.counts.pairings).toBe(7);
    expect(dash.counts.exploratory).toBeGreaterThanOrEqual(1);
    const names = dash.pairings.map((p: { name: string }) => p.name);
    for (const n of [
      '辽宁省—江苏省',
      '吉林省—浙江省',
      '黑龙江省—广东省',
      '沈阳市—北京市',
      '大连市—上海市',
      '长春市—天津市',
      '哈尔滨市—深圳市',
    ])
      expect(names).toContain(n);
    const jz = dash.pairings.find((p: { name: string }) => p.name === '吉林省—浙江省');
    expect(jz.subPairCount).toBe(11);
    const listed = (await c.get('/api/pairings?parentId=root&pageSize=50')).json();
    expect(listed.items.find((p: { name: string }) => p.name === '辽宁省—江苏省').subPairCount).toBeGreaterThanOrEqual(
      9,
    );
    const im = dash.pairings.find((p: { sideA: { code: string }[] }) => p.sideA[0].code === '150000');
    expect(im.status).toBe('exploratory');
    expect(im.sideB).toEqual([]);
    for (const p of dash.pairings.filter((x: { status: string }) => x.status === 'active')) {
      for (const r of [...p.sideA, ...p.sideB]) expect(typeof r.lng).toBe('number');
    }
  });

  it('shows 吉林—浙江 with its offices, source clause and 11 city liaison sub-pairs', async () => {
    const c = await s.as(s.f.users.jilin);
    const res = await c.get(`/api/pairings/${s.f.pairings.jilinZhejiang}`);
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.sideA.map((r: { code: string }) => r.code)).toEqual(['220000']);
    expect(p.sideB.map((r: { code: string }) => r.code)).toEqual(['330000']);
    expect(p.offices.find((o: { side: string }) => o.side === 'a').hostUnit).toBe('吉林省发展改革委');
    expect(p.offices.find((o: { side: string }) => o.side === 'b').hostUnit).toMatch(/省对口支援办/);
    expect(p.subPairs).toHaveLength(11);
    const changchun = p.subPairs.find((s: { sideB: { code: string }[] }) => s.sideB[0].code === '330100');
    expect(changchun.sideA.map((r: { code: string }) => r.code)).toContain('220100');
    expect(changchun.sideA).toHaveLength(2);
    const codesA = p.subPairs.flatMap((s: { sideA: { code: string }[] }) => s.sideA.map((r) => r.code));
    expect(codesA).toEqual(expect.arrayContaining(['220581', '220184']));
    expect(p.mapProvinces).toEqual(expect.arrayContaining(['220000', '330000']));
  });

  it('answers each user and each filter its own pairings, though each list statement is built once per shape', async () => {
    const jilin = await s.as(s.f.users.jilin);
    const liaoning = await s.as(s.f.users.liaoning);
    const names = async (c: typeof jilin, query: string) => {
      const body = (await c.get(`/api/pairings?pageSize=100${query}`)).json();
      return { names: body.items.map((p: { name: string }) => p.name).sort() as string[], total: body.total as number };
    };
    // The same filters for every pairing and for two scopes, one after the other and back: the statements of a shape
    // take the reader's pairings as a value, one statement for every limited scope and one for the unlimited.
    const national = await s.as(s.f.users.national);
    expect((await names(national, '&parentId=root')).total).toBe(8);
    const jilinTop = await names(jilin, '&parentId=root');
    expect(jilinTop.names).toEqual(['吉林省—浙江省']);
    expect((await names(liaoning, '&parentId=root')).names).toEqual(['辽宁省—江苏省']);
    expect(await names(jilin, '&parentId=root')).toEqual(jilinTop);
    // One user: a filter given, another value, then absent.
    const all = await names(jilin, '');
    expect(all.total).toBe(12);
    const subs = await names(jilin, `&parentId=${s.f.pairings.jilinZhejiang}`);
    expect(subs.total).toBe(11);
    expect([...jilinTop.names, ...subs.names].sort()).toEqual(all.names);
    expect((await names(jilin, '&q=长春')).names.every((n) => n.includes('长春'))).toBe(true);
    expect((await names(jilin, '&q=辽宁')).total).toBe(0);
    expect(await names(jilin, '')).toEqual(all);
    expect((await names(national, '&parentId=root')).total).toBe(8);
    // A pairing's page: out of 辽宁's scope after the national office and 吉林 read it; 长春 sees its own sub-pair's
    // page without the parent it does not see.
    const jz = `/api/pairings/${s.f.pairings.jilinZhejiang}`;
    expect((await national.get(jz)).json().subPairs).toHaveLength(11);
    expect((await jilin.get(jz)).json().name).toBe('吉林省—浙江省');
    expect((await liaoning.get(jz)).statusCode).toBe(404);
    const changchun = await s.as(s.f.users.changchun);
    const own = (await names(changchun, '')).names.find((n) => subs.names.includes(n));
    expect(own).toBeDefined();
    const subId = (await jilin.get(`/api/pairings?pageSize=100&parentId=${s.f.pairings.jilinZhejiang}`))
      .json()
      .items.find((p: { name: string }) => p.name === own)!.id;
    expect((await jilin.get(`/api/pairings/${subId}`)).json().parent?.name).toBe('吉林省—浙江省');
    expect((await changchun.get(`/api/pairings/${subId}`)).json().parent).toBeNull();
    expect((await changchun.get(jz)).statusCode).toBe(404);
  });

  it('counts a filter once across its pages and sorts, and follows a new sub-pair at once', async () => {
    const db = s.t.database.db;
    const statements = countStatements(db, /^select count\(\*\) from "pairings"/i);
    try {
      const c = await s.as(s.f.users.jilin);
      const first = (await c.get('/api/pairings?pageSize=2&page=1')).json();
      const before = statements.count;
      const second = (await c.get('/api/pairings?pageSize=2&page=2&sort=name')).json();
      expect(statements.count).toBe(before);
      expect(second.total).toBe(first.total);
      const created = await c.post('/api/pairings', {
        programmeId: s.f.programmeId,
        parentId: s.f.pairings.jilinZhejiang,
        level: 'county',
        sideA: ['220105'],
        sideB: ['330106'],
        theme: '文旅',
      });
      expect(created.statusCode, created.body).toBe(201);
      const after = (await c.get('/api/pairings?pageSize=2&page=3')).json();
      expect(statements.count).toBe(before + 1);
      expect(after.total).toBe(first.total + 1);
    } finally {
      statements.restore();
    }
  });

  it('keeps the 辽宁—江苏 themed sub-pairs with their clause', async () => {
    const c = await s.as(s.f.users.liaoning);
    const p = (await c.get(`/api/pairings/${s.f.pairings.liaoningJiangsu}`)).json();
    const themes = Object.fromEntries(p.subPairs.map((s: { name: string; theme: string }) => [s.name, s.theme]));
    expect(themes['盘锦市—无锡市']).toBe('互联网+');
    expect(themes['辽阳市—南通市']).toBe('装备制造');
    expect(themes['丹东市—扬州市']).toBe('旅游');
    const detail = (await c.get(`/api/pairings/${s.f.pairings.panjinWuxi}`)).json();
    expect(detail.source.quote).toMatch(/盘锦/);
    expect(detail.parent.name).toBe('辽宁省—江苏省');
  });

  it('lets a pairing office create, edit and deactivate a sub-pair of its own pairing, audited', async () => {
    const c = await s.as(s.f.users.jilin);
    const created = await c.post('/api/pairings', {
      programmeId: s.f.programmeId,
      parentId: s.f.pairings.jilinZhejiang,
      level: 'county',
      sideA: ['220102'],
      sideB: ['330102'],
      theme: '数字经济',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json().name).toMatch(/—/);
    const edited = await c.patch(`/api/pairings/${id}`, {
      version: 1,
      theme: '数字经济与电子商务',
      contacts: [{ side: 'a', name: '张三', post: '处长', phone: '0431-88888888' }],
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().contacts[0].name).toBe('张三');
    const stale = await c.patch(`/api/pairings/${id}`, { version: 1, theme: 'x' });
    expect(stale.statusCode).toBe(409);
    const off = await c.patch(`/api/pairings/${id}`, { version: 2, status: 'inactive' });
    expect(off.json().status).toBe('inactive');
    const audit = await s.t.database.db.execute<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE object_id = ${id} ORDER BY id`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['pairing.create', 'pairing.update', 'pairing.deactivate']);
  });

  it('keeps a sub-pair inside its parent’s sides, when created and when edited', async () => {
    const c = await s.as(s.f.users.jilin);
    const sub = { programmeId: s.f.programmeId, parentId: s.f.pairings.jilinZhejiang, level: 'county' };
    const codes = (res: { json: () => { error: { details: { field: string; code: string }[] } } }) =>
      res.json().error.details.map((d) => `${d.field}:${d.code}`);
    // 大连 (辽宁) and 无锡 (江苏) under 吉林—浙江.
    const foreign = await c.post('/api/pairings', { ...sub, sideA: ['210200'], sideB: ['320200'] });
    expect(foreign.statusCode).toBe(400);
    expect(codes(foreign)).toEqual(['sideA.0:outside_parent', 'sideB.0:outside_parent']);
    const half = await c.post('/api/pairings', { ...sub, sideA: ['220281'], sideB: ['320200'] });
    expect(codes(half)).toEqual(['sideB.0:outside_parent']);
    // Counties of 吉林市 and 宁波市, in the parent's order and the other way round.
    const inside = await c.post('/api/pairings', { ...sub, sideA: ['220281'], sideB: ['330281'] });
    expect(inside.statusCode).toBe(201);
    const crossed = await c.post('/api/pairings', { ...sub, sideA: ['330282'], sideB: ['220282'] });
    expect(crossed.statusCode).toBe(201);
    const moved = await c.patch(`/api/pairings/${inside.json().id}`, { version: 1, sideB: ['320200'] });
    expect(moved.statusCode).toBe(400);
    expect(codes(moved)).toEqual(['sideB.0:outside_parent']);
    expect(
      (await c.get(`/api/pairings/${inside.json().id}`)).json().sideB.map((r: { code: string }) => r.code),
    ).toEqual(['330281']);
  });

  it('refuses a pairing office changing the sides of a national pairing, but lets it keep its offices current', async () => {
    const c = await s.as(s.f.users.jilin);
    const current = (await c.get(`/api/pairings/${s.f.pairings.jilinZhejiang}`)).json();
    expect(
      (await c.patch(`/api/pairings/${s.f.pairings.jilinZhejiang}`, { version: current.version, sideB: ['320000'] }))
        .statusCode,
    ).toBe(403);
    const ok = await c.patch(`/api/pairings/${s.f.pairings.jilinZhejiang}`, {
      version: current.version,
      contacts: [{ side: 'a', name: '李四', phone: '0431-12345678' }],
    });
    expect(ok.statusCode).toBe(200);
    expect(
      (
        await c.post('/api/pairings', {
          programmeId: s.f.programmeId,
          level: 'province',
          sideA: ['230000'],
          sideB: ['440300'],
        })
      ).statusCode,
    ).toBe(403);
  });

  it('rejects bad input with the field named and changes nothing', async () => {
    const c = await s.as(s.f.users.national);
    const count = async () =>
      Number(
        (
          await s.t.database.db.execute<{ n: number }>(
            sql`SELECT (SELECT count(*) FROM pairings) + (SELECT count(*) FROM audit_log) AS n`,
          )
        ).rows[0]!.n,
      );
    const before = await count();
    const base = { programmeId: s.f.programmeId, level: 'city', sideA: ['220200'], sideB: ['330300'] };
    const cases: [unknown, string, string][] = [
      [{ ...base, sideA: ['999999'] }, 'sideA.0', 'unknown_region'],
      [{ ...base, sideB: ['220200'] }, 'sideB', 'same_region'],
      [{ ...base, sideA: ['210000'], sideB: ['320000'] }, 'sideB', 'duplicate_pairing'],
      [{ ...base, sideA: ['320000'], sideB: ['210000'] }, 'sideB', 'duplicate_pairing'],
      [{ ...base, colour: 'red' }, 'colour', 'unknown_field'],
      [{ ...base, level: 42 }, 'level', 'invalid_value'],
      [{ ...base, theme: 'x'.repeat(201) }, 'theme', 'too_long'],
      [{ ...base, sideA: 'abc' }, 'sideA', 'invalid_type'],
      [{ ...base, parentId: '00000000-0000-4000-8000-000000000000' }, 'parentId', 'unknown_parent'],
      [{ ...base, startedOn: '2020-01-01', endedOn: '2019-01-01' }, 'endedOn', 'date_order'],
    ];
    for (const [body, field, code] of cases) {
      const res = await c.post('/api/pairings', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      const d = res.json().error.details.find((x: { field: string }) => x.field === field);
      expect(d, `${field} in ${JSON.stringify(res.json().error.details)}`).toBeTruthy();
      expect(d.code).toBe(code);
      expect(d.zh).toMatch(/[\u4e00-\u9fa5]/);
    }
    const malformed = await c.request('POST', '/api/pairings', '{"programmeId": ', {
      'content-type': 'application/json',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('invalid_json');
    expect(await count()).toBe(before);
  });
});
