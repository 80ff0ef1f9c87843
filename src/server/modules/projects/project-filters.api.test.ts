import { describe, it, expect, beforeAll } from 'vitest';
import { testEngines } from '../../testing/test-engines.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import { systemContext } from '../../http/system-actor.ts';
import { buildEvent, buildPark } from '../../seed/builders.ts';
import { newProject } from './test-support/project-api.ts';

/*
 * The ledger filters the web pages use beyond the basic ones: green channel, industry division, and a pairing
 * together with its sub-pairs (list, totals, export and stats), always within the user's scope.
 */
describe.each(testEngines())('project ledger filters on %s', (engine) => {
  const s = useProgrammeApp(engine);
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const c = await s.as(s.f.users.jilin);
    const create = async (key: string, pairingId: string, extra: Record<string, unknown>) => {
      const res = await c.post('/api/projects', newProject(pairingId, extra));
      expect(res.statusCode, res.body).toBe(201);
      ids[key] = res.json().id;
    };
    await create('parent', s.f.pairings.jilinZhejiang, {
      title: '长春汽车项目',
      investor: '甲公司',
      greenChannel: true,
      stage: 'signed',
      stageOn: '2024-03-01',
      signedAmount: '100',
      plannedInvestment: '40',
    });
    await create('parentDrugs', s.f.pairings.jilinZhejiang, {
      title: '长春医药项目',
      investor: '乙公司',
      industryDivision: '27',
      plannedInvestment: '40',
    });
    await create('sub', s.f.pairings.jilinWenzhou, {
      title: '吉林市鞋业项目',
      investor: '丙公司',
      hostRegionCode: '220200',
      greenChannel: true,
      stage: 'signed',
      stageOn: '2024-03-01',
      signedAmount: '25.5',
      plannedInvestment: null,
    });
    const ctx = systemContext(s.t.deps);
    await buildPark(ctx, {
      pairingId: s.f.pairings.jilinWenzhou,
      name: '吉林温州产业园',
      type: 'cooperation',
      hostRegionCode: '220200',
    });
    await buildEvent(ctx, {
      pairingId: s.f.pairings.jilinZhejiang,
      kind: 'promotion',
      title: '浙商吉林行',
      startsOn: '2024-05-10',
      endsOn: '2024-05-12',
    });
  });

  const listed = (body: { items: { id: string }[] }) => body.items.map((p) => p.id).sort();

  it('filters by green channel and by industry division', async () => {
    const c = await s.as(s.f.users.jilin);
    const green = (await c.get('/api/projects?greenChannel=true')).json();
    expect(listed(green)).toEqual([ids.parent, ids.sub].sort());
    expect(green.totals.signed).toBe('125.5');
    expect(listed((await c.get('/api/projects?greenChannel=false')).json())).toEqual([ids.parentDrugs]);
    const drugs = (await c.get('/api/projects?industryDivision=27')).json();
    expect(listed(drugs)).toEqual([ids.parentDrugs]);
    expect(drugs.items[0].industryName).toBe('医药制造业');
    expect((await c.get('/api/projects?industryDivision=C1')).statusCode).toBe(400);
  });

  it('adds up a pairing with its sub-pairs when asked, in the list, its totals and the stats', async () => {
    const c = await s.as(s.f.users.jilin);
    const jz = s.f.pairings.jilinZhejiang;
    const own = (await c.get(`/api/projects?pairingId=${jz}`)).json();
    expect(listed(own)).toEqual([ids.parent, ids.parentDrugs].sort());
    const all = (await c.get(`/api/projects?pairingId=${jz}&withSubPairs=true`)).json();
    expect(listed(all)).toEqual([ids.parent, ids.parentDrugs, ids.sub].sort());
    expect(all.totals).toEqual({ signed: '125.5', planned: '80', arrived: '0', completed: '0' });

    const exact = (await c.get(`/api/projects/stats?pairingId=${jz}`)).json();
    expect(exact.counts).toEqual({ projects: 2, landmark: 0, demo: 0, parks: 0, events: 1 });
    const rolled = (await c.get(`/api/projects/stats?pairingId=${jz}&withSubPairs=true`)).json();
    expect(rolled.counts).toEqual({ projects: 3, landmark: 0, demo: 0, parks: 1, events: 1 });
    expect(rolled.overall).toMatchObject({ signedProjects: 2, signedAmount: '125.5' });
  });

  it('answers each user and each filter its own rows, though each ledger statement is built once per shape', async () => {
    const jilin = await s.as(s.f.users.jilin);
    const changchun = await s.as(s.f.users.changchun);
    const page = async (c: typeof jilin, query: string) =>
      listed((await c.get(`/api/projects?pageSize=20${query}`)).json());
    // The same filters for two scopes, one after the other and back: 长春 sees none of 吉林's projects.
    expect(await page(jilin, '&greenChannel=true')).toEqual([ids.parent, ids.sub].sort());
    expect(await page(changchun, '&greenChannel=true')).toEqual([]);
    expect(await page(jilin, '&greenChannel=true')).toEqual([ids.parent, ids.sub].sort());
    // One user: a filter given, then another value, then absent.
    expect(await page(jilin, '&greenChannel=false')).toEqual([ids.parentDrugs]);
    expect(await page(jilin, '')).toEqual([ids.parent, ids.parentDrugs, ids.sub].sort());
    expect(await page(jilin, '&industryDivision=27')).toEqual([ids.parentDrugs]);
    // A search of one character, of two (the index alone) and of more (the index and the infix check).
    expect(await page(jilin, '&q=鞋')).toEqual([ids.sub]);
    expect(await page(jilin, '&q=长春')).toEqual([ids.parent, ids.parentDrugs].sort());
    expect(await page(jilin, '&q=长春汽车')).toEqual([ids.parent]);
    expect(await page(jilin, '&q=吉林市鞋')).toEqual([ids.sub]);
    // A pairing alone, then with its sub-pairs.
    const jz = s.f.pairings.jilinZhejiang;
    expect(await page(jilin, `&pairingId=${jz}`)).toEqual([ids.parent, ids.parentDrugs].sort());
    expect(await page(jilin, `&pairingId=${jz}&withSubPairs=true`)).toEqual(
      [ids.parent, ids.parentDrugs, ids.sub].sort(),
    );
    // A project's page: out of 长春's scope after 吉林 read it, and the next project for 吉林.
    expect((await jilin.get(`/api/projects/${ids.parent}`)).json().title).toBe('长春汽车项目');
    expect((await changchun.get(`/api/projects/${ids.parent}`)).statusCode).toBe(404);
    expect((await jilin.get(`/api/projects/${ids.sub}`)).json().title).toBe('吉林市鞋业项目');
  });

  it('keeps the roll-up inside the user’s scope', async () => {
    // 长春 sees its own city pairings only: neither 吉林—浙江 nor its 吉林市 sub-pair.
    const changchun = await s.as(s.f.users.changchun);
    const jz = s.f.pairings.jilinZhejiang;
    expect((await changchun.get(`/api/projects?pairingId=${jz}&withSubPairs=true`)).json().total).toBe(0);
    expect((await changchun.get(`/api/projects/stats?pairingId=${jz}&withSubPairs=true`)).json().counts).toEqual({
      projects: 0,
      landmark: 0,
      demo: 0,
      parks: 0,
      events: 0,
    });
    const liaoning = await s.as(s.f.users.liaoning);
    expect((await liaoning.get(`/api/projects?greenChannel=true&pairingId=${jz}&withSubPairs=true`)).json().total).toBe(
      0,
    );
  });
});
